//! Staff accounts: the list, making one, changing one (administrators only).

pub mod create;
pub mod list;
pub mod update;

use chrono::{DateTime, Utc};
use hientruong_db::models::User;
use hientruong_domain::role::Role;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A staff account.
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
        }
    }
}
