//! Accounts: the staff list and finding any account, making one, changing one (administrators),
//! locking one for abuse (IOC operators and administrators).

pub mod create;
pub mod list;
pub mod lock;
pub mod update;

use chrono::{DateTime, Utc};
use hientruong_db::models::User;
use hientruong_domain::role::Role;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// An account, as administrators see it.
#[derive(Serialize, ToSchema)]
#[schema(as = StaffAccount)]
pub struct StaffJson {
    id: Uuid,
    login: String,
    full_name: String,
    #[schema(value_type = Role)]
    role: String,
    unit: Option<String>,
    locale: String,
    disabled: bool,
    created_at: DateTime<Utc>,
    /// When staff locked it for abuse, and why (what its user is told at login).
    locked_at: Option<DateTime<Utc>>,
    lock_reason: Option<String>,
}

impl From<User> for StaffJson {
    fn from(u: User) -> StaffJson {
        StaffJson {
            id: u.id,
            login: u.login,
            full_name: u.full_name,
            role: u.role,
            unit: u.unit_code,
            locale: u.locale,
            disabled: u.disabled_at.is_some(),
            created_at: u.created_at,
            locked_at: u.locked_at,
            lock_reason: u.lock_reason,
        }
    }
}
