//! The audit log (`audit_log`, append-only): a row per recorded staff action, and its reading.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Jsonb, Nullable, Text, Timestamptz, Uuid as SqlUuid};
use hientruong_domain::audit::Action;
use hientruong_domain::policy::Actor;
use serde::Serialize;
use uuid::Uuid;

/// One recorded action.
#[derive(Debug, Clone, QueryableByName, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = AuditEntry))]
pub struct Entry {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Timestamptz)]
    pub at: DateTime<Utc>,
    #[diesel(sql_type = SqlUuid)]
    pub actor_id: Uuid,
    /// The actor's role when they acted.
    #[diesel(sql_type = Text)]
    pub actor_role: String,
    /// `<object>.<verb>`, for example `user.lock` (docs/api.md lists them).
    #[diesel(sql_type = Text)]
    pub action: String,
    /// What was acted on: an account's, report's, photo's or key's id, a unit's or category's
    /// code, a date, or `*` for a download of many.
    #[diesel(sql_type = Text)]
    pub target: String,
    /// What was asked or changed (a change of an account: `before` and `after`).
    #[diesel(sql_type = Jsonb)]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub detail: serde_json::Value,
}

/// Which rows to read: newest first, after the cursor (an id) when given.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub actor: Option<Uuid>,
    pub action: Option<Action>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    /// Rows older than this id.
    pub before: Option<i64>,
    pub limit: i64,
}

/// Records `action` by `actor` on `target`.
pub fn record(
    conn: &mut PgConnection,
    actor: &Actor,
    action: Action,
    target: &str,
    detail: &serde_json::Value,
) -> QueryResult<()> {
    diesel::sql_query(
        "INSERT INTO audit_log (actor_id, actor_role, action, target, detail) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind::<SqlUuid, _>(actor.id)
    .bind::<Text, _>(actor.role.as_str())
    .bind::<Text, _>(action.as_str())
    .bind::<Text, _>(target)
    .bind::<Jsonb, _>(detail)
    .execute(conn)?;
    Ok(())
}

/// A page of the log.
pub fn list(conn: &mut PgConnection, filter: &Filter) -> QueryResult<Vec<Entry>> {
    diesel::sql_query(
        "SELECT id, at, actor_id, actor_role, action, target, detail FROM audit_log \
         WHERE ($1::uuid IS NULL OR actor_id = $1) \
           AND ($2::text IS NULL OR action = $2) \
           AND ($3::timestamptz IS NULL OR at >= $3) \
           AND ($4::timestamptz IS NULL OR at < $4) \
           AND ($5::bigint IS NULL OR id < $5) \
         ORDER BY id DESC LIMIT $6",
    )
    .bind::<Nullable<SqlUuid>, _>(filter.actor)
    .bind::<Nullable<Text>, _>(filter.action.map(Action::as_str))
    .bind::<Nullable<Timestamptz>, _>(filter.from)
    .bind::<Nullable<Timestamptz>, _>(filter.to)
    .bind::<Nullable<BigInt>, _>(filter.before)
    .bind::<BigInt, _>(filter.limit)
    .load(conn)
}
