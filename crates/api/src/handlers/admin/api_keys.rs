//! API keys of client applications (Open311 postings).

use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use hientruong_db::open311::ApiKey;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::require_admin;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::state::AppState;

/// A key as administrators see it: never its secret, which exists only in the answer that
/// created it.
#[derive(Serialize)]
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

/// `GET /api/v1/admin/api-keys`: every key, newest first, revoked ones too.
pub async fn list(state: web::Data<AppState>, caller: AuthUser) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let keys = state
        .db(|conn| Ok(hientruong_db::open311::keys(conn)?))
        .await?;
    Ok(HttpResponse::Ok().json(keys.into_iter().map(KeyJson::from).collect::<Vec<_>>()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateBody {
    /// The client application's name (1 to 100 characters; unique among active keys).
    name: String,
}

#[derive(Serialize)]
struct CreatedJson {
    #[serde(flatten)]
    key: KeyJson,
    /// The key itself: shown this once, stored only as a hash.
    api_key: String,
}

/// `POST /api/v1/admin/api-keys` `{"name": …}` → `201` with the key, shown once.
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

/// `DELETE /api/v1/admin/api-keys/{id}`: revokes the key at once (postings with it are refused
/// with `403 invalid_api_key`); the reports it brought stay. Revoking twice is harmless.
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
