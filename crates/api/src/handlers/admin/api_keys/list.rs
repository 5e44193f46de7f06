//! `GET /api/v1/admin/api-keys`

use actix_web::{HttpResponse, web};

use super::KeyJson;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

errors!(ListApiKeysErrors = [ADMIN, SERVER]);

/// `GET /api/v1/admin/api-keys`: every key, newest first, revoked ones too.
#[utoipa::path(
    get,
    path = "/api/v1/admin/api-keys",
    operation_id = "list_api_keys",
    tag = "administration",
    summary = "API keys of client applications",
    description = "Every key for Open311 postings, newest first, revoked ones too; never a key's secret. Administrators only (`403 forbidden` otherwise).",
    security(("bearer" = [])),
    responses((status = 200, description = "The keys", body = Vec<KeyJson>), ListApiKeysErrors),
)]
pub async fn list(state: web::Data<AppState>, caller: AuthUser) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let keys = state.run(move |app| app.api_keys(&actor)).await?;
    Ok(HttpResponse::Ok().json(keys.into_iter().map(KeyJson::from).collect::<Vec<_>>()))
}
