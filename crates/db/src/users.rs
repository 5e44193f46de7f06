//! Accounts, login throttling and refresh-token families.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};
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

/// An account administrators manage as a user (not a client application's).
pub fn find_managed(conn: &mut PgConnection, id: Uuid) -> QueryResult<User> {
    managed().find(id).select(User::as_select()).first(conn)
}

pub fn find_by_login(conn: &mut PgConnection, login: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(users::login.eq(login))
        .select(User::as_select())
        .first(conn)
        .optional()
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

/// Consumes a refresh token and stores its successor in the same family, atomically. The
/// account's row is locked (shared) before the token, as [`end_sessions`] locks it before it
/// revokes tokens: a rotation and the end of the sessions never interleave, and a token of a
/// session started before the sessions ended is refused.
pub fn rotate_refresh_token(
    conn: &mut PgConnection,
    presented_hash: &[u8],
    next_hash: Vec<u8>,
    ttl: Duration,
) -> Result<Rotation, Error> {
    conn.transaction(|conn| {
        let Some(owner) = refresh_tokens::table
            .filter(refresh_tokens::token_hash.eq(presented_hash))
            .select(refresh_tokens::user_id)
            .first::<Uuid>(conn)
            .optional()?
        else {
            return Ok(Rotation::Invalid);
        };
        let user: User = users::table
            .find(owner)
            .select(User::as_select())
            .for_share()
            .first(conn)?;
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
        // lost: within a few seconds of the first use (not of the latest: the window does not
        // slide) that is the same client, not a thief, and it gets the same successor (the caller
        // derives it from the presented token).
        if token
            .used_at
            .is_some_and(|used| now - used > Duration::seconds(REUSE_GRACE_SECS))
        {
            revoke_family(conn, token.family_id)?;
            return Ok(Rotation::Reused);
        }
        if user.disabled_at.is_some()
            || user.locked_at.is_some()
            || token.session_epoch < user.session_epoch
        {
            revoke_family(conn, token.family_id)?;
            return Ok(Rotation::Invalid);
        }
        if token.used_at.is_none() {
            diesel::update(refresh_tokens::table.find(token.id))
                .set(refresh_tokens::used_at.eq(now))
                .execute(conn)?;
        }
        // Stored by the first use; a retry finds it there (unless the secret it derives from
        // changed meanwhile: then this one is stored beside it).
        diesel::insert_into(refresh_tokens::table)
            .values(&NewRefreshToken {
                id: Uuid::new_v4(),
                user_id: user.id,
                family_id: token.family_id,
                token_hash: next_hash,
                expires_at: now + ttl,
                session_epoch: token.session_epoch,
            })
            .on_conflict(refresh_tokens::token_hash)
            .do_nothing()
            .execute(conn)?;
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

/// Logout: revokes the family of the presented refresh token. Unknown tokens are ignored, so
/// that logging out twice is not an error.
pub fn revoke_by_token(conn: &mut PgConnection, presented_hash: &[u8]) -> QueryResult<()> {
    let family: Option<Uuid> = refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(presented_hash))
        .select(refresh_tokens::family_id)
        .first(conn)
        .optional()?;
    match family {
        Some(f) => revoke_family(conn, f),
        None => Ok(()),
    }
}

/// Who a token's subject is now.
#[derive(Debug, Clone, Queryable)]
pub struct Standing {
    pub role: String,
    pub unit: Option<String>,
    /// The account may act (it is not disabled).
    pub enabled: bool,
    /// Access tokens issued under a lower epoch are no longer honoured.
    pub session_epoch: i32,
}

/// Who a token's subject is now. Read on every authenticated request, so that disabling an
/// account, changing its role or ending its sessions takes effect at once.
pub fn current_standing(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<Standing>> {
    users::table
        .find(id)
        .select((
            users::role,
            users::unit_code,
            users::disabled_at.is_null(),
            users::session_epoch,
        ))
        .first(conn)
        .optional()
}

/// Ends every session of an account: its session epoch moves on, so that the access tokens issued
/// so far are refused, and its refresh tokens are revoked. The account's row is locked first (see
/// [`rotate_refresh_token`]). The account as it is now.
pub fn end_sessions(conn: &mut PgConnection, id: Uuid) -> QueryResult<User> {
    conn.transaction(|conn| {
        let user = diesel::update(users::table.find(id))
            .set(users::session_epoch.eq(users::session_epoch + 1))
            .returning(User::as_returning())
            .get_result(conn)?;
        diesel::update(
            refresh_tokens::table
                .filter(refresh_tokens::user_id.eq(id))
                .filter(refresh_tokens::revoked_at.is_null()),
        )
        .set(refresh_tokens::revoked_at.eq(Utc::now()))
        .execute(conn)?;
        Ok(user)
    })
}

/// A new password; every session ends ([`end_sessions`]). The account as it is now.
pub fn set_password(conn: &mut PgConnection, id: Uuid, password_hash: &str) -> QueryResult<User> {
    conn.transaction(|conn| {
        diesel::update(users::table.find(id))
            .set(users::password_hash.eq(password_hash))
            .execute(conn)?;
        end_sessions(conn, id)
    })
}

/// Erases a resident's account: what identifies them goes (login, name, password, sessions, the
/// emails still queued to them), and the row stays, disabled and nameless, as the reporter of
/// record of the reports they made, which are kept without identity (docs/privacy.md).
pub fn erase(conn: &mut PgConnection, id: Uuid) -> Result<(), Error> {
    conn.transaction(|conn| {
        // The row first, locked, as every change of an account's sessions does.
        let login: String = users::table
            .find(id)
            .select(users::login)
            .for_update()
            .first(conn)?;
        let now = Utc::now();
        diesel::update(users::table.find(id))
            .set((
                users::login.eq(format!("erased:{id}")),
                users::login_kind.eq("username"),
                users::full_name.eq(""),
                users::password_hash.eq("!erased"),
                users::disabled_at.eq(Some(now)),
                users::session_epoch.eq(users::session_epoch + 1),
                users::erased_at.eq(Some(now)),
            ))
            .execute(conn)?;
        diesel::delete(refresh_tokens::table.filter(refresh_tokens::user_id.eq(id)))
            .execute(conn)?;
        diesel::sql_query(
            "DELETE FROM jobs WHERE kind IN ('email', 'account_email', 'sms') AND payload->>'to' = $1",
        )
            .bind::<diesel::sql_types::Text, _>(&login)
            .execute(conn)?;
        diesel::sql_query("DELETE FROM account_codes WHERE user_id = $1")
            .bind::<diesel::sql_types::Uuid, _>(id)
            .execute(conn)?;
        crate::notifications::erase(conn, id)?;
        Ok(())
    })
}

/// Records that the account's owner proved they receive messages at its login (kept from the
/// first time). The account as it is now.
pub fn mark_verified(conn: &mut PgConnection, id: Uuid, now: DateTime<Utc>) -> QueryResult<User> {
    diesel::update(users::table.find(id).filter(users::verified_at.is_null()))
        .set(users::verified_at.eq(now))
        .execute(conn)?;
    users::table.find(id).select(User::as_select()).first(conn)
}

/// Whether the account is verified (an unknown account is not).
pub fn is_verified(conn: &mut PgConnection, id: Uuid) -> QueryResult<bool> {
    Ok(users::table
        .find(id)
        .select(users::verified_at.is_not_null())
        .first(conn)
        .optional()?
        .unwrap_or(false))
}

/// The accounts administrators manage as users: all but client applications' (which their API
/// keys manage, and which must stay disabled).
fn managed() -> diesel::dsl::Filter<users::table, diesel::dsl::NotEq<users::role, &'static str>> {
    users::table.filter(users::role.ne("client"))
}

/// Disables (or enables again) an account; disabling revokes all its sessions.
pub fn set_disabled(conn: &mut PgConnection, id: Uuid, disabled: bool) -> Result<User, Error> {
    conn.transaction(|conn| {
        let user: User = diesel::update(managed().find(id))
            .set(users::disabled_at.eq(disabled.then(Utc::now)))
            .returning(User::as_returning())
            .get_result(conn)
            .optional()?
            .ok_or(Error::Domain(hientruong_domain::Error::NotFound))?;
        if disabled {
            diesel::update(
                refresh_tokens::table
                    .filter(refresh_tokens::user_id.eq(id))
                    .filter(refresh_tokens::revoked_at.is_null()),
            )
            .set(refresh_tokens::revoked_at.eq(Utc::now()))
            .execute(conn)?;
        }
        Ok(user)
    })
}

/// Staff accounts, optionally of one unit, by name.
pub fn staff(conn: &mut PgConnection, unit: Option<&str>) -> QueryResult<Vec<User>> {
    let mut query = managed().filter(users::role.ne("resident")).into_boxed();
    if let Some(u) = unit {
        query = query.filter(users::unit_code.eq(u));
    }
    query
        .order((users::unit_code.asc().nulls_first(), users::full_name))
        .select(User::as_select())
        .load(conn)
}

/// Accounts (residents and staff, not client applications nor erased ones) whose login or name
/// contains `q` (case-insensitively), by login, at most `limit`.
pub fn search(conn: &mut PgConnection, q: &str, limit: i64) -> QueryResult<Vec<User>> {
    let pattern = format!(
        "%{}%",
        q.replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    managed()
        .filter(users::erased_at.is_null())
        .filter(
            users::login
                .ilike(pattern.clone())
                .or(users::full_name.ilike(pattern)),
        )
        .order(users::login)
        .limit(limit)
        .select(User::as_select())
        .load(conn)
}

/// Locks an account for `reason` (`by` a staff member), ending its sessions at once (refresh
/// tokens revoked, access tokens outdated), or unlocks it (`None`).
pub fn set_lock(
    conn: &mut PgConnection,
    id: Uuid,
    lock: Option<(&str, Uuid)>,
) -> Result<User, Error> {
    conn.transaction(|conn| {
        let now = Utc::now();
        let user: User = match lock {
            Some((reason, by)) => diesel::update(managed().find(id))
                .set((
                    users::locked_at.eq(Some(now)),
                    users::lock_reason.eq(Some(reason)),
                    users::locked_by.eq(Some(by)),
                    users::session_epoch.eq(users::session_epoch + 1),
                ))
                .returning(User::as_returning())
                .get_result(conn)
                .optional()?,
            None => diesel::update(managed().find(id))
                .set((
                    users::locked_at.eq(None::<chrono::DateTime<Utc>>),
                    users::lock_reason.eq(None::<String>),
                    users::locked_by.eq(None::<Uuid>),
                ))
                .returning(User::as_returning())
                .get_result(conn)
                .optional()?,
        }
        .ok_or(Error::Domain(hientruong_domain::Error::NotFound))?;
        if lock.is_some() {
            diesel::update(
                refresh_tokens::table
                    .filter(refresh_tokens::user_id.eq(id))
                    .filter(refresh_tokens::revoked_at.is_null()),
            )
            .set(refresh_tokens::revoked_at.eq(now))
            .execute(conn)?;
        }
        Ok(user)
    })
}

/// Changes a staff account's role and unit (checked against each other by the database too).
pub fn set_role(
    conn: &mut PgConnection,
    id: Uuid,
    role: &str,
    unit: Option<&str>,
) -> Result<User, Error> {
    diesel::update(managed().find(id))
        .set((users::role.eq(role), users::unit_code.eq(unit)))
        .returning(User::as_returning())
        .get_result(conn)
        .optional()?
        .ok_or(Error::Domain(hientruong_domain::Error::NotFound))
}

pub fn unit_exists(conn: &mut PgConnection, code: &str) -> QueryResult<bool> {
    use crate::schema::handling_units;
    diesel::select(diesel::dsl::exists(handling_units::table.find(code))).get_result(conn)
}

/// Creates a staff account (or any account an administrator makes): role and unit must fit each
/// other and the unit must exist.
pub fn create_staff(
    conn: &mut PgConnection,
    login: &hientruong_domain::login::Login,
    full_name: &str,
    password_hash: &str,
    role: hientruong_domain::role::Role,
    unit: Option<&str>,
) -> Result<User, Error> {
    role.check_unit(unit)?;
    if let Some(u) = unit
        && !unit_exists(conn, u)?
    {
        return Err(hientruong_domain::Error::UnknownUnit.into());
    }
    create(
        conn,
        &NewUser {
            id: Uuid::now_v7(),
            login: login.as_str(),
            login_kind: login.kind(),
            password_hash,
            full_name,
            role: role.as_str(),
            unit_code: unit,
            locale: "vi",
            verified_at: Some(Utc::now()),
        },
    )
}

/// Names and logins of the given accounts (for exports to those allowed to see who reported).
pub fn identities(
    conn: &mut PgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<(Uuid, String, String)>> {
    users::table
        .filter(users::id.eq_any(ids))
        .select((users::id, users::full_name, users::login))
        .load(conn)
}
