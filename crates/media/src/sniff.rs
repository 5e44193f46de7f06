//! Recognising an image by its bytes, and refusing files that are more than one image.

use crate::Rejection as Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
    WebP,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::WebP => "webp",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
            Format::WebP => "image/webp",
        }
    }

    pub fn image_format(self) -> image::ImageFormat {
        match self {
            Format::Jpeg => image::ImageFormat::Jpeg,
            Format::Png => image::ImageFormat::Png,
            Format::WebP => image::ImageFormat::WebP,
        }
    }
}

/// The format the leading bytes announce, if it is one we accept.
pub fn sniff(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Format::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Format::Png)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(Format::WebP)
    } else {
        None
    }
}

/// Walks the container structure. A file whose structure is not that of its announced format (a
/// zip behind a JPEG signature, say) is not an image we accept; one with data after the image's
/// end (a polyglot: a JPEG that is also a zip or a script) is refused too, since that data can only
/// be meant for some other reader. A structure that simply stops early is a damaged image.
pub fn check_structure(format: Format, bytes: &[u8]) -> Result<(), Error> {
    let mut end = match format {
        Format::Jpeg => jpeg_end(bytes)?,
        Format::Png => png_end(bytes)?,
        Format::WebP => webp_end(bytes)?,
    };
    if format == Format::Jpeg {
        // Phones append further JPEGs (multi-picture and Ultra HDR gain maps) or, in motion
        // photos, a short MP4. Those are photo data, kept only in the private original.
        while bytes[end..].starts_with(&[0xFF, 0xD8, 0xFF]) {
            end += jpeg_end(&bytes[end..])?;
        }
        if bytes.get(end + 4..end + 8) == Some(b"ftyp") {
            return Ok(());
        }
    }
    let trailing = &bytes[end..];
    // Some encoders pad with a few zero bytes; anything else after the end is another payload.
    if trailing.len() > 64 || trailing.iter().any(|b| *b != 0) {
        return Err(Error::UnsupportedFormat);
    }
    Ok(())
}

/// Metadata blocks larger than this are refused: real EXIF fits in a JPEG's 64 KiB segment, and a
/// huge one is a way to make the parser allocate.
const MAX_METADATA_BLOCK: usize = 64 * 1024;

/// Offset just past the EOI marker.
fn jpeg_end(b: &[u8]) -> Result<usize, Error> {
    let mut i = 2; // after SOI
    let mut seen_frame = false;
    loop {
        if i >= b.len() {
            return Err(Error::Corrupt);
        }
        if b[i] != 0xFF {
            return Err(if seen_frame {
                Error::Corrupt
            } else {
                Error::UnsupportedFormat
            });
        }
        while i < b.len() && b[i] == 0xFF {
            i += 1;
        }
        let Some(&marker) = b.get(i) else {
            return Err(Error::Corrupt);
        };
        i += 1;
        match marker {
            0xD9 => return Ok(i),
            0xD0..=0xD7 | 0x01 => continue,
            0xC0..=0xCF | 0xDA..=0xDF | 0xE0..=0xEF | 0xFE | 0xF0..=0xFD => {}
            _ => {
                return Err(if seen_frame {
                    Error::Corrupt
                } else {
                    Error::UnsupportedFormat
                });
            }
        }
        let len = match (b.get(i), b.get(i + 1)) {
            (Some(hi), Some(lo)) => usize::from(*hi) << 8 | usize::from(*lo),
            _ => return Err(Error::Corrupt),
        };
        if len < 2 {
            return Err(Error::Corrupt);
        }
        if matches!(marker, 0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF) {
            seen_frame = true;
        }
        i += len;
        if marker == 0xDA {
            // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart.
            loop {
                match b.get(i..i + 2) {
                    None => return Err(Error::Corrupt),
                    Some([0xFF, 0x00]) | Some([0xFF, 0xD0..=0xD7]) => i += 2,
                    Some([0xFF, 0xFF]) => i += 1,
                    Some([0xFF, _]) => break,
                    Some(_) => i += 1,
                }
            }
        }
    }
}

/// Offset just past the IEND chunk.
fn png_end(b: &[u8]) -> Result<usize, Error> {
    let mut i = 8;
    loop {
        let header = b.get(i..i + 8).ok_or(Error::Corrupt)?;
        let len = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let kind = &header[4..8];
        if !kind.iter().all(u8::is_ascii_alphabetic) {
            return Err(Error::UnsupportedFormat);
        }
        let next = i.checked_add(12 + len).ok_or(Error::Corrupt)?;
        if next > b.len() {
            return Err(Error::Corrupt);
        }
        if kind == b"IEND" {
            return Ok(next);
        }
        if matches!(kind, b"eXIf" | b"iCCP" | b"zTXt" | b"iTXt") && len > MAX_METADATA_BLOCK {
            return Err(Error::MetadataCorrupt);
        }
        i = next;
    }
}

/// Offset just past the RIFF container, after walking its chunks.
fn webp_end(b: &[u8]) -> Result<usize, Error> {
    let size = u32::from_le_bytes([b[4], b[5], b[6], b[7]]) as usize;
    let end = size.checked_add(8).ok_or(Error::Corrupt)?;
    if end > b.len() {
        return Err(Error::Corrupt);
    }
    let mut i = 12;
    let mut first = true;
    while i < end {
        let header = b.get(i..i + 8).ok_or(Error::Corrupt)?;
        let kind = &header[..4];
        let len = u32::from_le_bytes([header[4], header[5], header[6], header[7]]) as usize;
        if first && !matches!(kind, b"VP8 " | b"VP8L" | b"VP8X") {
            return Err(Error::UnsupportedFormat);
        }
        if !kind.iter().all(|c| c.is_ascii_alphanumeric() || *c == b' ') {
            return Err(Error::UnsupportedFormat);
        }
        if matches!(kind, b"EXIF" | b"ICCP" | b"XMP ") && len > MAX_METADATA_BLOCK {
            return Err(Error::MetadataCorrupt);
        }
        // Chunks are padded to an even length.
        i = i.checked_add(8 + len + (len & 1)).ok_or(Error::Corrupt)?;
        first = false;
    }
    if i > end {
        Err(Error::Corrupt)
    } else {
        Ok(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_formats_are_not_recognised() {
        assert_eq!(sniff(b"GIF89a...."), None);
        assert_eq!(sniff(b"%PDF-1.7"), None);
        assert_eq!(sniff(b"<svg xmlns='http://www.w3.org/2000/svg'>"), None);
        assert_eq!(sniff(b"\x00\x00\x00\x18ftypheic"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn a_zip_behind_a_jpeg_signature_is_not_a_jpeg() {
        let mut fake = vec![0xFF, 0xD8, 0xFF];
        fake.extend_from_slice(b"PK\x03\x04 this is a zip archive");
        assert_eq!(
            check_structure(Format::Jpeg, &fake),
            Err(Error::UnsupportedFormat)
        );
    }

    #[test]
    fn truncated_structures_are_corrupt() {
        assert_eq!(
            check_structure(Format::Jpeg, &[0xFF, 0xD8, 0xFF, 0xE0, 0x00]),
            Err(Error::Corrupt)
        );
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend_from_slice(&[0, 0, 0, 13]);
        png.extend_from_slice(b"IHDR");
        assert_eq!(check_structure(Format::Png, &png), Err(Error::Corrupt));
        assert_eq!(
            check_structure(Format::WebP, b"RIFF\xff\x00\x00\x00WEBPVP8 "),
            Err(Error::Corrupt)
        );
    }

    #[test]
    fn a_zip_behind_a_webp_signature_is_not_a_webp() {
        let mut fake = b"RIFF\x0c\x00\x00\x00WEBP".to_vec();
        fake.extend_from_slice(b"PK\x03\x04\x00\x00\x00\x00");
        assert_eq!(
            check_structure(Format::WebP, &fake),
            Err(Error::UnsupportedFormat)
        );
    }

    #[test]
    fn oversized_metadata_blocks_are_refused() {
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend_from_slice(&70_000u32.to_be_bytes());
        png.extend_from_slice(b"eXIf");
        png.extend(std::iter::repeat_n(0u8, 70_000 + 4));
        assert_eq!(
            check_structure(Format::Png, &png),
            Err(Error::MetadataCorrupt)
        );
    }

    #[test]
    fn photos_with_appended_images_or_a_motion_clip_are_accepted() {
        // Two minimal JPEG structures back to back (as multi-picture / Ultra HDR files are).
        let jpeg: &[u8] = &[0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0x11, 0x22, 0xFF, 0xD9];
        let double = [jpeg, jpeg].concat();
        assert_eq!(check_structure(Format::Jpeg, &double), Ok(()));
        let motion = [jpeg, b"\x00\x00\x00\x18ftypmp42 video data"].concat();
        assert_eq!(check_structure(Format::Jpeg, &motion), Ok(()));
        let zip = [jpeg, b"PK\x03\x04 archive"].concat();
        assert_eq!(
            check_structure(Format::Jpeg, &zip),
            Err(Error::UnsupportedFormat)
        );
    }
}
