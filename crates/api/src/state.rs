//! What every handler can reach: the database pool and the token keys.

use std::sync::Arc;

use actix_web::web;
use hientruong_db::{DbPool, PgConnection};

use crate::auth::jwt::TokenKeys;
use crate::error::ApiError;

/// Settings of the HTTP layer, resolved by the binary from its configuration.
#[derive(Clone)]
pub struct Settings {
    /// Secret for signing access tokens (HS256); at least 32 bytes.
    pub jwt_secret: Vec<u8>,
    /// Lifetime of an access token, seconds.
    pub access_ttl_secs: i64,
    /// Lifetime of a refresh token, days.
    pub refresh_ttl_days: i64,
    /// Largest JSON body accepted, bytes.
    pub json_limit_bytes: usize,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            jwt_secret: Vec::new(),
            access_ttl_secs: 15 * 60,
            refresh_ttl_days: 30,
            json_limit_bytes: 64 * 1024,
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pool: DbPool,
    pub tokens: Arc<TokenKeys>,
    pub settings: Arc<Settings>,
}

impl AppState {
    pub fn new(pool: DbPool, settings: Settings) -> AppState {
        AppState {
            pool,
            tokens: Arc::new(TokenKeys::new(
                &settings.jwt_secret,
                settings.access_ttl_secs,
            )),
            settings: Arc::new(settings),
        }
    }

    /// Runs database work on the blocking pool (diesel is synchronous) with a pooled connection.
    pub async fn db<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut PgConnection) -> Result<T, hientruong_db::Error> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        web::block(move || {
            let mut conn = pool.get().map_err(hientruong_db::Error::from)?;
            work(&mut conn)
        })
        .await?
        .map_err(ApiError::from)
    }
}
