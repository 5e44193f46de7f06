//! Photos: the pipeline every uploaded image goes through, and where the results are kept.
//!
//! [`pipeline::process`] recognises the format by its bytes, enforces the size and pixel limits
//! before anything is decoded, reads the EXIF position, capture time and camera, applies the
//! orientation, and re-encodes a `display` and a `thumb` variant that carry no metadata at all.
//! [`store::MediaStore`] keeps originals (private evidence) and variants under content-hash keys
//! through `object_store`. [`pool::ProcessingPool`] bounds how many photos are processed at once.
//! Nothing here knows HTTP or SQL.

pub mod pipeline;
pub mod pool;
mod sniff;
pub mod store;

pub use pipeline::{Limits, Metadata, Processed, Variant, process};

/// Why a photo was not accepted. The HTTP layer gives each its stable error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    #[error("the file is empty")]
    Empty,
    #[error("not a JPEG, PNG or WebP image (or more than one file in one)")]
    UnsupportedFormat,
    #[error("over the size limit")]
    TooLarge,
    #[error("over the pixel limit")]
    TooManyPixels,
    #[error("damaged or incomplete image")]
    Corrupt,
    #[error("damaged EXIF metadata")]
    MetadataCorrupt,
    #[error("too many photos are being processed")]
    Busy,
    #[error("the image could not be processed")]
    Internal,
}
pub use sniff::Format;
