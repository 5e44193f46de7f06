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
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Durations {
    pub count: i64,
    pub median_working_h: Option<f64>,
    pub p90_working_h: Option<f64>,
    pub median_wall_h: Option<f64>,
    pub p90_wall_h: Option<f64>,
}

/// How figures are broken down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// One row for the whole scope.
    Total,
    Commune,
    Unit,
    Category,
    /// Periods of a day, a week (from Monday) or a month, in Huế time; each figure counts in the
    /// period of its own event (received, accepted, resolved, rated).
    Day,
    Week,
    Month,
}

impl Grouping {
    /// The group key of a row of `alias`, whose event time is `at`.
    fn key(self, alias: &str, at: &str) -> String {
        let bucket = |unit: &str| {
            format!(
                "to_char(date_trunc('{unit}', {alias}.{at} AT TIME ZONE 'Asia/Ho_Chi_Minh'), 'YYYY-MM-DD')"
            )
        };
        match self {
            Grouping::Total => "''".to_owned(),
            Grouping::Commune => format!("{alias}.commune_code"),
            Grouping::Unit => format!("{alias}.unit_code"),
            Grouping::Category => format!("{alias}.category_code"),
            Grouping::Day => bucket("day"),
            Grouping::Week => bucket("week"),
            Grouping::Month => bucket("month"),
        }
    }
}

/// One row of the grouped query, as PostgreSQL returns it.
#[derive(Debug, Clone, QueryableByName)]
struct Row {
    #[diesel(sql_type = Text)]
    key: String,
    #[diesel(sql_type = BigInt)]
    received: i64,
    #[diesel(sql_type = BigInt)]
    received_resolved: i64,
    #[diesel(sql_type = BigInt)]
    reporters: i64,
    #[diesel(sql_type = BigInt)]
    transferred: i64,
    #[diesel(sql_type = BigInt)]
    hops: i64,
    #[diesel(sql_type = BigInt)]
    ever_resolved: i64,
    #[diesel(sql_type = BigInt)]
    reopened: i64,
    #[diesel(sql_type = BigInt)]
    resolved: i64,
    #[diesel(sql_type = BigInt)]
    resolved_judged: i64,
    #[diesel(sql_type = BigInt)]
    resolved_on_time: i64,
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
    #[diesel(sql_type = BigInt)]
    accepted: i64,
    #[diesel(sql_type = Nullable<Double>)]
    accept_median_working_h: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    accept_p90_working_h: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    accept_median_wall_h: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    accept_p90_wall_h: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    resolve_median_working_h: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    resolve_p90_working_h: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    resolve_median_wall_h: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    resolve_p90_wall_h: Option<f64>,
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

impl Summary {
    /// No figures at all (a commune without any report in the period).
    pub fn empty() -> Summary {
        let none = Durations {
            count: 0,
            median_working_h: None,
            p90_working_h: None,
            median_wall_h: None,
            p90_wall_h: None,
        };
        Summary {
            from: DateTime::<Utc>::MIN_UTC,
            to: DateTime::<Utc>::MIN_UTC,
            received: 0,
            resolved: 0,
            open_backlog: 0,
            overdue_now: 0,
            time_to_accept: none,
            time_to_resolve: none,
            on_time_rate: None,
            resolution_rate: None,
            transfer_rate: None,
            hops: 0,
            reopen_rate: None,
            ratings: 0,
            mean_rating: None,
            share_ratings_4_or_more: None,
            reporters: 0,
        }
    }
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

fn durations(alias: &str, working: &str, wall: &str, prefix: &str) -> String {
    format!(
        "percentile_cont(0.5) WITHIN GROUP (ORDER BY {alias}.{working} / 3600.0) AS {prefix}_median_working_h, \
         percentile_cont(0.9) WITHIN GROUP (ORDER BY {alias}.{working} / 3600.0) AS {prefix}_p90_working_h, \
         percentile_cont(0.5) WITHIN GROUP (ORDER BY {alias}.{wall} / 3600.0) AS {prefix}_median_wall_h, \
         percentile_cont(0.9) WITHIN GROUP (ORDER BY {alias}.{wall} / 3600.0) AS {prefix}_p90_wall_h"
    )
}

/// The one query behind every breakdown: each part aggregates its own rows by its own key
/// (receipt, acceptance, resolution and rating each count in the group of their own time), and
/// the parts are joined on the key. `$1`/`$2` is the period, `$3`-`$5` the scope, `$6` now.
fn grouped_sql(by: Grouping) -> String {
    let r = scoped("r");
    let f = scoped("f");
    format!(
        "WITH received AS ( \
           SELECT {kr} AS key, count(*) AS received, \
                  count(*) FILTER (WHERE r.status IN ('resolved', 'closed')) AS received_resolved, \
                  count(DISTINCT r.reporter_id) AS reporters \
           FROM reports r WHERE r.created_at >= $1 AND r.created_at < $2 AND {r} GROUP BY 1), \
         received_facts AS ( \
           SELECT {kfr} AS key, count(*) FILTER (WHERE f.transfers > 0) AS transferred, \
                  coalesce(sum(f.transfers), 0)::bigint AS hops, \
                  count(*) FILTER (WHERE f.resolved_at IS NOT NULL OR f.reopens > 0) AS ever_resolved, \
                  count(*) FILTER (WHERE f.reopens > 0) AS reopened \
           FROM ticket_facts f WHERE f.received_at >= $1 AND f.received_at < $2 AND {f} GROUP BY 1), \
         resolved AS ( \
           SELECT {kfs} AS key, count(*) AS resolved, count(f.resolved_on_time) AS resolved_judged, \
                  count(*) FILTER (WHERE f.resolved_on_time) AS resolved_on_time, {rd} \
           FROM ticket_facts f WHERE f.resolved_at >= $1 AND f.resolved_at < $2 AND {f} GROUP BY 1), \
         accepted AS ( \
           SELECT {kfa} AS key, count(*) AS accepted, {ad} \
           FROM ticket_facts f WHERE f.accepted_at >= $1 AND f.accepted_at < $2 AND {f} GROUP BY 1), \
         rated AS ( \
           SELECT {kft} AS key, count(*) AS ratings, avg(f.rating)::float8 AS mean_rating, \
                  count(*) FILTER (WHERE f.rating >= 4) AS ratings_4_or_more \
           FROM ticket_facts f WHERE f.rated_at >= $1 AND f.rated_at < $2 AND f.rating IS NOT NULL \
             AND {f} GROUP BY 1), \
         open_now AS ( \
           SELECT {ko} AS key, count(*) AS open_backlog, count(*) FILTER (WHERE r.due_at < $6) AS overdue_now \
           FROM reports r WHERE r.status NOT IN ('resolved', 'closed', 'rejected', 'duplicate') \
             AND {r} AND {now_counts} GROUP BY 1), \
         keys AS ( \
           SELECT key FROM received UNION SELECT key FROM received_facts UNION SELECT key FROM resolved \
           UNION SELECT key FROM accepted UNION SELECT key FROM rated UNION SELECT key FROM open_now \
           UNION SELECT '' WHERE {total}) \
         SELECT k.key, coalesce(received, 0) AS received, coalesce(received_resolved, 0) AS received_resolved, \
                coalesce(reporters, 0) AS reporters, coalesce(transferred, 0) AS transferred, \
                coalesce(hops, 0) AS hops, coalesce(ever_resolved, 0) AS ever_resolved, \
                coalesce(reopened, 0) AS reopened, coalesce(resolved, 0) AS resolved, \
                coalesce(resolved_judged, 0) AS resolved_judged, coalesce(resolved_on_time, 0) AS resolved_on_time, \
                coalesce(ratings, 0) AS ratings, mean_rating, coalesce(ratings_4_or_more, 0) AS ratings_4_or_more, \
                coalesce(open_backlog, 0) AS open_backlog, coalesce(overdue_now, 0) AS overdue_now, \
                coalesce(accepted, 0) AS accepted, \
                accept_median_working_h, accept_p90_working_h, accept_median_wall_h, accept_p90_wall_h, \
                resolve_median_working_h, resolve_p90_working_h, resolve_median_wall_h, resolve_p90_wall_h \
         FROM keys k LEFT JOIN received USING (key) LEFT JOIN received_facts USING (key) \
           LEFT JOIN resolved USING (key) LEFT JOIN accepted USING (key) LEFT JOIN rated USING (key) \
           LEFT JOIN open_now USING (key) \
         ORDER BY k.key",
        kr = by.key("r", "created_at"),
        kfr = by.key("f", "received_at"),
        kfs = by.key("f", "resolved_at"),
        kfa = by.key("f", "accepted_at"),
        kft = by.key("f", "rated_at"),
        ko = by.key("r", "created_at"),
        // The backlog is "now": in a time series it belongs to no period.
        now_counts = if matches!(by, Grouping::Day | Grouping::Week | Grouping::Month) {
            "false"
        } else {
            "true"
        },
        rd = durations("f", "resolve_working_s", "resolve_wall_s", "resolve"),
        ad = durations("f", "accept_working_s", "accept_wall_s", "accept"),
        total = if by == Grouping::Total {
            "true"
        } else {
            "false"
        },
    )
}

fn ratio(part: i64, whole: i64) -> Option<f64> {
    hientruong_domain::metrics::ratio(
        u64::try_from(part).unwrap_or(0),
        u64::try_from(whole).unwrap_or(0),
    )
}

impl Row {
    fn summary(self, from: DateTime<Utc>, to: DateTime<Utc>) -> (String, Summary) {
        let summary = Summary {
            from,
            to,
            received: self.received,
            resolved: self.resolved,
            open_backlog: self.open_backlog,
            overdue_now: self.overdue_now,
            time_to_accept: Durations {
                count: self.accepted,
                median_working_h: self.accept_median_working_h,
                p90_working_h: self.accept_p90_working_h,
                median_wall_h: self.accept_median_wall_h,
                p90_wall_h: self.accept_p90_wall_h,
            },
            time_to_resolve: Durations {
                count: self.resolved,
                median_working_h: self.resolve_median_working_h,
                p90_working_h: self.resolve_p90_working_h,
                median_wall_h: self.resolve_median_wall_h,
                p90_wall_h: self.resolve_p90_wall_h,
            },
            on_time_rate: ratio(self.resolved_on_time, self.resolved_judged),
            resolution_rate: ratio(self.received_resolved, self.received),
            transfer_rate: ratio(self.transferred, self.received),
            hops: self.hops,
            reopen_rate: ratio(self.reopened, self.ever_resolved),
            ratings: self.ratings,
            mean_rating: self.mean_rating,
            share_ratings_4_or_more: ratio(self.ratings_4_or_more, self.ratings),
            reporters: self.reporters,
        };
        (self.key, summary)
    }
}

/// The figures of `[from, to)` for `scope`, one row per group (the backlog and overdue counts are
/// as of `now`). Groups without any figure are absent.
pub fn grouped(
    conn: &mut PgConnection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    scope: &Scope,
    by: Grouping,
    now: DateTime<Utc>,
) -> Result<Vec<(String, Summary)>, Error> {
    let rows: Vec<Row> = diesel::sql_query(grouped_sql(by))
        .bind::<Timestamptz, _>(from)
        .bind::<Timestamptz, _>(to)
        .bind::<Nullable<Text>, _>(scope.commune.as_deref())
        .bind::<Nullable<Text>, _>(scope.unit.as_deref())
        .bind::<Nullable<Text>, _>(scope.category.as_deref())
        .bind::<Timestamptz, _>(now)
        .load(conn)?;
    Ok(rows.into_iter().map(|r| r.summary(from, to)).collect())
}

/// The summary of `[from, to)` for `scope`, with "now" for the backlog and overdue counts.
pub fn summary(
    conn: &mut PgConnection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    scope: &Scope,
    now: DateTime<Utc>,
) -> Result<Summary, Error> {
    grouped(conn, from, to, scope, Grouping::Total, now)?
        .pop()
        .map(|(_, s)| s)
        .ok_or(Error::Domain(hientruong_domain::Error::Internal))
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

/// A commune's population as an administrator set it.
#[derive(
    Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, Serialize, serde::Deserialize,
)]
#[diesel(table_name = crate::schema::commune_populations, check_for_backend(diesel::pg::Pg))]
pub struct Population {
    pub commune_code: String,
    pub population: i32,
    pub as_of: chrono::NaiveDate,
    pub source: Option<String>,
}

pub fn populations(conn: &mut PgConnection) -> QueryResult<Vec<Population>> {
    use crate::schema::commune_populations;
    commune_populations::table
        .order(commune_populations::commune_code)
        .select(Population::as_select())
        .load(conn)
}

/// Sets a current commune's population (`not_found` for a code that is not a current commune).
pub fn put_population(conn: &mut PgConnection, row: &Population) -> Result<Population, Error> {
    use crate::schema::commune_populations;
    let current = crate::geography::current_communes(conn)?
        .iter()
        .any(|c| c.code == row.commune_code);
    if !current {
        return Err(hientruong_domain::Error::NotFound.into());
    }
    if row.population <= 0 || row.source.as_ref().is_some_and(|s| s.chars().count() > 500) {
        return Err(hientruong_domain::Error::InvalidDefinition.into());
    }
    Ok(diesel::insert_into(commune_populations::table)
        .values(row)
        .on_conflict(commune_populations::commune_code)
        .do_update()
        .set(row)
        .returning(Population::as_returning())
        .get_result(conn)?)
}

/// The city's population: the sum over the current communes when every one has it set.
pub fn city_population(conn: &mut PgConnection) -> QueryResult<Option<i64>> {
    let known = populations(conn)?;
    let communes = crate::geography::current_communes(conn)?;
    let all = communes
        .iter()
        .all(|c| known.iter().any(|p| p.commune_code == c.code));
    Ok((all && !communes.is_empty()).then(|| {
        known
            .iter()
            .filter(|p| communes.iter().any(|c| c.code == p.commune_code))
            .map(|p| i64::from(p.population))
            .sum()
    }))
}
