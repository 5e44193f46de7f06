//! Password-reset codes (`password_resets`): issued to an account's login through the outbox,
//! checked once.

use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bytea, Integer, Timestamptz, Uuid as SqlUuid};
use hientruong_domain::notice::AccountNotice;
use rand::RngExt;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::Error;
use crate::jobs::{self, AccountJob};
use crate::models::User;

/// How long a code works.
pub const VALID_MINUTES: i64 = 15;
/// Wrong tries after which a code is void.
pub const MAX_ATTEMPTS: i32 = 5;

fn digest(salt: &[u8], user: Uuid, code: &str) -> Vec<u8> {
    let mut hash = Sha256::new();
    hash.update(salt);
    hash.update(user.as_bytes());
    hash.update(code.as_bytes());
    hash.finalize().to_vec()
}

/// Issues a new code for `user` (voiding the earlier ones) and queues it to their login, in one
/// transaction: by email for an email login, by SMS for a phone. A login of another kind (staff
/// usernames) has nowhere to receive it: nothing is issued, and `false` is answered.
pub fn issue(conn: &mut PgConnection, user: &User, now: DateTime<Utc>) -> Result<bool, Error> {
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
            "UPDATE password_resets SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL",
        )
        .bind::<SqlUuid, _>(user.id)
        .bind::<Timestamptz, _>(now)
        .execute(conn)?;
        diesel::sql_query(
            "INSERT INTO password_resets (user_id, salt, code_digest, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind::<SqlUuid, _>(user.id)
        .bind::<Bytea, _>(&salt[..])
        .bind::<Bytea, _>(digest(&salt, user.id, &code))
        .bind::<Timestamptz, _>(now)
        .bind::<Timestamptz, _>(now + TimeDelta::minutes(VALID_MINUTES))
        .execute(conn)?;
        let job = AccountJob {
            to: user.login.clone(),
            lang: user.locale.clone(),
            notice: AccountNotice::PasswordReset {
                code: code.clone(),
                valid_minutes: VALID_MINUTES,
            },
        };
        jobs::enqueue(conn, kind, &job, now)?;
        Ok(true)
    })
}

/// Spends `user`'s open code if `code` is it (and it is neither expired nor out of tries): `true`
/// then, and the code cannot be used again. A wrong code counts a try.
pub fn redeem(
    conn: &mut PgConnection,
    user: Uuid,
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
            "SELECT id, salt, code_digest, attempts FROM password_resets \
             WHERE user_id = $1 AND used_at IS NULL AND expires_at > $2 \
             ORDER BY id DESC LIMIT 1 FOR UPDATE",
        )
        .bind::<SqlUuid, _>(user)
        .bind::<Timestamptz, _>(now)
        .get_result(conn)
        .optional()?;
        let Some(open) = open.filter(|o| o.attempts < MAX_ATTEMPTS) else {
            return Ok(false);
        };
        let right = digest(&open.salt, user, code.trim()) == open.code_digest;
        if right {
            diesel::sql_query("UPDATE password_resets SET used_at = $2 WHERE id = $1")
                .bind::<BigInt, _>(open.id)
                .bind::<Timestamptz, _>(now)
                .execute(conn)?;
        } else {
            diesel::sql_query("UPDATE password_resets SET attempts = attempts + 1 WHERE id = $1")
                .bind::<BigInt, _>(open.id)
                .execute(conn)?;
        }
        Ok(right)
    })
}

/// Whether `user` has a code that can still be tried.
pub fn is_open(conn: &mut PgConnection, user: Uuid, now: DateTime<Utc>) -> QueryResult<bool> {
    #[derive(QueryableByName)]
    struct Open {
        #[diesel(sql_type = diesel::sql_types::Bool)]
        open: bool,
    }
    let row: Open = diesel::sql_query(
        "SELECT EXISTS (SELECT 1 FROM password_resets WHERE user_id = $1 AND used_at IS NULL \
         AND attempts < $2 AND expires_at > $3) AS open",
    )
    .bind::<SqlUuid, _>(user)
    .bind::<Integer, _>(MAX_ATTEMPTS)
    .bind::<Timestamptz, _>(now)
    .get_result(conn)?;
    Ok(row.open)
}
