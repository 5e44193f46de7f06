//! `GET /api/v1/photos/{id}/original`: a photo's original file.

use actix_web::http::header::{self};
use actix_web::{HttpResponse, web};
use hientruong_domain::Error;
use uuid::Uuid;

use super::{photo_for_oversight, storage_error};
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

errors!(GetPhotoOriginalErrors = [TOKEN, &[Forbidden], PATH, SERVER]);

/// `GET /api/v1/photos/{id}/original`: the file as uploaded, metadata included, for IOC staff and
/// administrators only. Never cached by shared caches.
#[utoipa::path(
    get,
    path = "/api/v1/photos/{id}/original",
    operation_id = "get_photo_original",
    tag = "reports",
    summary = "A photo's original file",
    description = "The file as uploaded, metadata included, as a download \
        (`Content-Disposition: attachment`, `Cache-Control: private, no-store`). IOC operators \
        and administrators only (`403 forbidden` otherwise).",
    params(("id" = Uuid, Path, description = "The photo's id")),
    security(("bearer" = [])),
    responses((status = 200, description = "The original file", content(
        (crate::multipart::Binary = "image/jpeg"),
        (crate::multipart::Binary = "image/png"),
        (crate::multipart::Binary = "image/webp"),
    )), GetPhotoOriginalErrors),
)]
pub async fn original(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let p = photo_for_oversight(&state, &user, id.into_inner(), true).await?;
    let bytes = state
        .media
        .get(&p.original_key)
        .await
        .map_err(storage_error)?
        .ok_or(ApiError::new(Error::NotFound))?;
    let mime = match p.original_format.as_str() {
        "png" => "image/png",
        "webp" => "image/webp",
        _ => "image/jpeg",
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, mime))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        // Evidence is downloaded, never rendered in the browser's origin: whatever else a crafted
        // original might hide, it cannot run there.
        .insert_header((header::CONTENT_DISPOSITION, "attachment"))
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "sandbox; default-src 'none'",
        ))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .body(bytes))
}
