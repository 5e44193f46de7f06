//! `GET /media/{key}`: a public photo variant, cached briefly and revalidated.

use actix_web::http::header::EntityTag;
use actix_web::{HttpRequest, HttpResponse, web};
use hientruong_domain::Error;
use hientruong_media::store::is_variant_key;

use super::storage_error;
use crate::error::ApiError;
use crate::handlers::immutable;
use crate::state::AppState;

/// `GET /media/variants/…`: a re-encoded variant. Its key is the hash of its content, so its
/// `ETag` never changes; but moderators may hide a photo, after which its variants are `404`, so
/// caches keep it for five minutes only ([`immutable::BRIEFLY`]; then they revalidate, cheaply:
/// `304`), not for a year.
/// Nothing else is served here.
pub async fn variant(
    state: web::Data<AppState>,
    req: HttpRequest,
    key: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let key = key.into_inner();
    if !is_variant_key(&key) {
        return Err(Error::NotFound.into());
    }
    let hash = key
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .trim_end_matches(".jpg")
        .to_owned();
    let etag = EntityTag::new_strong(hash);
    let lookup = key.clone();
    if state.run(move |app| app.variant_hidden(&lookup)).await? {
        return Err(Error::NotFound.into());
    }
    if let Some(answer) = immutable::not_modified(&req, &etag, immutable::BRIEFLY) {
        return Ok(answer);
    }
    let bytes = state
        .media
        .get(&key)
        .await
        .map_err(storage_error)?
        .ok_or(ApiError::new(Error::NotFound))?;
    Ok(immutable::file(
        &etag,
        "image/jpeg",
        bytes.to_vec(),
        immutable::BRIEFLY,
    ))
}
