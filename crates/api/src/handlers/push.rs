//! `GET /api/v1/push/key`: the server's VAPID public key, which browsers subscribe with.

use actix_web::{HttpResponse, http::header, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct PushKey {
    /// The P-256 public key, uncompressed, base64url: `applicationServerKey` of
    /// `pushManager.subscribe`.
    public_key: String,
}

errors!(PushKeyErrors = [&[ServiceUnavailable]]);

#[utoipa::path(
    get,
    path = "/api/v1/push/key",
    operation_id = "push_key",
    tag = "notifications",
    summary = "The key browsers subscribe to pushes with",
    description = "The server's VAPID public key (RFC 8292). It is the same for every server \
        of a deployment and changes only when the operator replaces it (subscriptions made with \
        the old one then stop working: browsers subscribe again).",
    responses((status = 200, description = "The key", body = PushKey), PushKeyErrors),
)]
pub async fn key(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let public_key = state.settings.push_public_key.clone();
    if public_key.is_empty() {
        // A server set up without a key (an embedding that did not configure push).
        return Err(hientruong_domain::Error::ServiceUnavailable.into());
    }
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .json(PushKey { public_key }))
}
