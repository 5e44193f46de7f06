//! Accounts and sessions: who a token's subject is now, registering, logging in (throttled), and
//! the refresh tokens that keep a session going.

use std::net::IpAddr;

use hientruong_db::account_codes::{self, Purpose};
use hientruong_db::limits;
use hientruong_db::models::{NewRefreshToken, NewUser, User};
use hientruong_db::users::{self, Rotation};
use hientruong_domain::limits::{Budget, Limited, address_key};
use hientruong_domain::login::{Login, NewAccount};
use hientruong_domain::policy::Actor;
use hientruong_domain::role::Role;
use uuid::Uuid;

use crate::{App, Error, password};

use hientruong_domain::Error as Refusal;

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

    /// The caller's own account, once `password` is theirs, checked as a login is (the same
    /// budgets, [`App::check_password`]), so that a stolen access token does not allow unlimited
    /// guesses.
    async fn own_account(
        &self,
        actor: &Actor,
        client: IpAddr,
        password: String,
    ) -> Result<User, Error> {
        let id = actor.id;
        let user = self
            .blocking(move |app| Ok(users::find(&mut *app.conn()?, id)?))
            .await?;
        let login = user.login.clone();
        self.check_password(&login, Some(user), client, password)
            .await
    }

    /// Changes the caller's password, given the current one; every session ends, the caller's
    /// too (who starts a new one with the answer).
    pub async fn change_password(
        &self,
        actor: &Actor,
        client: IpAddr,
        current: String,
        new: &str,
    ) -> Result<User, Error> {
        hientruong_domain::login::check_password(new)?;
        let user = self.own_account(actor, client, current).await?;
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
    pub async fn delete_account(
        &self,
        actor: &Actor,
        client: IpAddr,
        password: String,
    ) -> Result<(), Error> {
        actor.check_delete_account()?;
        let id = self.own_account(actor, client, password).await?.id;
        self.blocking(move |app| users::erase(&mut *app.conn()?, id))
            .await?;
        tracing::info!(account = %id, "account erased at its owner's request");
        Ok(())
    }

    /// A resident's own account: checked (login, password, name, in that order), its password
    /// hashed, stored, and a verification code queued to its login in the same transaction (the
    /// account reports once verified, [`App::confirm_verification`]).
    /// Counts against the client address's registrations (`rate_limited` beyond them), once the
    /// account is valid and before its password is hashed.
    pub async fn register(
        &self,
        new: NewAccount<'_>,
        client: IpAddr,
        locale: &'static str,
    ) -> Result<User, Error> {
        let password = new.password.to_owned();
        let account = new.resident()?;
        let budget = self
            .limits
            .budget(Limited::RegistrationsPerAddress, address_key(client));
        self.blocking(move |app| limits::take(&mut *app.conn()?, &[budget]))
            .await?;
        let hash = password::hash(password).await?;
        self.blocking(move |app| {
            hientruong_db::transaction(&mut *app.conn()?, |conn| {
                let user = users::create(
                    conn,
                    &NewUser {
                        id: Uuid::new_v4(),
                        login: account.login.as_str(),
                        login_kind: account.login.kind(),
                        password_hash: &hash,
                        full_name: &account.full_name,
                        role: account.role.as_str(),
                        unit_code: account.unit.as_deref(),
                        locale,
                        verified_at: None,
                    },
                )?;
                account_codes::issue(conn, &user, Purpose::Verification, chrono::Utc::now())?;
                Ok(user)
            })
        })
        .await
    }

    /// A login attempt from `client`. It is counted before the password is checked (parallel
    /// guesses count as well) against the attempts on this login from this address
    /// (`account_locked` beyond them, so a stranger elsewhere cannot lock the account's owner out)
    /// and from this address on any login (`rate_limited`). An unknown login is counted and
    /// checked exactly like a wrong password, so that neither the answer nor its timing tells
    /// which logins exist.
    pub async fn log_in(
        &self,
        login: &str,
        client: IpAddr,
        password: String,
    ) -> Result<User, Error> {
        let (login, user) = match Login::parse_staff(login) {
            Ok(login) => {
                let key = login.as_str().to_owned();
                let user = self
                    .blocking(move |app| Ok(users::find_by_login(&mut *app.conn()?, &key)?))
                    .await?;
                (login.as_str().to_owned(), user)
            }
            // Not a login anyone can have: counted under what was typed, like any other.
            Err(_) => (login.trim().to_lowercase(), None),
        };
        let user = self.check_password(&login, user, client, password).await?;
        if user.disabled_at.is_some() {
            return Err(Refusal::AccountDisabled.into());
        }
        // Told only once the password is right: the reason is for the account's owner.
        if let (Some(_), Some(reason)) = (user.locked_at, &user.lock_reason) {
            return Err(Error::LockedByStaff {
                reason: reason.clone(),
            });
        }
        Ok(user)
    }

    /// Checks `password` against `user`'s (`None`: an unknown login, which fails the same way in
    /// the same time): the attempt takes from the login's and the address's budgets first, and a
    /// success gives the login's budget back.
    async fn check_password(
        &self,
        login: &str,
        user: Option<User>,
        client: IpAddr,
        password: String,
    ) -> Result<User, Error> {
        let budgets = self.login_budgets(login, client);
        let taken = budgets.clone();
        self.blocking(move |app| limits::take(&mut *app.conn()?, &taken))
            .await?;
        let hash = user.as_ref().map(|u| u.password_hash.clone());
        if !password::verify(password, hash).await? {
            return Err(Refusal::InvalidCredentials.into());
        }
        let user = user.ok_or(Refusal::InvalidCredentials)?;
        let [per_login, _] = budgets;
        self.blocking(move |app| Ok(limits::clear(&mut *app.conn()?, &per_login)?))
            .await?;
        Ok(user)
    }

    pub(crate) fn login_budgets(&self, login: &str, client: IpAddr) -> [Budget; 2] {
        let address = address_key(client);
        [
            self.limits.budget(
                Limited::LoginsPerLoginAndAddress,
                format!("{login}|{address}"),
            ),
            self.limits.budget(Limited::LoginsPerAddress, address),
        ]
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
