//! Test photos, made here: JPEG/PNG/WebP from the `image` crate, EXIF written by exiftool
//! (Debian's `libimage-exiftool-perl`), and hand-built bad files.

use std::io::Cursor;
use std::process::Command;

use image::{ImageFormat, Rgb, RgbImage};

/// A `w`×`h` picture whose quadrants have different colours (red top-left, green top-right, blue
/// bottom-left, white bottom-right), so that orientation can be checked after processing.
pub fn quadrants(w: u32, h: u32) -> RgbImage {
    RgbImage::from_fn(w, h, |x, y| match (x < w / 2, y < h / 2) {
        (true, true) => Rgb([220, 20, 20]),
        (false, true) => Rgb([20, 200, 20]),
        (true, false) => Rgb([20, 20, 220]),
        (false, false) => Rgb([240, 240, 240]),
    })
}

pub fn encode(img: &RgbImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, format).expect("encode");
    out.into_inner()
}

pub fn jpeg(w: u32, h: u32) -> Vec<u8> {
    encode(&quadrants(w, h), ImageFormat::Jpeg)
}

/// Runs exiftool on a JPEG with the given tag assignments and returns the new bytes.
pub fn with_exif(jpeg: &[u8], tags: &[&str]) -> Vec<u8> {
    let dir = crate::temp_dir("exif");
    let path = dir.join("photo.jpg");
    std::fs::write(&path, jpeg).expect("write");
    let out = Command::new("exiftool")
        .arg("-q")
        .arg("-overwrite_original")
        .args(tags)
        .arg(&path)
        .output()
        .expect("exiftool (Debian package libimage-exiftool-perl) must be installed");
    assert!(
        out.status.success(),
        "exiftool: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read(&path).expect("read")
}

/// A JPEG whose EXIF says it was taken at (lat, lon) in the northern and eastern hemispheres.
pub fn gps_photo(lat: f64, lon: f64) -> Vec<u8> {
    with_exif(
        &jpeg(64, 48),
        &[
            &format!("-GPSLatitude={lat}"),
            "-GPSLatitudeRef=N",
            &format!("-GPSLongitude={lon}"),
            "-GPSLongitudeRef=E",
        ],
    )
}

/// A minimal ICC profile (a header and no tags), enough for exiftool to embed as `ICC_PROFILE`.
fn icc_profile() -> std::path::PathBuf {
    let mut header = vec![0u8; 132];
    header[..4].copy_from_slice(&132u32.to_be_bytes());
    header[8..12].copy_from_slice(&0x0210_0000u32.to_be_bytes());
    header[12..16].copy_from_slice(b"mntr");
    header[16..20].copy_from_slice(b"RGB ");
    header[20..24].copy_from_slice(b"XYZ ");
    header[36..40].copy_from_slice(b"acsp");
    let path = crate::temp_dir("icc").join("test.icc");
    std::fs::write(&path, header).expect("write");
    path
}

/// A phone photo: EXIF GPS at the Imperial City, orientation 6 (rotate 90° clockwise to view), a
/// camera make and model, a capture time, XMP with the position again, and an ICC profile.
pub fn phone_photo(w: u32, h: u32) -> Vec<u8> {
    let icc = format!("-ICC_Profile<={}", icc_profile().display());
    with_exif(
        &jpeg(w, h),
        &[
            &icc,
            "-Orientation#=6",
            "-GPSLatitude=16.4698",
            "-GPSLatitudeRef=N",
            "-GPSLongitude=107.5786",
            "-GPSLongitudeRef=E",
            "-Make=Acme",
            "-Model=Acme Phone X9",
            "-DateTimeOriginal=2026:11:20 08:30:00",
            "-XMP-exif:GPSLatitude=16.4698",
            "-XMP-exif:GPSLongitude=107.5786",
        ],
    )
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for b in bytes {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut chunk = (data.len() as u32).to_be_bytes().to_vec();
    chunk.extend_from_slice(kind);
    chunk.extend_from_slice(data);
    let mut crc_input = kind.to_vec();
    crc_input.extend_from_slice(data);
    chunk.extend_from_slice(&crc32(&crc_input).to_be_bytes());
    chunk
}

/// A small, well-formed PNG whose header declares `w`×`h` pixels (a decompression bomb when big).
pub fn png_declaring(w: u32, h: u32) -> Vec<u8> {
    let mut ihdr = w.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(png_chunk(b"IHDR", &ihdr));
    // A few compressed zero rows: a bomb is small on the wire.
    png.extend(png_chunk(
        b"IDAT",
        &[0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01],
    ));
    png.extend(png_chunk(b"IEND", &[]));
    png
}

/// A JPEG with an EXIF segment whose TIFF structure is garbage.
pub fn jpeg_with_corrupt_exif() -> Vec<u8> {
    let good = jpeg(64, 48);
    let mut payload = b"Exif\0\0MM\0\x2a\xff\xff\xff\xf0garbage-garbage-garbage".to_vec();
    payload.extend_from_slice(&[0xAB; 40]);
    let len = (payload.len() + 2) as u16;
    let mut out = good[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&payload);
    out.extend_from_slice(&good[2..]);
    out
}

/// Whether the bytes carry any metadata container or the test photo's identifying values.
pub fn metadata_markers(bytes: &[u8]) -> Vec<&'static str> {
    let needles: [(&str, &[u8]); 6] = [
        ("EXIF", b"Exif\0"),
        ("XMP", b"http://ns.adobe.com/xap"),
        ("ICC", b"ICC_PROFILE"),
        ("GPS XMP", b"GPSLatitude"),
        ("camera make", b"Acme"),
        ("capture time", b"2026:11:20"),
    ];
    needles
        .iter()
        .filter(|(_, n)| bytes.windows(n.len()).any(|w| w == *n))
        .map(|(name, _)| *name)
        .collect()
}
