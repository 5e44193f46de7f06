// Writes src/generated/openapi.d.ts, the API's types, from the OpenAPI document that the server
// is built from (mobile-api/openapi.json), with openapi-typescript. With `--check` it writes
// nothing and fails when the committed file is not what the document gives.
//
// openapi-typescript prints its output with TypeScript 5's compiler API, which TypeScript 7 (the
// app's type checker) no longer has: this folder is an npm workspace of its own so that npm
// installs TypeScript 5 here, for the generator alone.

import { readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';

const DOCUMENT = new URL('../../mobile-api/openapi.json', import.meta.url);
const OUTPUT = new URL('../src/generated/openapi.d.ts', import.meta.url);
const HEADER = `// The API's types, generated from mobile-api/openapi.json by \`npm run api\` (openapi-typescript).
// Do not edit: change the server, regenerate the document, then run \`npm run api\` in web/.

`;

const ast = await openapiTS(DOCUMENT, { emptyObjectsUnknown: true, silent: true });
const generated = HEADER + astToString(ast);

if (process.argv.includes('--check')) {
  const committed = await readFile(OUTPUT, 'utf8').catch(() => null);
  if (committed !== generated) {
    console.error(
      'web/src/generated/openapi.d.ts is not what mobile-api/openapi.json gives: run `npm run api` in web/ and commit the result.',
    );
    process.exit(1);
  }
} else {
  await writeFile(OUTPUT, generated);
}
