//! Reading `multipart/form-data` uploads: a `report` part with the JSON of a report and `photo`
//! parts, each read into memory up to the per-photo limit and no further.

use actix_multipart::{Field, Multipart};
use bytes::{Bytes, BytesMut};
use futures_util::TryStreamExt;
use hientruong_domain::Error;
use hientruong_domain::report::ReportSubmission;
use hientruong_media::Limits;
use utoipa::ToSchema;

use crate::error::ApiError;

/// How long a client may take to send an upload's body.
const READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(120);

/// A slot for reading one upload into memory, or `media_busy` at once: the number of bodies held
/// in memory is bounded, whatever the number of clients.
pub fn admit(
    state: &crate::state::AppState,
) -> Result<tokio::sync::OwnedSemaphorePermit, ApiError> {
    state
        .uploads
        .clone()
        .try_acquire_owned()
        .map_err(|_| ApiError::new(Error::MediaBusy).retry_after(2))
}

/// The `multipart/form-data` form of a report (schema only; `multipart.rs` reads it).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ReportForm {
    /// The report's JSON, as the `application/json` body.
    report: ReportSubmission,
    /// Up to five JPEG, PNG or WebP files (by content), 10 MB and 50 megapixels each at most.
    #[schema(value_type = Vec<Binary>)]
    photo: Vec<Vec<u8>>,
}

/// One photo upload (schema only).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct PhotoForm {
    /// A JPEG, PNG or WebP file (by content), 10 MB and 50 megapixels at most.
    photo: Binary,
}

/// A file's bytes (schema only).
#[derive(ToSchema)]
#[schema(value_type = String, format = Binary)]
#[allow(dead_code)]
pub struct Binary(Vec<u8>);

pub struct ReportUpload {
    pub report: ReportSubmission,
    pub photos: Vec<Bytes>,
}

fn malformed(detail: impl Into<String>) -> ApiError {
    ApiError::new(Error::InvalidMultipart).with_detail(detail)
}

/// Reads a field, refusing it as soon as it exceeds `max` bytes.
async fn read_field(field: &mut Field, max: usize, too_large: Error) -> Result<Bytes, ApiError> {
    let mut data = BytesMut::new();
    while let Some(chunk) = field
        .try_next()
        .await
        .map_err(|e| malformed(e.to_string()))?
    {
        if data.len() + chunk.len() > max {
            return Err(too_large.into());
        }
        data.extend_from_slice(&chunk);
    }
    Ok(data.freeze())
}

/// The parts of an upload: the `report` JSON (when `with_report`) and the photos, in order.
async fn read_parts(
    multipart: Multipart,
    limits: &Limits,
    json_limit: usize,
    max_photos: usize,
) -> Result<(Option<Bytes>, Vec<Bytes>), ApiError> {
    tokio::time::timeout(
        READ_TIMEOUT,
        read_parts_now(multipart, limits, json_limit, max_photos),
    )
    .await
    .map_err(|_| malformed("the upload took too long to arrive"))?
}

async fn read_parts_now(
    mut multipart: Multipart,
    limits: &Limits,
    json_limit: usize,
    max_photos: usize,
) -> Result<(Option<Bytes>, Vec<Bytes>), ApiError> {
    let mut report = None;
    let mut photos = Vec::new();
    while let Some(mut field) = multipart
        .try_next()
        .await
        .map_err(|e| malformed(e.to_string()))?
    {
        match field.name() {
            Some("report") if report.is_none() => {
                report = Some(read_field(&mut field, json_limit, Error::PayloadTooLarge).await?);
            }
            Some("photo") => {
                if photos.len() >= max_photos {
                    return Err(Error::TooManyPhotos.into());
                }
                photos.push(read_field(&mut field, limits.max_bytes, Error::PhotoTooLarge).await?);
            }
            Some(other) => return Err(malformed(format!("unexpected part `{other}`"))),
            None => return Err(malformed("a part without a name")),
        }
    }
    Ok((report, photos))
}

/// A report with up to `limits.max_photos` photos.
pub async fn report_upload(
    multipart: Multipart,
    limits: &Limits,
    json_limit: usize,
) -> Result<ReportUpload, ApiError> {
    let (report, photos) = read_parts(multipart, limits, json_limit, limits.max_photos).await?;
    let report = report.ok_or_else(|| malformed("missing the `report` part"))?;
    let report: ReportSubmission = serde_json::from_slice(&report)
        .map_err(|e| ApiError::new(Error::InvalidJson).with_detail(e.to_string()))?;
    Ok(ReportUpload { report, photos })
}

/// Exactly one `photo` part.
pub async fn single_photo(multipart: Multipart, limits: &Limits) -> Result<Bytes, ApiError> {
    let (report, mut photos) = read_parts(multipart, limits, 0, 1).await?;
    if report.is_some() {
        return Err(malformed("a photo upload has no `report` part"));
    }
    photos
        .pop()
        .ok_or_else(|| malformed("missing the `photo` part"))
}
