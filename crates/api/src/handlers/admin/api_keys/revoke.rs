//! `DELETE /api/v1/admin/api-keys/{id}`

use actix_web::{HttpResponse, web};
use uuid::Uuid;

use super::KeyJson;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

errors!(RevokeApiKeyErrors = [ADMIN, PATH, SERVER]);

/// `DELETE /api/v1/admin/api-keys/{id}`: revokes the key at once (postings with it are refused
/// with `403 invalid_api_key`); the reports it brought stay. Revoking twice is harmless.
#[utoipa::path(
    delete,
    path = "/api/v1/admin/api-keys/{id}",
    operation_id = "revoke_api_key",
    tag = "administration",
    summary = "Revoke an API key",
    description = "Revokes the key at once: postings with it are refused with `403 invalid_api_key`; the reports it brought stay. Revoking again changes nothing. Administrators only (`403 forbidden` otherwise).",
    params(("id" = Uuid, Path, description = "The key's id")),
    security(("bearer" = [])),
    responses((status = 200, description = "The revoked key", body = KeyJson), RevokeApiKeyErrors),
)]
pub async fn revoke(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let id = id.into_inner();
    let key = state.run(move |app| app.revoke_api_key(&actor, id)).await?;
    Ok(HttpResponse::Ok().json(KeyJson::from(key)))
}
