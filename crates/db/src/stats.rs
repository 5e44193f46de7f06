//! Statistics: the figures of docs/metrics.md for a period, city-wide or for one commune, unit or
//! category, aggregated in PostgreSQL from the reports and `ticket_facts` (percentiles with
//! `percentile_cont`, like `hientruong_domain::metrics`).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Double, Nullable, Text, Timestamptz};
use serde::Serialize;

use crate::Error;

/// Which tickets a figure covers.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pub commune: Option<String>,
    pub unit: Option<String>,
    pub category: Option<String>,
}

/// Median and 90th percentile of a handling time, in working and wall-clock hours, over `count`
/// tickets.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, QueryableByName)]
pub struct Durations {
    #[diesel(sql_type = BigInt)]
    pub count: i64,
    #[diesel(sql_type = Nullable<Double>)]
    pub median_working_h: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    pub p90_working_h: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    pub median_wall_h: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    pub p90_wall_h: Option<f64>,
}

/// The counts and sums behind the rates, as the query returns them.
#[derive(Debug, Clone, QueryableByName)]
struct Counts {
    #[diesel(sql_type = BigInt)]
    received: i64,
    #[diesel(sql_type = BigInt)]
    received_resolved: i64,
    #[diesel(sql_type = BigInt)]
    reporters: i64,
    #[diesel(sql_type = BigInt)]
    resolved: i64,
    #[diesel(sql_type = BigInt)]
    resolved_judged: i64,
    #[diesel(sql_type = BigInt)]
    resolved_on_time: i64,
    #[diesel(sql_type = BigInt)]
    transferred: i64,
    #[diesel(sql_type = BigInt)]
    hops: i64,
    #[diesel(sql_type = BigInt)]
    ever_resolved: i64,
    #[diesel(sql_type = BigInt)]
    reopened: i64,
    #[diesel(sql_type = BigInt)]
    ratings: i64,
    #[diesel(sql_type = Nullable<Double>)]
    mean_rating: Option<f64>,
    #[diesel(sql_type = BigInt)]
    ratings_4_or_more: i64,
    #[diesel(sql_type = BigInt)]
    open_backlog: i64,
    #[diesel(sql_type = BigInt)]
    overdue_now: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// Reports received in the period.
    pub received: i64,
    /// Tickets finally resolved in the period.
    pub resolved: i64,
    /// Tickets open now (not resolved, closed, rejected or a duplicate).
    pub open_backlog: i64,
    /// Open tickets past their running deadline now.
    pub overdue_now: i64,
    pub time_to_accept: Durations,
    pub time_to_resolve: Durations,
    pub on_time_rate: Option<f64>,
    pub resolution_rate: Option<f64>,
    pub transfer_rate: Option<f64>,
    pub hops: i64,
    pub reopen_rate: Option<f64>,
    pub ratings: i64,
    pub mean_rating: Option<f64>,
    pub share_ratings_4_or_more: Option<f64>,
    /// Distinct residents who reported in the period.
    pub reporters: i64,
}

/// The scope's filters as SQL over a table alias with `commune_code`, `unit_code` and
/// `category_code`; `$3`, `$4`, `$5` are the commune, unit and category (NULL: any).
fn scoped(alias: &str) -> String {
    format!(
        "($3::text IS NULL OR {alias}.commune_code = $3) \
         AND ($4::text IS NULL OR {alias}.unit_code = $4) \
         AND ($5::text IS NULL OR {alias}.category_code = $5)"
    )
}

fn durations_sql(at: &str, working: &str, wall: &str) -> String {
    format!(
        "SELECT count(*) AS count, \
           percentile_cont(0.5) WITHIN GROUP (ORDER BY f.{working} / 3600.0) AS median_working_h, \
           percentile_cont(0.9) WITHIN GROUP (ORDER BY f.{working} / 3600.0) AS p90_working_h, \
           percentile_cont(0.5) WITHIN GROUP (ORDER BY f.{wall} / 3600.0) AS median_wall_h, \
           percentile_cont(0.9) WITHIN GROUP (ORDER BY f.{wall} / 3600.0) AS p90_wall_h \
         FROM ticket_facts f WHERE f.{at} >= $1 AND f.{at} < $2 AND {}",
        scoped("f")
    )
}

fn ratio(part: i64, whole: i64) -> Option<f64> {
    hientruong_domain::metrics::ratio(
        u64::try_from(part).unwrap_or(0),
        u64::try_from(whole).unwrap_or(0),
    )
}

/// The summary of `[from, to)` for `scope`, with "now" for the backlog and overdue counts.
pub fn summary(
    conn: &mut PgConnection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    scope: &Scope,
    now: DateTime<Utc>,
) -> Result<Summary, Error> {
    macro_rules! bound {
        ($sql:expr) => {
            diesel::sql_query($sql)
                .bind::<Timestamptz, _>(from)
                .bind::<Timestamptz, _>(to)
                .bind::<Nullable<Text>, _>(scope.commune.as_deref())
                .bind::<Nullable<Text>, _>(scope.unit.as_deref())
                .bind::<Nullable<Text>, _>(scope.category.as_deref())
                .bind::<Timestamptz, _>(now)
        };
    }
    let counts_sql = format!(
        "WITH received AS ( \
           SELECT r.id, r.reporter_id, r.status FROM reports r \
           WHERE r.created_at >= $1 AND r.created_at < $2 AND {r}), \
         received_facts AS ( \
           SELECT f.* FROM ticket_facts f JOIN received ON received.id = f.report_id), \
         resolved AS ( \
           SELECT f.* FROM ticket_facts f WHERE f.resolved_at >= $1 AND f.resolved_at < $2 AND {f}), \
         rated AS ( \
           SELECT f.rating FROM ticket_facts f \
           WHERE f.rated_at >= $1 AND f.rated_at < $2 AND f.rating IS NOT NULL AND {f}), \
         open_now AS ( \
           SELECT r.due_at FROM reports r \
           WHERE r.status NOT IN ('resolved', 'closed', 'rejected', 'duplicate') AND {r}) \
         SELECT \
           (SELECT count(*) FROM received) AS received, \
           (SELECT count(*) FROM received WHERE status IN ('resolved', 'closed')) AS received_resolved, \
           (SELECT count(DISTINCT reporter_id) FROM received) AS reporters, \
           (SELECT count(*) FROM resolved) AS resolved, \
           (SELECT count(resolved_on_time) FROM resolved) AS resolved_judged, \
           (SELECT count(*) FROM resolved WHERE resolved_on_time) AS resolved_on_time, \
           (SELECT count(*) FROM received_facts WHERE transfers > 0) AS transferred, \
           (SELECT coalesce(sum(transfers), 0)::bigint FROM received_facts) AS hops, \
           (SELECT count(*) FROM received_facts WHERE resolved_at IS NOT NULL OR reopens > 0) AS ever_resolved, \
           (SELECT count(*) FROM received_facts WHERE reopens > 0) AS reopened, \
           (SELECT count(*) FROM rated) AS ratings, \
           (SELECT avg(rating)::float8 FROM rated) AS mean_rating, \
           (SELECT count(*) FROM rated WHERE rating >= 4) AS ratings_4_or_more, \
           (SELECT count(*) FROM open_now) AS open_backlog, \
           (SELECT count(*) FROM open_now WHERE due_at < $6) AS overdue_now",
        r = scoped("r"),
        f = scoped("f"),
    );
    let counts: Counts = bound!(counts_sql).get_result(conn)?;
    let accept: Durations = bound!(durations_sql(
        "accepted_at",
        "accept_working_s",
        "accept_wall_s"
    ))
    .get_result(conn)?;
    let resolve: Durations = bound!(durations_sql(
        "resolved_at",
        "resolve_working_s",
        "resolve_wall_s"
    ))
    .get_result(conn)?;
    Ok(Summary {
        from,
        to,
        received: counts.received,
        resolved: counts.resolved,
        open_backlog: counts.open_backlog,
        overdue_now: counts.overdue_now,
        time_to_accept: accept,
        time_to_resolve: resolve,
        on_time_rate: ratio(counts.resolved_on_time, counts.resolved_judged),
        resolution_rate: ratio(counts.received_resolved, counts.received),
        transfer_rate: ratio(counts.transferred, counts.received),
        hops: counts.hops,
        reopen_rate: ratio(counts.reopened, counts.ever_resolved),
        ratings: counts.ratings,
        mean_rating: counts.mean_rating,
        share_ratings_4_or_more: ratio(counts.ratings_4_or_more, counts.ratings),
        reporters: counts.reporters,
    })
}

/// Registered resident accounts created before `at`: the basis of participation where a
/// population is not known.
pub fn resident_accounts(conn: &mut PgConnection, at: DateTime<Utc>) -> QueryResult<i64> {
    use crate::schema::users;
    users::table
        .filter(users::role.eq("resident"))
        .filter(users::created_at.lt(at))
        .count()
        .get_result(conn)
}
