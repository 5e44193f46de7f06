//! Uploaded photos, from bytes to stored files: the pipeline (bounded), then the media store. The
//! ticket workflow uses the same function for officers' "after" photos.

use bytes::Bytes;
use hientruong_db::models::StoredPhoto;
use hientruong_media::store::{original_key, variant_key};
use hientruong_media::{Format, Processed};
use uuid::Uuid;

use crate::error::ApiError;
use crate::state::AppState;

/// Processes one upload and stores its original (private) and its two variants (public). Keys
/// are content hashes, so storing a retried upload writes nothing new. Nothing is recorded in the
/// database here: the caller does that after this returns, so no row points at a missing file.
pub async fn process_and_store(
    state: &AppState,
    bytes: Bytes,
    idempotency_key: Uuid,
) -> Result<(StoredPhoto, Processed), ApiError> {
    let original_bytes = i32::try_from(bytes.len()).unwrap_or(i32::MAX);
    let processed = state.photos.process(bytes.clone()).await?;
    let original = original_key(&processed.original_sha256, processed.format);
    let display = variant_key(&processed.display.sha256);
    let thumb = variant_key(&processed.thumb.sha256);
    let stored = |e: hientruong_media::store::StoreError| {
        tracing::error!(error = %e, "could not store a photo");
        ApiError::new(hientruong_domain::Error::ServiceUnavailable).retry_after(5)
    };
    state.media.put(&original, bytes).await.map_err(stored)?;
    state
        .media
        .put(&display, Bytes::from(processed.display.bytes.clone()))
        .await
        .map_err(stored)?;
    state
        .media
        .put(&thumb, Bytes::from(processed.thumb.bytes.clone()))
        .await
        .map_err(stored)?;
    let dim = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
    let photo = StoredPhoto {
        idempotency_key,
        original_key: original,
        original_sha256: processed.original_sha256.clone(),
        original_format: match processed.format {
            Format::Jpeg => "jpeg",
            Format::Png => "png",
            Format::WebP => "webp",
        },
        original_bytes,
        width: dim(processed.width),
        height: dim(processed.height),
        display_key: display,
        display_width: dim(processed.display.width),
        display_height: dim(processed.display.height),
        thumb_key: thumb,
        thumb_width: dim(processed.thumb.width),
        thumb_height: dim(processed.thumb.height),
        exif_gps: processed.metadata.gps,
        exif_taken_at: processed.metadata.taken_at,
        exif_camera: processed.metadata.camera.clone(),
        exif_orientation: i16::from(processed.metadata.orientation),
    };
    Ok((photo, processed))
}

/// How old an unreferenced file must be before the sweep removes it: longer than any upload takes
/// between storing its files and recording them.
pub const SWEEP_GRACE: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes stored files that no photo refers to and that are older than `grace`: what a crash left
/// between storing an upload's files and committing its record. Returns how many were removed.
pub async fn sweep_orphans(
    state: &AppState,
    grace: std::time::Duration,
) -> Result<usize, ApiError> {
    let cutoff = chrono::Utc::now() - chrono::Duration::from_std(grace).unwrap_or_default();
    let failed = |e: hientruong_media::store::StoreError| {
        tracing::warn!(error = %e, "media sweep could not list or delete");
        ApiError::new(hientruong_domain::Error::ServiceUnavailable)
    };
    let candidates = state.media.keys_older_than(cutoff).await.map_err(failed)?;
    let mut removed = 0;
    for chunk in candidates.chunks(1000) {
        let keys = chunk.to_vec();
        let orphans = state
            .db(move |conn| Ok(hientruong_db::photos::unreferenced(conn, &keys)?))
            .await?;
        for key in orphans {
            state.media.delete(&key).await.map_err(failed)?;
            removed += 1;
        }
    }
    Ok(removed)
}
