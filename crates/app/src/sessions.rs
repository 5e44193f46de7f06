//! Accounts and sessions: who a token's subject is now, registering, logging in (throttled), and
//! the refresh tokens that keep a session going.

use std::time::Duration;

use chrono::Utc;
use hientruong_db::models::{NewRefreshToken, NewUser, User};
use hientruong_db::users::{self, Rotation};
use hientruong_domain::login::{Login, NewAccount, throttle};
use hientruong_domain::policy::Actor;
use hientruong_domain::role::Role;
use uuid::Uuid;

use crate::{App, Error, password};

use hientruong_domain::Error as Refusal;

/// How a login attempt ended, when it was not refused outright.
pub enum Attempt {
    /// The password is right and the account enabled: its session may start.
    Welcome(Box<User>),
    /// Too many wrong passwords: the account takes no attempt for this long.
    Locked { retry_after_secs: u64 },
}

impl App {
    /// The subject of a valid access token issued under session `epoch`, as the policy knows
    /// them now: its account's current role and unit, so that a disabled account, a changed role
    /// or sessions ended elsewhere take effect at once.
    pub fn standing(&self, id: Uuid, epoch: i32) -> Result<Actor, Error> {
        let Some(standing) = users::current_standing(&mut *self.conn()?, id)? else {
            // A token for an account that no longer exists.
            return Err(Refusal::InvalidToken.into());
        };
        if !standing.enabled {
            return Err(Refusal::AccountDisabled.into());
        }
        if epoch < standing.session_epoch {
            return Err(Refusal::InvalidToken.into());
        }
        Ok(Actor {
            id,
            role: Role::parse(&standing.role).ok_or(Refusal::Internal)?,
            unit: standing.unit,
        })
    }

    /// The caller's own account, once `password` is theirs, checked as a login is
    /// ([`App::check_password`]), so that a stolen access token does not allow unlimited guesses.
    async fn own_account(&self, actor: &Actor, password: String) -> Result<User, Error> {
        let id = actor.id;
        let user = self
            .blocking(move |app| Ok(users::find(&mut *app.conn()?, id)?))
            .await?;
        match self.check_password(user, password).await? {
            Attempt::Welcome(user) => {
                self.record_success(id).await?;
                Ok(*user)
            }
            Attempt::Locked { .. } => Err(Refusal::AccountLocked.into()),
        }
    }

    /// Changes the caller's password, given the current one; every session ends, the caller's
    /// too (who starts a new one with the answer).
    pub async fn change_password(
        &self,
        actor: &Actor,
        current: String,
        new: &str,
    ) -> Result<User, Error> {
        hientruong_domain::login::check_password(new)?;
        let user = self.own_account(actor, current).await?;
        let hash = password::hash(new.to_owned()).await?;
        let id = user.id;
        self.blocking(move |app| Ok(users::set_password(&mut *app.conn()?, id, &hash)?))
            .await
    }

    /// Ends every session of the caller's, on every device ("log out everywhere").
    pub fn end_sessions(&self, actor: &Actor) -> Result<(), Error> {
        users::end_sessions(&mut *self.conn()?, actor.id)?;
        Ok(())
    }

    /// A resident deletes their account, given their password: what identifies them is erased,
    /// their reports are kept without identity (docs/privacy.md).
    pub async fn delete_account(&self, actor: &Actor, password: String) -> Result<(), Error> {
        actor.check_delete_account()?;
        let id = self.own_account(actor, password).await?.id;
        self.blocking(move |app| users::erase(&mut *app.conn()?, id))
            .await?;
        tracing::info!(account = %id, "account erased at its owner's request");
        Ok(())
    }

    /// A resident's own account: checked (login, password, name, in that order), its password
    /// hashed, stored.
    pub async fn register(&self, new: NewAccount<'_>, locale: &'static str) -> Result<User, Error> {
        let password = new.password.to_owned();
        let account = new.resident()?;
        let hash = password::hash(password).await?;
        self.blocking(move |app| {
            users::create(
                &mut *app.conn()?,
                &NewUser {
                    id: Uuid::new_v4(),
                    login: account.login.as_str(),
                    login_kind: account.login.kind(),
                    password_hash: &hash,
                    full_name: &account.full_name,
                    role: account.role.as_str(),
                    unit_code: account.unit.as_deref(),
                    locale,
                },
            )
        })
        .await
    }

    /// A login attempt. It is counted before the password is checked (parallel guesses count as
    /// well) and slowed down from the third consecutive failure; an unknown login is checked like
    /// a wrong password, so that timing does not tell which logins exist.
    pub async fn log_in(&self, login: &str, password: String) -> Result<Attempt, Error> {
        let user = match Login::parse_staff(login) {
            Ok(login) => {
                self.blocking(move |app| {
                    Ok(users::find_by_login(&mut *app.conn()?, login.as_str())?)
                })
                .await?
            }
            Err(_) => None,
        };
        let Some(user) = user else {
            password::verify(password, None).await?;
            return Err(Refusal::InvalidCredentials.into());
        };
        let user = match self.check_password(user, password).await? {
            Attempt::Welcome(user) => user,
            locked => return Ok(locked),
        };
        if user.disabled_at.is_some() {
            return Err(Refusal::AccountDisabled.into());
        }
        self.record_success(user.id).await?;
        Ok(Attempt::Welcome(user))
    }

    /// Checks `password` against `user`'s, as every password check is: the attempt is counted
    /// first (parallel guesses count as well), slowed down from the third consecutive failure,
    /// and refused while the account is locked. A success is not recorded yet: the caller does
    /// once nothing else refuses the attempt ([`App::record_success`]).
    async fn check_password(&self, user: User, password: String) -> Result<Attempt, Error> {
        let id = user.id;
        let attempt = self
            .blocking(move |app| Ok(users::reserve_attempt(&mut *app.conn()?, id)?))
            .await?;
        let Some(attempt) = attempt else {
            let secs = user
                .locked_until
                .map(|until| (until - Utc::now()).num_seconds())
                .unwrap_or(60)
                .max(1);
            return Ok(Attempt::Locked {
                retry_after_secs: u64::try_from(secs).unwrap_or(60),
            });
        };
        let delay = throttle::delay_ms(attempt);
        if delay > 0 {
            tokio::time::sleep(Duration::from_millis(delay)).await;
        }
        if !password::verify(password, Some(user.password_hash.clone())).await? {
            return Err(Refusal::InvalidCredentials.into());
        }
        Ok(Attempt::Welcome(Box::new(user)))
    }

    /// A successful password check: the count of failures starts again.
    async fn record_success(&self, id: Uuid) -> Result<(), Error> {
        self.blocking(move |app| Ok(users::record_success(&mut *app.conn()?, id)?))
            .await
    }

    /// Starts a session: its first refresh token.
    pub fn open_session(&self, token: &NewRefreshToken) -> Result<(), Error> {
        Ok(users::store_refresh_token(&mut *self.conn()?, token)?)
    }

    /// Exchanges a refresh token (by its hash) for its successor, `next_hash`, valid for `ttl`.
    pub fn refresh_session(
        &self,
        presented: &[u8],
        next_hash: Vec<u8>,
        ttl: chrono::Duration,
    ) -> Result<Rotation, Error> {
        users::rotate_refresh_token(&mut *self.conn()?, presented, next_hash, ttl)
    }

    /// Ends the session of a refresh token (by its hash); one that does not exist is ended too.
    pub fn close_session(&self, presented: &[u8]) -> Result<(), Error> {
        Ok(users::revoke_by_token(&mut *self.conn()?, presented)?)
    }
}
