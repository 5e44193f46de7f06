#!/usr/bin/env bash
# Makes a small seed corpus for the `pipeline` fuzz target: valid JPEG, PNG and WebP files (one
# JPEG with EXIF orientation and GPS), made here with libvips and exiftool.
set -euo pipefail
cd "$(dirname "$0")"
dir=corpus/pipeline
mkdir -p "$dir"
vips black "$dir/black.jpg" 64 48 --bands 3
vips copy "$dir/black.jpg" "$dir/black.png"
vips copy "$dir/black.jpg" "$dir/black.webp"
vips gaussnoise "$dir/noise.jpg" 96 64
cp "$dir/noise.jpg" "$dir/exif.jpg"
exiftool -q -overwrite_original -Orientation#=6 -GPSLatitude=16.4698 -GPSLatitudeRef=N \
  -GPSLongitude=107.5786 -GPSLongitudeRef=E -Model=Seed "$dir/exif.jpg"
ls -l "$dir"
