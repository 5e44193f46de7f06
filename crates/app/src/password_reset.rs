//! A forgotten password: a six-digit code sent to the account's login (email, or SMS to a phone
//! login) through the outbox, then a new password with it. Both answers are the same whether or
//! not the login exists.

use std::net::IpAddr;

use chrono::Utc;
use hientruong_db::account_codes::{self, Purpose};
use hientruong_db::{limits, users};
use hientruong_domain::Error as Refusal;
use hientruong_domain::limits::{Budget, Limited, address_key};
use hientruong_domain::login::{Login, check_password};
use hientruong_domain::role::Role;

use crate::{App, Error, password};

/// A login as stored (canonical), or as typed when it cannot be one, for counting.
fn canonical(login: &str) -> String {
    Login::parse_staff(login)
        .map(|l| l.as_str().to_owned())
        .unwrap_or_else(|_| login.trim().to_lowercase())
}

impl App {
    /// Asks for a code for `login`, from `client`: counted against the login's and the
    /// address's budgets (`rate_limited` beyond them) whether or not an account has the login;
    /// for an enabled account with an email or phone login, a code is issued and queued to it.
    /// The answer says nothing of which.
    pub fn request_password_reset(&self, login: &str, client: IpAddr) -> Result<(), Error> {
        let login = canonical(login);
        let mut conn = self.conn()?;
        limits::take(&mut conn, &self.reset_budgets(&login, client))?;
        let user = users::find_by_login(&mut conn, &login)?
            .filter(|u| u.disabled_at.is_none() && u.role != Role::Client.as_str());
        if let Some(user) = user
            && account_codes::issue(&mut conn, &user, Purpose::PasswordReset, Utc::now())?
        {
            tracing::info!(account = %user.id, "password-reset code issued");
        }
        Ok(())
    }

    /// Sets `new` as `login`'s password if `code` is its open code: the code is spent, every
    /// session of the account ends, and the failed logins on it from `client` are forgotten (who
    /// forgot a password has often locked it by guessing). The code reached the login, so an
    /// unverified account is verified too. A wrong, used or expired code, or an
    /// unknown login, is `invalid_reset_code`; a wrong code counts one of the code's few tries.
    pub async fn confirm_password_reset(
        &self,
        login: &str,
        code: &str,
        new: &str,
        client: IpAddr,
    ) -> Result<(), Error> {
        check_password(new)?;
        let code = code.trim().to_owned();
        if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Refusal::InvalidResetCode.into());
        }
        let login = canonical(login);
        let [failed_logins, _] = self.login_budgets(&login, client);
        // Only a login with an open code is worth a hash (which costs on purpose).
        let user = self
            .blocking(move |app| {
                let mut conn = app.conn()?;
                let Some(user) = users::find_by_login(&mut conn, &login)? else {
                    return Ok(None);
                };
                let open =
                    account_codes::is_open(&mut conn, user.id, Purpose::PasswordReset, Utc::now())?;
                Ok(open.then_some(user))
            })
            .await?
            .ok_or(Refusal::InvalidResetCode)?;
        let hash = password::hash(new.to_owned()).await?;
        // A wrong code's try is committed (not rolled back with the refusal).
        let right = self
            .blocking(move |app| {
                hientruong_db::transaction(&mut *app.conn()?, |conn| {
                    let now = Utc::now();
                    let right =
                        account_codes::redeem(conn, user.id, Purpose::PasswordReset, &code, now)?;
                    if right {
                        users::set_password(conn, user.id, &hash)?;
                        users::mark_verified(conn, user.id, now)?;
                        limits::clear(conn, &failed_logins)?;
                    }
                    Ok(right)
                })
            })
            .await?;
        if !right {
            return Err(Refusal::InvalidResetCode.into());
        }
        tracing::info!(account = %user.id, "password reset with a code");
        Ok(())
    }

    fn reset_budgets(&self, login: &str, client: IpAddr) -> [Budget; 2] {
        [
            self.limits
                .budget(Limited::PasswordResetsPerLogin, login.to_owned()),
            self.limits
                .budget(Limited::PasswordResetsPerAddress, address_key(client)),
        ]
    }
}
