//! `/api/v1/me`: the caller's own account (their reports are `reports::mine`).

pub mod alerts;
pub mod delete;
pub mod notifications;
pub mod password;
pub mod preferences;
pub mod push_subscriptions;
pub mod sessions;
pub mod verification;
