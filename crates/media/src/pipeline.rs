//! The photo pipeline: check, read metadata, decode once, resize, orient, re-encode.

use std::io::Cursor;

use crate::Rejection as Error;
use chrono::NaiveDateTime;
use fast_image_resize::images::Image;
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::metadata::Orientation;
use image::{DynamicImage, ImageReader, RgbImage};
use sha2::{Digest, Sha256};

use crate::sniff::{Format, check_structure, sniff};

/// Longest side of the `display` variant.
pub const DISPLAY_MAX: u32 = 1600;
/// Longest side of the `thumb` variant.
pub const THUMB_MAX: u32 = 320;
const JPEG_QUALITY: u8 = 82;

/// What one upload may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_bytes: usize,
    pub max_pixels: u64,
    pub max_photos: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: 10 * 1024 * 1024,
            max_pixels: 50_000_000,
            max_photos: 5,
        }
    }
}

/// A re-encoded JPEG without any metadata.
#[derive(Debug, Clone)]
pub struct Variant {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub sha256: String,
}

/// What the original's EXIF said. Kept with the original as evidence; never published.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// (latitude, longitude) in degrees.
    pub gps: Option<(f64, f64)>,
    pub taken_at: Option<NaiveDateTime>,
    pub camera: Option<String>,
    /// EXIF orientation (1 to 8; 1 when absent).
    pub orientation: u8,
}

#[derive(Debug, Clone)]
pub struct Processed {
    pub format: Format,
    pub original_sha256: String,
    /// Size of the original as it should be viewed (after orientation).
    pub width: u32,
    pub height: u32,
    pub display: Variant,
    pub thumb: Variant,
    pub metadata: Metadata,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Runs the whole pipeline on one uploaded file. CPU-heavy: call it off the async workers.
pub fn process(bytes: &[u8], limits: &Limits) -> Result<Processed, Error> {
    if bytes.is_empty() {
        return Err(Error::Empty);
    }
    if bytes.len() > limits.max_bytes {
        return Err(Error::TooLarge);
    }
    let format = sniff(bytes).ok_or(Error::UnsupportedFormat)?;
    check_structure(format, bytes)?;

    // The header alone gives the size: a decompression bomb is refused before any allocation.
    let mut probe = ImageReader::with_format(Cursor::new(bytes), format.image_format());
    // Reading the header may expand compressed chunks (a PNG's colour profile): keep it small.
    let mut probe_limits = image::Limits::default();
    probe_limits.max_alloc = Some(16 << 20);
    probe.limits(probe_limits);
    let (raw_w, raw_h) = probe.into_dimensions().map_err(|_| Error::Corrupt)?;
    if raw_w == 0 || raw_h == 0 {
        return Err(Error::Corrupt);
    }
    if u64::from(raw_w) * u64::from(raw_h) > limits.max_pixels {
        return Err(Error::TooManyPixels);
    }
    let metadata = read_metadata(bytes)?;

    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.image_format());
    let mut decode_limits = image::Limits::default();
    decode_limits.max_image_width = Some(raw_w);
    decode_limits.max_image_height = Some(raw_h);
    decode_limits.max_alloc = Some(limits.max_pixels.saturating_mul(4).saturating_add(64 << 20));
    reader.limits(decode_limits);
    let decoded = reader.decode().map_err(|_| Error::Corrupt)?;
    let rgb = if decoded.color().has_alpha() {
        flatten(decoded.into_rgba8())
    } else {
        decoded.into_rgb8()
    };

    // Resize first and orient the small results: rotating 12 megapixels costs more than resizing.
    let orientation =
        Orientation::from_exif(metadata.orientation).unwrap_or(Orientation::NoTransforms);
    let (display_w, display_h) = fit(raw_w, raw_h, DISPLAY_MAX);
    let display_raw = resize(rgb, display_w, display_h)?;
    let (thumb_w, thumb_h) = fit(display_w, display_h, THUMB_MAX);
    let thumb_raw = resize(display_raw.clone(), thumb_w, thumb_h)?;
    let display = encode(orient(display_raw, orientation))?;
    let thumb = encode(orient(thumb_raw, orientation))?;

    let swaps = matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    );
    let (width, height) = if swaps {
        (raw_h, raw_w)
    } else {
        (raw_w, raw_h)
    };
    Ok(Processed {
        format,
        original_sha256: sha256_hex(bytes),
        width,
        height,
        display,
        thumb,
        metadata,
    })
}

/// Composites a transparent image onto white. Dropping the alpha channel instead would publish
/// whatever colour lies under transparent pixels, such as a face "erased" to transparency.
fn flatten(rgba: image::RgbaImage) -> RgbImage {
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let p = rgba.get_pixel(x, y).0;
        let a = u16::from(p[3]);
        let blend = |c: u8| ((u16::from(c) * a + 255 * (255 - a) + 127) / 255) as u8;
        image::Rgb([blend(p[0]), blend(p[1]), blend(p[2])])
    })
}

/// The size that fits in `max` on the longest side, keeping the aspect ratio, never enlarging.
fn fit(w: u32, h: u32, max: u32) -> (u32, u32) {
    let longest = w.max(h);
    if longest <= max {
        return (w, h);
    }
    let scale = f64::from(max) / f64::from(longest);
    let sw = ((f64::from(w) * scale).round() as u32).clamp(1, max);
    let sh = ((f64::from(h) * scale).round() as u32).clamp(1, max);
    (sw, sh)
}

fn resize(src: RgbImage, w: u32, h: u32) -> Result<RgbImage, Error> {
    if (src.width(), src.height()) == (w, h) {
        return Ok(src);
    }
    let (sw, sh) = (src.width(), src.height());
    let src =
        Image::from_vec_u8(sw, sh, src.into_raw(), PixelType::U8x3).map_err(|_| Error::Internal)?;
    let mut dst = Image::new(w, h, PixelType::U8x3);
    // A bilinear kernel widened to the scale factor, so still anti-aliased; Lanczos3 made the
    // whole pipeline 8 % slower (docs/benchmarks.md).
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Bilinear));
    Resizer::new()
        .resize(&src, &mut dst, &options)
        .map_err(|_| Error::Internal)?;
    RgbImage::from_raw(w, h, dst.into_vec()).ok_or(Error::Internal)
}

fn orient(img: RgbImage, orientation: Orientation) -> RgbImage {
    if orientation == Orientation::NoTransforms {
        return img;
    }
    let mut dynamic = DynamicImage::ImageRgb8(img);
    dynamic.apply_orientation(orientation);
    dynamic.into_rgb8()
}

/// Baseline JPEG, no EXIF, no XMP, no ICC profile: nothing but pixels.
fn encode(img: RgbImage) -> Result<Variant, Error> {
    let (width, height) = (img.width(), img.height());
    let mut bytes = Vec::with_capacity((width * height / 4) as usize);
    let w = u16::try_from(width).map_err(|_| Error::Internal)?;
    let h = u16::try_from(height).map_err(|_| Error::Internal)?;
    jpeg_encoder::Encoder::new(&mut bytes, JPEG_QUALITY)
        .encode(img.as_raw(), w, h, jpeg_encoder::ColorType::Rgb)
        .map_err(|_| Error::Internal)?;
    let sha256 = sha256_hex(&bytes);
    Ok(Variant {
        bytes,
        width,
        height,
        sha256,
    })
}

/// EXIF position, time, camera and orientation. No EXIF is fine; EXIF that cannot be parsed is a
/// damaged file.
fn read_metadata(bytes: &[u8]) -> Result<Metadata, Error> {
    use exif::{In, Tag, Value};
    let exif = match exif::Reader::new().read_from_container(&mut Cursor::new(bytes)) {
        Ok(exif) => exif,
        Err(exif::Error::NotFound(_)) => {
            return Ok(Metadata {
                orientation: 1,
                ..Metadata::default()
            });
        }
        Err(_) => return Err(Error::MetadataCorrupt),
    };
    let text = |tag: Tag| -> Option<String> {
        match &exif.get_field(tag, In::PRIMARY)?.value {
            Value::Ascii(parts) => parts
                .first()
                .map(|p| {
                    String::from_utf8_lossy(p)
                        .trim()
                        .trim_end_matches('\0')
                        .to_owned()
                })
                .filter(|s| !s.is_empty()),
            _ => None,
        }
    };
    let orientation = exif
        .get_field(Tag::Orientation, In::PRIMARY)
        .and_then(|f| f.value.get_uint(0))
        .and_then(|v| u8::try_from(v).ok())
        .filter(|v| (1..=8).contains(v))
        .unwrap_or(1);
    let degrees = |tag: Tag| -> Option<f64> {
        match &exif.get_field(tag, In::PRIMARY)?.value {
            Value::Rational(v) if v.len() >= 3 => {
                Some(v[0].to_f64() + v[1].to_f64() / 60.0 + v[2].to_f64() / 3600.0)
            }
            _ => None,
        }
    };
    let gps = match (degrees(Tag::GPSLatitude), degrees(Tag::GPSLongitude)) {
        (Some(lat), Some(lon)) => {
            let lat = if text(Tag::GPSLatitudeRef).as_deref() == Some("S") {
                -lat
            } else {
                lat
            };
            let lon = if text(Tag::GPSLongitudeRef).as_deref() == Some("W") {
                -lon
            } else {
                lon
            };
            let valid =
                lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0;
            valid.then_some((lat, lon))
        }
        _ => None,
    };
    let taken_at = text(Tag::DateTimeOriginal)
        .or_else(|| text(Tag::DateTime))
        .and_then(|t| NaiveDateTime::parse_from_str(&t, "%Y:%m:%d %H:%M:%S").ok());
    let camera = match (text(Tag::Make), text(Tag::Model)) {
        (Some(make), Some(model)) if model.starts_with(&make) => Some(model),
        (Some(make), Some(model)) => Some(format!("{make} {model}")),
        (None, Some(model)) => Some(model),
        (Some(make), None) => Some(make),
        (None, None) => None,
    };
    Ok(Metadata {
        gps,
        taken_at,
        camera,
        orientation,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(w: u32, h: u32) -> Vec<u8> {
        let img = RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        });
        encode(img).expect("encode").bytes
    }

    #[test]
    fn fit_keeps_aspect_and_never_enlarges() {
        assert_eq!(fit(4000, 3000, 1600), (1600, 1200));
        assert_eq!(fit(3000, 4000, 1600), (1200, 1600));
        assert_eq!(fit(800, 600, 1600), (800, 600));
        assert_eq!(fit(10000, 1, 320), (320, 1));
    }

    #[test]
    fn variants_have_the_right_sizes() {
        let p = process(&jpeg(2000, 1000), &Limits::default()).expect("processed");
        assert_eq!((p.display.width, p.display.height), (1600, 800));
        assert_eq!((p.thumb.width, p.thumb.height), (320, 160));
        assert_eq!((p.width, p.height), (2000, 1000));
        assert_eq!(
            p.metadata,
            Metadata {
                orientation: 1,
                ..Metadata::default()
            }
        );
    }

    #[test]
    fn transparent_pixels_become_white_not_their_hidden_colour() {
        // A red picture made fully transparent: what is published must not be red.
        let rgba = image::RgbaImage::from_pixel(40, 30, image::Rgba([255, 0, 0, 0]));
        let mut png = Vec::new();
        image::DynamicImage::ImageRgba8(rgba)
            .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
            .expect("png");
        let p = process(&png, &Limits::default()).expect("processed");
        let shown = image::load_from_memory(&p.display.bytes)
            .expect("jpeg")
            .into_rgb8();
        let px = shown.get_pixel(20, 15).0;
        assert!(px.iter().all(|c| *c > 240), "{px:?}");
    }

    #[test]
    fn limits_are_enforced() {
        let small = Limits {
            max_bytes: 100,
            ..Limits::default()
        };
        assert_eq!(process(&jpeg(64, 64), &small).err(), Some(Error::TooLarge));
        let few_pixels = Limits {
            max_pixels: 1000,
            ..Limits::default()
        };
        assert_eq!(
            process(&jpeg(64, 64), &few_pixels).err(),
            Some(Error::TooManyPixels)
        );
        assert_eq!(process(b"", &Limits::default()).err(), Some(Error::Empty));
    }
}
