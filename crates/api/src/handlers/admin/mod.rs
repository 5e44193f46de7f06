//! `/api/v1/admin`: what administrators maintain. Every handler starts with the policy's
//! `check_admin`.

pub mod api_keys;
pub mod catalog;
pub mod deadlines;
pub mod users;

use crate::auth::AuthUser;
use crate::error::ApiError;

pub(crate) fn require_admin(caller: &AuthUser) -> Result<(), ApiError> {
    Ok(caller.actor().check_admin()?)
}
