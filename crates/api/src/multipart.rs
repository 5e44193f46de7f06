//! Reading `multipart/form-data` uploads: a `report` part with the JSON of a report and `photo`
//! parts, each read into memory up to the per-photo limit and no further.

use actix_multipart::{Field, Multipart};
use bytes::{Bytes, BytesMut};
use futures_util::TryStreamExt;
use hientruong_domain::Error;
use hientruong_domain::report::ReportSubmission;
use hientruong_media::Limits;
use utoipa::ToSchema;

use std::time::{Duration, Instant};

use crate::error::ApiError;
use crate::slots::{Full, Slot};

/// How an upload's body must keep arriving: after a start of [`GRACE`], at an average of at
/// least [`MIN_RATE`] bytes a second from the first byte (a megabyte photo on a 64 kbit/s line
/// passes; a client trickling bytes to hold its slot is cut off after seconds, not minutes), and
/// in [`MAX_READ`] at most. Beyond: `408 upload_too_slow`.
const GRACE: Duration = Duration::from_secs(10);
const MIN_RATE: u64 = 8 * 1024;
const MAX_READ: Duration = Duration::from_secs(300);

/// A slot for reading one upload into memory, or an answer at once: the bodies held in memory
/// are bounded in all (`503 media_busy`), per account and per client address (`429
/// too_many_uploads`), so that a few slow clients cannot take every slot.
pub fn admit(
    state: &crate::state::AppState,
    account: uuid::Uuid,
    client: std::net::IpAddr,
) -> Result<Slot, ApiError> {
    let settings = &state.settings;
    let keys = [
        (format!("account:{account}"), settings.uploads_per_account),
        (
            format!("address:{}", hientruong_domain::limits::address_key(client)),
            settings.uploads_per_address,
        ),
    ];
    state.uploads.take(&keys).map_err(|full| match full {
        Full::Total => ApiError::new(Error::MediaBusy).retry_after(2),
        Full::Key(_) => ApiError::new(Error::TooManyUploads).retry_after(5),
    })
}

/// When the body must have arrived up to `received` bytes, counted from `started`.
fn due(started: Instant, received: usize) -> Instant {
    let allowed = GRACE + Duration::from_secs_f64(received as f64 / MIN_RATE as f64);
    started + allowed.min(MAX_READ)
}

/// The next chunk of a body, in time for [`due`].
async fn next_in_time<S, T, E>(
    stream: &mut S,
    started: Instant,
    received: usize,
) -> Result<Option<T>, ApiError>
where
    S: futures_util::TryStream<Ok = T, Error = E> + Unpin,
    E: std::fmt::Display,
{
    match tokio::time::timeout_at(due(started, received).into(), stream.try_next()).await {
        Ok(next) => next.map_err(|e| malformed(e.to_string())),
        Err(_) => Err(ApiError::new(Error::UploadTooSlow)),
    }
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

/// What has arrived of a body, and since when: every read is held to [`due`].
struct Arrival {
    started: Instant,
    received: usize,
}

/// Reads a field, refusing it as soon as it exceeds `max` bytes.
async fn read_field(
    field: &mut Field,
    arrival: &mut Arrival,
    max: usize,
    too_large: Error,
) -> Result<Bytes, ApiError> {
    let mut data = BytesMut::new();
    while let Some(chunk) = next_in_time(field, arrival.started, arrival.received).await? {
        if data.len() + chunk.len() > max {
            return Err(too_large.into());
        }
        arrival.received += chunk.len();
        data.extend_from_slice(&chunk);
    }
    Ok(data.freeze())
}

/// The parts of an upload: the `report` JSON (when `with_report`) and the photos, in order.
async fn read_parts(
    mut multipart: Multipart,
    limits: &Limits,
    json_limit: usize,
    max_photos: usize,
) -> Result<(Option<Bytes>, Vec<Bytes>), ApiError> {
    let mut arrival = Arrival {
        started: Instant::now(),
        received: 0,
    };
    let mut report = None;
    let mut photos = Vec::new();
    while let Some(mut field) =
        next_in_time(&mut multipart, arrival.started, arrival.received).await?
    {
        match field.name() {
            Some("report") if report.is_none() => {
                let json = read_field(&mut field, &mut arrival, json_limit, Error::PayloadTooLarge);
                report = Some(json.await?);
            }
            Some("photo") => {
                if photos.len() >= max_photos {
                    return Err(Error::TooManyPhotos.into());
                }
                let photo = read_field(
                    &mut field,
                    &mut arrival,
                    limits.max_bytes,
                    Error::PhotoTooLarge,
                );
                photos.push(photo.await?);
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
