// Fails when a source file other than an app's api.ts (or the shared client's refresh in
// common/http.ts) names an endpoint of the API (a string that starts with `/api/`): they are the
// one place of each app that does, each path checked against the OpenAPI document there.

import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const src = join(root, 'src');
const allowed = new Set([join(src, 'staff', 'api.ts'), join(src, 'resident', 'api.ts'), join(src, 'common', 'http.ts')]);
const endpoint = /['"`]\/api\//;

const found = [];
for (const entry of await readdir(src, { recursive: true, withFileTypes: true })) {
  const path = join(entry.parentPath ?? entry.path, entry.name);
  if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || entry.name.endsWith('.d.ts') || allowed.has(path)) continue;
  const lines = (await readFile(path, 'utf8')).split('\n');
  lines.forEach((line, i) => {
    if (endpoint.test(line)) found.push(`${relative(root, path)}:${i + 1}: ${line.trim()}`);
  });
}
if (found.length > 0) {
  console.error(`Endpoints named outside the apps' api.ts (add a function there instead):\n  ${found.join('\n  ')}`);
  process.exit(1);
}
