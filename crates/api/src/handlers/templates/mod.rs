//! A unit's response templates: ready answers officers start from.

pub mod create;
pub mod delete;
pub mod list;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::query::invalid;

/// The unit asked for, or the caller's own.
pub(crate) fn unit_of(caller: &AuthUser, asked: Option<&str>) -> Result<String, ApiError> {
    asked
        .map(str::to_owned)
        .or_else(|| caller.unit.clone())
        .ok_or_else(|| invalid("unit is required for city-wide roles"))
}
