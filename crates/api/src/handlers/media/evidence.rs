//! `GET /api/v1/photos/{id}`: a photo's evidence record.

use actix_web::{HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::photo_for_oversight;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

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
    let p = photo_for_oversight(&state, &user, id.into_inner(), false).await?;
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
