//! The API keys of client applications (Open311 postings), kept by administrators.

use hientruong_db::open311::{self, ApiKey};
use hientruong_domain::audit::Action;
use hientruong_domain::policy::Actor;
use serde_json::json;
use uuid::Uuid;

use crate::{App, Error};

impl App {
    /// Every key, newest first, revoked ones too.
    pub fn api_keys(&self, actor: &Actor) -> Result<Vec<ApiKey>, Error> {
        actor.check_admin()?;
        Ok(open311::keys(&mut *self.conn()?)?)
    }

    /// A new key for the application `name`: the key and its secret, which is stored only as a
    /// hash and so shown this once.
    pub fn create_api_key(&self, actor: &Actor, name: &str) -> Result<(ApiKey, String), Error> {
        actor.check_admin()?;
        let created = self.audited(
            actor,
            Action::ApiKeyCreate,
            |conn| open311::create_key(conn, name, Some(actor.id)),
            |(key, _)| {
                (
                    key.id.to_string(),
                    json!({ "name": key.name, "prefix": key.prefix }),
                )
            },
        )?;
        tracing::info!(key = %created.0.id, prefix = %created.0.prefix, name = %created.0.name, "API key created");
        Ok(created)
    }

    /// Revokes a key at once (its postings are refused from now on); the reports it brought stay.
    pub fn revoke_api_key(&self, actor: &Actor, id: Uuid) -> Result<ApiKey, Error> {
        actor.check_admin()?;
        let key = self.audited(
            actor,
            Action::ApiKeyRevoke,
            |conn| open311::revoke_key(conn, id),
            |key| {
                (
                    key.id.to_string(),
                    json!({ "name": key.name, "prefix": key.prefix }),
                )
            },
        )?;
        tracing::info!(key = %key.id, prefix = %key.prefix, "API key revoked");
        Ok(key)
    }
}
