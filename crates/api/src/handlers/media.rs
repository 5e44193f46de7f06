//! Public photo files and the private originals.

use actix_web::http::header::{self, EntityTag};
use actix_web::{HttpRequest, HttpResponse, web};
use hientruong_db::models::Photo;
use hientruong_domain::Error;
use hientruong_media::store::is_variant_key;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::handlers::immutable;
use crate::state::AppState;

fn storage_error(e: hientruong_media::store::StoreError) -> ApiError {
    tracing::error!(error = %e, "could not read from the media store");
    ApiError::new(Error::ServiceUnavailable).retry_after(5)
}

/// `GET /media/variants/…`: a re-encoded variant. Its key is the hash of its content, so it never
/// changes: it is cached for a year and revalidated by `ETag`. Nothing else is served here.
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
    if let Some(answer) = immutable::not_modified(&req, &etag) {
        return Ok(answer);
    }
    let bytes = state
        .media
        .get(&key)
        .await
        .map_err(storage_error)?
        .ok_or(ApiError::new(Error::NotFound))?;
    Ok(immutable::file(&etag, "image/jpeg", bytes.to_vec()))
}

/// What the original's metadata says.
#[derive(Serialize, ToSchema)]
pub struct Exif {
    lat: Option<f64>,
    lon: Option<f64>,
    taken_at: Option<chrono::NaiveDateTime>,
    camera: Option<String>,
    orientation: i16,
}

/// A photo's evidence record.
#[derive(Serialize, ToSchema)]
#[schema(as = PhotoEvidence)]
pub struct Evidence {
    id: Uuid,
    report_id: Uuid,
    /// `report` or `resolution`.
    kind: String,
    uploader_id: Uuid,
    original_url: String,
    original_format: String,
    original_bytes: i32,
    original_sha256: String,
    width: i32,
    height: i32,
    exif: Exif,
    created_at: chrono::DateTime<chrono::Utc>,
}

/// A photo's full record, which only IOC staff and administrators may see.
async fn photo_for_oversight(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
) -> Result<Photo, ApiError> {
    if !user.actor().sees_photo_evidence() {
        return Err(hientruong_domain::Error::Forbidden.into());
    }
    state
        .db(move |conn| Ok(hientruong_db::photos::get(conn, id)?))
        .await
}

errors!(GetPhotoEvidenceErrors = [TOKEN, &[Forbidden], PATH, SERVER]);

/// `GET /api/v1/photos/{id}`: a photo's evidence record (EXIF position, time and camera, the
/// original's hash), for IOC staff and administrators only.
#[utoipa::path(
    get,
    path = "/api/v1/photos/{id}",
    operation_id = "get_photo_evidence",
    tag = "reports",
    summary = "A photo's evidence record",
    description = "EXIF position, capture time, camera and orientation, and the original's \
        SHA-256. IOC operators and administrators only (`403 forbidden` otherwise).",
    params(("id" = Uuid, Path, description = "The photo's id")),
    security(("bearer" = [])),
    responses((status = 200, description = "The record", body = Evidence), GetPhotoEvidenceErrors),
)]
pub async fn evidence(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let p = photo_for_oversight(&state, &user, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(Evidence {
        id: p.id,
        report_id: p.report_id,
        kind: p.kind,
        uploader_id: p.uploader_id,
        original_url: format!("/api/v1/photos/{}/original", p.id),
        original_format: p.original_format,
        original_bytes: p.original_bytes,
        original_sha256: p.original_sha256,
        width: p.width,
        height: p.height,
        exif: Exif {
            lat: p.exif_location.as_ref().map(|l| l.y),
            lon: p.exif_location.as_ref().map(|l| l.x),
            taken_at: p.exif_taken_at,
            camera: p.exif_camera,
            orientation: p.exif_orientation,
        },
        created_at: p.created_at,
    }))
}

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
    let p = photo_for_oversight(&state, &user, id.into_inner()).await?;
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
