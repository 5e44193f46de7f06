//! Verifying a resident's new account before its first report: a six-digit code sent to the
//! login (email, or SMS to a phone) through the outbox at registration, again on request
//! (limited), and entered in the app. Staff accounts, made by administrators, are verified when
//! made.

use std::net::IpAddr;

use chrono::Utc;
use hientruong_db::account_codes::{self, Purpose};
use hientruong_db::models::User;
use hientruong_db::{limits, users};
use hientruong_domain::Error as Refusal;
use hientruong_domain::limits::{Limited, address_key};
use hientruong_domain::policy::Actor;
use hientruong_domain::role::Role;

use crate::{App, Error};

impl App {
    /// Sends the caller a new verification code (voiding the earlier one), counted against the
    /// account's and the address's budgets (`rate_limited` beyond them); `already_verified` when
    /// there is nothing to verify.
    pub fn request_verification(&self, actor: &Actor, client: IpAddr) -> Result<(), Error> {
        let mut conn = self.conn()?;
        let user = users::find(&mut conn, actor.id)?;
        if user.verified_at.is_some() {
            return Err(Refusal::AlreadyVerified.into());
        }
        let budgets = [
            self.limits
                .budget(Limited::VerificationCodesPerAccount, actor.id.to_string()),
            self.limits
                .budget(Limited::VerificationCodesPerAddress, address_key(client)),
        ];
        hientruong_db::transaction(&mut conn, |conn| {
            limits::take(conn, &budgets)?;
            account_codes::issue(conn, &user, Purpose::Verification, Utc::now())
        })?;
        tracing::info!(account = %actor.id, "verification code sent again");
        Ok(())
    }

    /// Verifies the caller's account with `code`: the account as it is now. A wrong, used or
    /// expired code is `invalid_verification_code` (a wrong one counts one of the code's few
    /// tries); an account already verified answers as it is, whatever the code.
    pub fn confirm_verification(&self, actor: &Actor, code: &str) -> Result<User, Error> {
        let mut conn = self.conn()?;
        let user = users::find(&mut conn, actor.id)?;
        if user.verified_at.is_some() {
            return Ok(user);
        }
        let code = code.trim();
        if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Refusal::InvalidVerificationCode.into());
        }
        // A wrong code's try is committed (not rolled back with the refusal).
        let verified = hientruong_db::transaction(&mut conn, |conn| {
            let now = Utc::now();
            if account_codes::redeem(conn, user.id, Purpose::Verification, code, now)? {
                Ok(Some(users::mark_verified(conn, user.id, now)?))
            } else {
                Ok(None)
            }
        })?;
        let user = verified.ok_or(Refusal::InvalidVerificationCode)?;
        tracing::info!(account = %user.id, "account verified");
        Ok(user)
    }

    /// Refuses (`verification_required`) a resident whose account is not verified yet, before
    /// they report or support a report. Staff are verified when made.
    pub(crate) fn check_verified(
        &self,
        conn: &mut hientruong_db::PgConnection,
        actor: &Actor,
    ) -> Result<(), Error> {
        if actor.role == Role::Resident && !users::is_verified(conn, actor.id)? {
            return Err(Refusal::VerificationRequired.into());
        }
        Ok(())
    }
}
