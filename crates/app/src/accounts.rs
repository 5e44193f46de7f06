//! Administrators' use cases on accounts: the staff list, making an account, changing one.

use hientruong_db::models::User;
use hientruong_db::users;
use hientruong_domain::audit::Action;
use hientruong_domain::login::NewAccount;
use hientruong_domain::policy::Actor;
use hientruong_domain::role::Role;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{App, Error};

/// The longest reason for a moderator's action (locking an account, hiding a text or photo).
pub const REASON_MAX_CHARS: usize = 500;

/// A change of an account: a role (with its unit, when the role has one), its state, or both.
#[derive(Debug, Clone, Default)]
pub struct AccountChange {
    /// A role's name, as given (`unknown_role` unless an assignable one).
    pub role: Option<String>,
    pub unit: Option<String>,
    /// `true` disables the account at once (its sessions are revoked); `false` enables it.
    pub disabled: Option<bool>,
}

impl App {
    /// Staff accounts, of one unit or all.
    pub fn staff(&self, actor: &Actor, unit: Option<&str>) -> Result<Vec<User>, Error> {
        actor.check_admin()?;
        Ok(users::staff(&mut *self.conn()?, unit)?)
    }

    /// Any account, residents' too, whose login or name contains `q`: at most 50, for IOC
    /// operators and administrators (who lock accounts).
    pub fn find_accounts(&self, actor: &Actor, q: &str) -> Result<Vec<User>, Error> {
        actor.check_moderate()?;
        Ok(users::search(&mut *self.conn()?, q, 50)?)
    }

    /// Locks an account for abuse, `reason` told to its user at login (`None`: unlocks it). IOC
    /// operators lock residents, administrators anyone but themselves.
    pub fn lock_account(
        &self,
        actor: &Actor,
        id: Uuid,
        reason: Option<&str>,
    ) -> Result<User, Error> {
        let reason = reason.map(str::trim);
        if reason.is_some_and(str::is_empty) {
            return Err(hientruong_domain::Error::NoteRequired.into());
        }
        if reason.is_some_and(|r| r.chars().count() > REASON_MAX_CHARS) {
            return Err(hientruong_domain::Error::TextTooLong.into());
        }
        let action = match reason {
            Some(_) => Action::UserLock,
            None => Action::UserUnlock,
        };
        let user = self.audited(
            actor,
            action,
            |conn| {
                let target = users::find_managed(conn, id)?;
                let role = Role::parse(&target.role).ok_or(hientruong_domain::Error::Internal)?;
                actor.check_lock(id, role)?;
                users::set_lock(conn, id, reason.map(|r| (r, actor.id)))
            },
            |_| (id.to_string(), json!({ "reason": reason })),
        )?;
        match reason {
            Some(_) => tracing::info!(account = %id, by = %actor.id, "account locked"),
            None => tracing::info!(account = %id, by = %actor.id, "account unlocked"),
        }
        Ok(user)
    }

    /// An account an administrator makes (any role but a client application's), checked as
    /// [`NewAccount::staff`] does, its password hashed.
    pub async fn create_account(
        &self,
        actor: &Actor,
        new: NewAccount<'_>,
        role: &str,
        unit: Option<&str>,
    ) -> Result<User, Error> {
        actor.check_admin()?;
        let password = new.password.to_owned();
        let account = new.staff(role, unit)?;
        let hash = crate::password::hash(password).await?;
        let actor = actor.clone();
        self.blocking(move |app| {
            app.audited(
                &actor,
                Action::UserCreate,
                |conn| {
                    users::create_staff(
                        conn,
                        &account.login,
                        &account.full_name,
                        &hash,
                        account.role,
                        account.unit.as_deref(),
                    )
                },
                |user| (user.id.to_string(), standing(user)),
            )
        })
        .await
    }

    /// Changes an account, all of it or nothing; never the administrator's own way out.
    pub fn update_account(
        &self,
        actor: &Actor,
        id: Uuid,
        change: &AccountChange,
    ) -> Result<User, Error> {
        actor.check_admin()?;
        let role = change
            .role
            .as_deref()
            .map(|r| Role::parse_assignable(r.trim()).ok_or(hientruong_domain::Error::UnknownRole))
            .transpose()?;
        if let Some(r) = role {
            r.check_unit(change.unit.as_deref())?;
        }
        actor.check_account_change(id, change.disabled == Some(true), role)?;
        self.audited(
            actor,
            Action::UserUpdate,
            |conn| {
                let before = standing(&users::find_managed(conn, id)?);
                let mut user = None;
                if let Some(role) = role {
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
                let user = match user {
                    Some(u) => u,
                    None => users::find_managed(conn, id)?,
                };
                Ok((before, user))
            },
            |(before, user)| {
                let after = standing(user);
                (id.to_string(), json!({ "before": before, "after": after }))
            },
        )
        .map(|(_, user)| user)
    }
}

/// What the audit log keeps of an account's standing: its role, unit and state (not its login:
/// the row names the account by id, and outlives an erased resident's login).
fn standing(user: &User) -> Value {
    json!({
        "role": user.role,
        "unit": user.unit_code,
        "disabled": user.disabled_at.is_some(),
    })
}
