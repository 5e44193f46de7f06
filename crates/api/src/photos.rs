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
) -> Result<StoredPhoto, ApiError> {
    let original_bytes = i32::try_from(bytes.len()).unwrap_or(i32::MAX);
    let Processed {
        format,
        original_sha256,
        width,
        height,
        display,
        thumb,
        metadata,
    } = state.photos.process(bytes.clone()).await?;
    let original = original_key(&original_sha256, format);
    let display_key = variant_key(&display.sha256);
    let thumb_key = variant_key(&thumb.sha256);
    let stored = |e: hientruong_media::store::StoreError| {
        tracing::error!(error = %e, "could not store a photo");
        ApiError::new(hientruong_domain::Error::ServiceUnavailable).retry_after(5)
    };
    state.media.put(&original, bytes).await.map_err(stored)?;
    state
        .media
        .put(&display_key, Bytes::from(display.bytes))
        .await
        .map_err(stored)?;
    state
        .media
        .put(&thumb_key, Bytes::from(thumb.bytes))
        .await
        .map_err(stored)?;
    let dim = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
    Ok(StoredPhoto {
        idempotency_key,
        original_key: original,
        original_sha256,
        original_format: match format {
            Format::Jpeg => "jpeg",
            Format::Png => "png",
            Format::WebP => "webp",
        },
        original_bytes,
        width: dim(width),
        height: dim(height),
        display_key,
        display_width: dim(display.width),
        display_height: dim(display.height),
        thumb_key,
        thumb_width: dim(thumb.width),
        thumb_height: dim(thumb.height),
        exif_gps: metadata.gps,
        exif_taken_at: metadata.taken_at,
        exif_camera: metadata.camera,
        exif_orientation: i16::from(metadata.orientation),
    })
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
        let orphans = state.run(move |app| app.unreferenced_media(&keys)).await?;
        for key in orphans {
            // An upload that reuses this content rewrites the file (fresh time) before it records
            // its row: skip anything written since the listing.
            let still_old = state
                .media
                .modified(&key)
                .await
                .map_err(failed)?
                .is_some_and(|at| at < cutoff);
            if still_old {
                state.media.delete(&key).await.map_err(failed)?;
                removed += 1;
            }
        }
    }
    Ok(removed)
}
