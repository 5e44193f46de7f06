// Stylesheets are imported for their side effect: esbuild bundles them into each app's CSS file.
declare module '*.css';

// exifr's smallest build (JPEG, TIFF, EXIF and GPS), which its package types do not describe.
declare module 'exifr/dist/mini.esm.mjs' {
  export function gps(file: Blob): Promise<{ latitude: number; longitude: number } | undefined>;
}
