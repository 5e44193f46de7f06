//! Password hashing with Argon2id (the crate's defaults: 19 MiB, 2 passes), run off the async
//! workers because it is deliberately slow, and at most one hash per core at a time: without a
//! bound, a burst of login requests would ask for gigabytes of memory.

use std::sync::OnceLock;
use std::time::Duration;

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use hientruong_domain::Error;
use tokio::sync::Semaphore;

/// How long a caller waits for a hashing slot before it is told the service is unavailable.
const WAIT_FOR_SLOT: Duration = Duration::from_secs(5);

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

fn slots() -> &'static Semaphore {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    SLOTS.get_or_init(|| {
        Semaphore::new(
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2),
        )
    })
}

/// Runs one hashing job on a blocking thread when a slot is free; `ServiceUnavailable` when none
/// frees within [`WAIT_FOR_SLOT`] (or the blocking pool is gone).
async fn bounded<T: Send + 'static>(job: impl FnOnce() -> T + Send + 'static) -> Result<T, Error> {
    let _slot = tokio::time::timeout(WAIT_FOR_SLOT, slots().acquire())
        .await
        .map_err(|_| Error::ServiceUnavailable)?
        .map_err(|_| Error::ServiceUnavailable)?;
    tokio::task::spawn_blocking(job).await.map_err(|_| {
        tracing::error!("the blocking thread pool is gone");
        Error::ServiceUnavailable
    })
}

pub async fn hash(password: String) -> Result<String, Error> {
    bounded(move || hash_blocking(&password)).await?
}

/// Verifies against the stored hash, or against a fixed dummy hash when the account does not
/// exist, so that response times do not reveal which logins are registered.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, Error> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    bounded(move || match stored {
        Some(hash) => verify_blocking(&password, &hash),
        None => {
            let dummy = DUMMY.get_or_init(|| hash_blocking("timing-equaliser").unwrap_or_default());
            let _ = verify_blocking(&password, dummy);
            false
        }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() -> Result<(), Error> {
        let stored = hash("đủ dài rồi".to_owned()).await?;
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("đủ dài rồi".to_owned(), Some(stored.clone())).await?);
        assert!(!verify("sai mật khẩu".to_owned(), Some(stored)).await?);
        assert!(!verify("đủ dài rồi".to_owned(), None).await?);
        assert!(!verify_blocking("đủ dài rồi", "not a hash"));
        Ok(())
    }
}
