//! API keys of client applications (Open311 postings).

use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use hientruong_db::open311::ApiKey;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::require_admin;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

/// A key as administrators see it: never its secret, which exists only in the answer that
/// created it.
#[derive(Serialize, ToSchema)]
#[schema(as = ApiKey)]
pub struct KeyJson {
    id: Uuid,
    name: String,
    /// The first characters of the key, to tell keys apart.
    prefix: String,
    created_at: DateTime<Utc>,
    last_used_at: Option<DateTime<Utc>>,
    revoked_at: Option<DateTime<Utc>>,
}

impl From<ApiKey> for KeyJson {
    fn from(k: ApiKey) -> KeyJson {
        KeyJson {
            id: k.id,
            name: k.name,
            prefix: k.prefix,
            created_at: k.created_at,
            last_used_at: k.last_used_at,
            revoked_at: k.revoked_at,
        }
    }
}

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
    require_admin(&caller)?;
    let keys = state
        .db(|conn| Ok(hientruong_db::open311::keys(conn)?))
        .await?;
    Ok(HttpResponse::Ok().json(keys.into_iter().map(KeyJson::from).collect::<Vec<_>>()))
}

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
    require_admin(&caller)?;
    let name = body.into_inner().name;
    let admin = caller.id;
    let (key, secret) = state
        .db(move |conn| hientruong_db::open311::create_key(conn, &name, Some(admin)))
        .await?;
    tracing::info!(key = %key.id, prefix = %key.prefix, name = %key.name, "API key created");
    Ok(HttpResponse::Created().json(CreatedJson {
        key: key.into(),
        api_key: secret,
    }))
}

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
    require_admin(&caller)?;
    let id = id.into_inner();
    let key = state
        .db(move |conn| hientruong_db::open311::revoke_key(conn, id))
        .await?;
    tracing::info!(key = %key.id, prefix = %key.prefix, "API key revoked");
    Ok(HttpResponse::Ok().json(KeyJson::from(key)))
}
