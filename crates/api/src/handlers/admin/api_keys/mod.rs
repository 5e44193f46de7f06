//! API keys of client applications (Open311 postings), kept by administrators.

pub mod create;
pub mod list;
pub mod revoke;

use chrono::{DateTime, Utc};
use hientruong_db::open311::ApiKey;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

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
