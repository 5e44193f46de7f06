//! Accounts, login throttling and refresh-token families.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use hientruong_domain::login::throttle;
use uuid::Uuid;

use crate::Error;
use crate::models::{NewRefreshToken, NewUser, RefreshToken, User};
use crate::schema::{refresh_tokens, users};

pub fn create(conn: &mut PgConnection, new: &NewUser) -> Result<User, Error> {
    diesel::insert_into(users::table)
        .values(new)
        .returning(User::as_returning())
        .get_result(conn)
        .map_err(|e| match e {
            DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => {
                hientruong_domain::Error::LoginTaken.into()
            }
            other => other.into(),
        })
}

pub fn find(conn: &mut PgConnection, id: Uuid) -> QueryResult<User> {
    users::table.find(id).select(User::as_select()).first(conn)
}

pub fn find_by_login(conn: &mut PgConnection, login: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(users::login.eq(login))
        .select(User::as_select())
        .first(conn)
        .optional()
}

/// Counts a login attempt before its password is checked, so that parallel guesses count too.
/// Returns the number of consecutive attempts without success including this one, or `None`
/// when the account is locked. A lock that has expired starts the count again; the attempt that
/// reaches the threshold locks the account for the following ones.
pub fn reserve_attempt(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<i32>> {
    #[derive(QueryableByName)]
    struct Attempt {
        #[diesel(sql_type = diesel::sql_types::Integer)]
        failed_logins: i32,
    }
    let attempt: Option<Attempt> = diesel::sql_query(
        "WITH next AS ( \
             SELECT id, CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1 \
                             ELSE failed_logins + 1 END AS n \
             FROM users WHERE id = $1 AND (locked_until IS NULL OR locked_until <= now()) FOR UPDATE) \
         UPDATE users u SET failed_logins = next.n, \
                locked_until = CASE WHEN next.n >= $2 THEN now() + make_interval(mins => $3) END \
         FROM next WHERE u.id = next.id RETURNING u.failed_logins",
    )
    .bind::<diesel::sql_types::Uuid, _>(id)
    .bind::<diesel::sql_types::Integer, _>(throttle::LOCK_AFTER_FAILURES)
    .bind::<diesel::sql_types::Integer, _>(i32::try_from(throttle::LOCK_MINUTES).unwrap_or(15))
    .get_result(conn)
    .optional()?;
    Ok(attempt.map(|a| a.failed_logins))
}

pub fn record_success(conn: &mut PgConnection, id: Uuid) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::failed_logins.eq(0),
            users::locked_until.eq(None::<chrono::DateTime<Utc>>),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn store_refresh_token(conn: &mut PgConnection, token: &NewRefreshToken) -> QueryResult<()> {
    diesel::insert_into(refresh_tokens::table)
        .values(token)
        .execute(conn)
        .map(|_| ())
}

/// How long after its first use a refresh token may be presented again (a concurrent refresh or
/// a retry) without being treated as stolen.
pub const REUSE_GRACE_SECS: i64 = 10;

/// What presenting a refresh token led to.
#[derive(Debug)]
pub enum Rotation {
    /// The token was valid; it is now used and its successor was stored in its family.
    Rotated(Box<User>),
    /// The token had been used before: someone else may hold a copy, so its whole family is revoked.
    Reused,
    /// Unknown, expired or revoked.
    Invalid,
}

/// Consumes a refresh token and stores its successor in the same family, atomically.
pub fn rotate_refresh_token(
    conn: &mut PgConnection,
    presented_hash: &[u8],
    next_hash: Vec<u8>,
    ttl: Duration,
) -> Result<Rotation, Error> {
    conn.transaction(|conn| {
        let Some(token) = refresh_tokens::table
            .filter(refresh_tokens::token_hash.eq(presented_hash))
            .select(RefreshToken::as_select())
            .for_update()
            .first(conn)
            .optional()?
        else {
            return Ok(Rotation::Invalid);
        };
        let now = Utc::now();
        if token.revoked_at.is_some() || token.expires_at <= now {
            return Ok(Rotation::Invalid);
        }
        // A phone that resumes may refresh twice at once, or retry a refresh whose answer it
        // lost: within a few seconds of the first use that is the same client, not a thief.
        if token
            .used_at
            .is_some_and(|used| now - used > Duration::seconds(REUSE_GRACE_SECS))
        {
            revoke_family(conn, token.family_id)?;
            return Ok(Rotation::Reused);
        }
        let user = find(conn, token.user_id)?;
        if user.disabled_at.is_some() {
            revoke_family(conn, token.family_id)?;
            return Ok(Rotation::Invalid);
        }
        diesel::update(refresh_tokens::table.find(token.id))
            .set(refresh_tokens::used_at.eq(now))
            .execute(conn)?;
        store_refresh_token(
            conn,
            &NewRefreshToken {
                id: Uuid::new_v4(),
                user_id: user.id,
                family_id: token.family_id,
                token_hash: next_hash,
                expires_at: now + ttl,
            },
        )?;
        Ok(Rotation::Rotated(Box::new(user)))
    })
}

fn revoke_family(conn: &mut PgConnection, family: Uuid) -> QueryResult<()> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::family_id.eq(family))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(Utc::now()))
    .execute(conn)
    .map(|_| ())
}
