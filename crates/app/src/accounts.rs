//! Administrators' use cases on accounts.

use hientruong_db::models::User;
use hientruong_db::users;
use hientruong_domain::policy::Actor;
use hientruong_domain::role::Role;
use uuid::Uuid;

use crate::{App, Error};

/// A change of an account: a role (with its unit, when the role has one), its state, or both.
#[derive(Debug, Clone, Default)]
pub struct AccountChange {
    pub role: Option<Role>,
    pub unit: Option<String>,
    /// `true` disables the account at once (its sessions are revoked); `false` enables it.
    pub disabled: Option<bool>,
}

impl App {
    /// Changes an account, all of it or nothing; never the administrator's own way out.
    pub fn update_account(
        &self,
        actor: &Actor,
        id: Uuid,
        change: &AccountChange,
    ) -> Result<User, Error> {
        actor.check_account_change(id, change.disabled == Some(true), change.role)?;
        hientruong_db::transaction(&mut *self.conn()?, |conn| {
            let mut user = None;
            if let Some(role) = change.role {
                if let Some(unit) = change.unit.as_deref()
                    && !users::unit_exists(conn, unit)?
                {
                    return Err(hientruong_domain::Error::UnknownUnit.into());
                }
                user = Some(users::set_role(
                    conn,
                    id,
                    role.as_str(),
                    change.unit.as_deref(),
                )?);
            }
            if let Some(disabled) = change.disabled {
                user = Some(users::set_disabled(conn, id, disabled)?);
            }
            match user {
                Some(u) => Ok(u),
                None => Ok(users::find_managed(conn, id)?),
            }
        })
    }
}
