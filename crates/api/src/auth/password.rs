//! Password hashing with Argon2id (the crate's defaults: 19 MiB, 2 passes), run off the async
//! workers because it is deliberately slow.

use std::sync::OnceLock;

use actix_web::web;
use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use hientruong_domain::Error;

use crate::error::ApiError;

pub fn hash_blocking(password: &str) -> Result<String, Error> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| {
            tracing::error!(error = %e, "password hashing failed");
            Error::Internal
        })
}

pub fn verify_blocking(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

pub async fn hash(password: String) -> Result<String, ApiError> {
    Ok(web::block(move || hash_blocking(&password)).await??)
}

/// Verifies against the stored hash, or against a fixed dummy hash when the account does not
/// exist, so that response times do not reveal which logins are registered.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, ApiError> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    Ok(web::block(move || match stored {
        Some(hash) => verify_blocking(&password, &hash),
        None => {
            let dummy = DUMMY.get_or_init(|| hash_blocking("timing-equaliser").unwrap_or_default());
            let _ = verify_blocking(&password, dummy);
            false
        }
    })
    .await?)
}
