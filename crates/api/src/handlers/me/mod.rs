//! `/api/v1/me`: the caller's own account (their reports are `reports::mine`).

pub mod delete;
pub mod password;
pub mod sessions;
pub mod verification;
