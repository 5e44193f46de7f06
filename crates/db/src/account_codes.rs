//! Account codes (`account_codes`): six digits issued to an account's login through the outbox
//! (by email, or by SMS to a phone), each for one purpose (setting a new password, verifying a new
//! account), checked once.

use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bytea, Integer, Text, Timestamptz, Uuid as SqlUuid};
use hientruong_domain::notice::AccountNotice;
use rand::RngExt;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::Error;
use crate::jobs::{self, AccountJob};
use crate::models::User;

/// Wrong tries after which a code is void.
pub const MAX_ATTEMPTS: i32 = 5;

/// What a code is for; an account's codes for one purpose do not void or answer for the other's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// `POST /api/v1/auth/password-reset/confirm`.
    PasswordReset,
    /// `POST /api/v1/me/verification/confirm`.
    Verification,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::PasswordReset => "password_reset",
            Purpose::Verification => "verification",
        }
    }

    /// How long a code works: a reset is asked for and used at once; a verification code may
    /// wait for a resident who registered on a weak network (and SMS can be slow).
    pub fn valid_minutes(self) -> i64 {
        match self {
            Purpose::PasswordReset => 15,
            Purpose::Verification => 30,
        }
    }

    fn notice(self, code: String) -> AccountNotice {
        let valid_minutes = self.valid_minutes();
        match self {
            Purpose::PasswordReset => AccountNotice::PasswordReset {
                code,
                valid_minutes,
            },
            Purpose::Verification => AccountNotice::Verification {
                code,
                valid_minutes,
            },
        }
    }
}

fn digest(salt: &[u8], user: Uuid, code: &str) -> Vec<u8> {
    let mut hash = Sha256::new();
    hash.update(salt);
    hash.update(user.as_bytes());
    hash.update(code.as_bytes());
    hash.finalize().to_vec()
}

/// Issues a new code for `user` and `purpose` (voiding their earlier ones for it) and queues it to
/// their login, in one transaction: by email for an email login, by SMS for a phone. A login of
/// another kind (staff usernames) has nowhere to receive it: nothing is issued, and `false` is
/// answered.
pub fn issue(
    conn: &mut PgConnection,
    user: &User,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> Result<bool, Error> {
    let kind = match user.login_kind.as_str() {
        "email" => jobs::ACCOUNT_EMAIL,
        "phone" => jobs::SMS,
        _ => return Ok(false),
    };
    let mut rng = rand::rng();
    let code = format!("{:06}", rng.random_range(0..1_000_000u32));
    let salt: [u8; 16] = rng.random();
    conn.transaction(|conn| {
        diesel::sql_query(
            "UPDATE account_codes SET used_at = $2 \
             WHERE user_id = $1 AND purpose = $3 AND used_at IS NULL",
        )
        .bind::<SqlUuid, _>(user.id)
        .bind::<Timestamptz, _>(now)
        .bind::<Text, _>(purpose.as_str())
        .execute(conn)?;
        diesel::sql_query(
            "INSERT INTO account_codes \
             (user_id, purpose, salt, code_digest, created_at, expires_at) \
             VALUES ($1, $6, $2, $3, $4, $5)",
        )
        .bind::<SqlUuid, _>(user.id)
        .bind::<Bytea, _>(&salt[..])
        .bind::<Bytea, _>(digest(&salt, user.id, &code))
        .bind::<Timestamptz, _>(now)
        .bind::<Timestamptz, _>(now + TimeDelta::minutes(purpose.valid_minutes()))
        .bind::<Text, _>(purpose.as_str())
        .execute(conn)?;
        let job = AccountJob {
            to: user.login.clone(),
            lang: user.locale.clone(),
            notice: purpose.notice(code),
        };
        jobs::enqueue(conn, kind, &job, now)?;
        Ok(true)
    })
}

/// Spends `user`'s open code for `purpose` if `code` is it (and it is neither expired nor out of tries): `true`
/// then, and the code cannot be used again. A wrong code counts a try.
pub fn redeem(
    conn: &mut PgConnection,
    user: Uuid,
    purpose: Purpose,
    code: &str,
    now: DateTime<Utc>,
) -> Result<bool, Error> {
    #[derive(QueryableByName)]
    struct Open {
        #[diesel(sql_type = BigInt)]
        id: i64,
        #[diesel(sql_type = Bytea)]
        salt: Vec<u8>,
        #[diesel(sql_type = Bytea)]
        code_digest: Vec<u8>,
        #[diesel(sql_type = Integer)]
        attempts: i32,
    }
    conn.transaction(|conn| {
        // Locked, so that two tries at once count as two.
        let open: Option<Open> = diesel::sql_query(
            "SELECT id, salt, code_digest, attempts FROM account_codes \
             WHERE user_id = $1 AND purpose = $3 AND used_at IS NULL AND expires_at > $2 \
             ORDER BY id DESC LIMIT 1 FOR UPDATE",
        )
        .bind::<SqlUuid, _>(user)
        .bind::<Timestamptz, _>(now)
        .bind::<Text, _>(purpose.as_str())
        .get_result(conn)
        .optional()?;
        let Some(open) = open.filter(|o| o.attempts < MAX_ATTEMPTS) else {
            return Ok(false);
        };
        let right = digest(&open.salt, user, code.trim()) == open.code_digest;
        if right {
            diesel::sql_query("UPDATE account_codes SET used_at = $2 WHERE id = $1")
                .bind::<BigInt, _>(open.id)
                .bind::<Timestamptz, _>(now)
                .execute(conn)?;
        } else {
            diesel::sql_query("UPDATE account_codes SET attempts = attempts + 1 WHERE id = $1")
                .bind::<BigInt, _>(open.id)
                .execute(conn)?;
        }
        Ok(right)
    })
}

/// Whether `user` has a code for `purpose` that can still be tried.
pub fn is_open(
    conn: &mut PgConnection,
    user: Uuid,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    #[derive(QueryableByName)]
    struct Open {
        #[diesel(sql_type = diesel::sql_types::Bool)]
        open: bool,
    }
    let row: Open = diesel::sql_query(
        "SELECT EXISTS (SELECT 1 FROM account_codes WHERE user_id = $1 AND purpose = $4 \
         AND used_at IS NULL AND attempts < $2 AND expires_at > $3) AS open",
    )
    .bind::<SqlUuid, _>(user)
    .bind::<Integer, _>(MAX_ATTEMPTS)
    .bind::<Timestamptz, _>(now)
    .bind::<Text, _>(purpose.as_str())
    .get_result(conn)?;
    Ok(row.open)
}
