//! `POST /api/v1/admin/api-keys`

use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::KeyJson;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[schema(as = ApiKeyRequest)]
#[serde(deny_unknown_fields)]
pub struct CreateBody {
    /// The client application's name (1 to 100 characters; unique among active keys).
    name: String,
}

#[derive(Serialize, ToSchema)]
#[schema(as = CreatedApiKey)]
pub struct CreatedJson {
    #[serde(flatten)]
    key: KeyJson,
    /// The key itself: shown this once, stored only as a hash.
    api_key: String,
}

errors!(CreateApiKeyErrors = [ADMIN, BODY, &[InvalidApiKeyName], SERVER]);

/// `POST /api/v1/admin/api-keys` `{"name": …}` → `201` with the key, shown once.
#[utoipa::path(
    post,
    path = "/api/v1/admin/api-keys",
    operation_id = "create_api_key",
    tag = "administration",
    summary = "Create an API key",
    description = "A key for a client application (Open311 postings). The answer's `api_key` is the only time the key is shown; only its hash is stored. Administrators only (`403 forbidden` otherwise).",
    request_body = CreateBody,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The key, with its secret", body = CreatedJson),
        CreateApiKeyErrors,
    ),
)]
pub async fn create(
    state: web::Data<AppState>,
    caller: AuthUser,
    body: web::Json<CreateBody>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let name = body.into_inner().name;
    let (key, secret) = state
        .run(move |app| app.create_api_key(&actor, &name))
        .await?;
    Ok(HttpResponse::Created().json(CreatedJson {
        key: key.into(),
        api_key: secret,
    }))
}
