//! Statistics: the figures of docs/metrics.md for a period, city-wide or for one commune, unit or
//! category, aggregated in PostgreSQL from the reports and `ticket_facts` (percentiles with
//! `percentile_cont`, like `hientruong_domain::metrics`).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Double, Nullable, Text, Timestamptz, Uuid as SqlUuid};
use serde::Serialize;

use crate::{DbPool, Error};

/// Which tickets a figure covers.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pub commune: Option<String>,
    pub unit: Option<String>,
    pub category: Option<String>,
    /// How reports came in (`app`, `web`, `open311`, `hotline`).
    pub channel: Option<String>,
}

/// Median and 90th percentile of a handling time, in working and wall-clock hours, over `count`
/// tickets.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    /// How reports came in.
    Channel,
    /// Periods of a day, a week (from Monday) or a month, in Huế time; each figure counts in the
    /// period of its own event (received, accepted, resolved, rated).
    Day,
    Week,
    Month,
}

impl Grouping {
    /// Periods of time rather than places or kinds.
    fn is_time(self) -> bool {
        matches!(self, Grouping::Day | Grouping::Week | Grouping::Month)
    }

    /// The instants a time-series key (`YYYY-MM-DD`, the period's first day in Huế) stands for:
    /// its first day's midnight to the next period's.
    fn period_of(self, key: &str) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        use chrono::{Days, Months, NaiveDate, TimeZone};
        let first = NaiveDate::parse_from_str(key, "%Y-%m-%d").ok()?;
        let next = match self {
            Grouping::Day => first.checked_add_days(Days::new(1))?,
            Grouping::Week => first.checked_add_days(Days::new(7))?,
            Grouping::Month => first.checked_add_months(Months::new(1))?,
            _ => return None,
        };
        let midnight = |d: NaiveDate| {
            hientruong_domain::sla::vn_offset()
                .from_local_datetime(&d.and_hms_opt(0, 0, 0)?)
                .single()
                .map(|t| t.with_timezone(&Utc))
        };
        Some((midnight(first)?, midnight(next)?))
    }

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
            Grouping::Channel => format!("{alias}.channel"),
            Grouping::Day => bucket("day"),
            Grouping::Week => bucket("week"),
            Grouping::Month => bucket("month"),
        }
    }
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// Reports received in the period.
    pub received: i64,
    /// Tickets finally resolved in the period.
    pub resolved: i64,
    /// Of those, the ones whose after photos all lack a position (taken, but flagged to
    /// managers: a photo forwarded through a chat app loses its EXIF).
    pub resolved_unlocated: i64,
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
    /// Distinct residents who reported, or supported a report, in the period (the engagement
    /// index's participants).
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
            resolved_unlocated: 0,
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

/// The scope's filters as SQL over a table alias with `commune_code`, `unit_code`,
/// `category_code` and `channel`; `$3`, `$4`, `$5`, `$7` are the commune, unit, category and
/// channel (NULL: any).
fn scoped(alias: &str) -> String {
    format!(
        "($3::text IS NULL OR {alias}.commune_code = $3) \
         AND ($4::text IS NULL OR {alias}.unit_code = $4) \
         AND ($5::text IS NULL OR {alias}.category_code = $5) \
         AND ($7::text IS NULL OR {alias}.channel = $7)"
    )
}

/// The figures come from three queries, each joining two parts on the group key (every part
/// aggregates its own rows by its own key: receipt, acceptance, resolution and rating each count in
/// the group of their own time). The queries are independent, so [`grouped`] runs them at once on
/// three connections. Medians and percentiles, and the distinct reporters, are computed here from
/// the values PostgreSQL collects (`array_agg`): sorting in Rust is several times cheaper than
/// PostgreSQL's ordered-set aggregates, which matters at a million tickets (docs/benchmarks.md).
/// Parameters: `$1`/`$2` the period, `$3`-`$5` and `$7` the scope, `$6` now.
#[derive(Debug, Clone, Copy)]
enum Query {
    /// Reports received in the period, and those open now.
    Reports,
    /// Tickets resolved, and ratings given, in the period.
    Outcomes,
    /// Tickets accepted in the period, and the handling of those received in it.
    Handling,
}

impl Query {
    const ALL: [Query; 3] = [Query::Reports, Query::Outcomes, Query::Handling];

    fn sql(self, by: Grouping) -> String {
        let r = scoped("r");
        let f = scoped("f");
        let period = |alias: &str, at: &str| format!("{alias}.{at} >= $1 AND {alias}.{at} < $2");
        let (first, second, third) = match self {
            Query::Reports => (
                format!(
                    "SELECT {key} AS key, count(*) AS received, \
                       count(*) FILTER (WHERE r.status IN ('resolved', 'closed')) AS received_resolved, \
                       array_agg(r.reporter_id) AS reporters \
                     FROM reports r WHERE {when} AND {r} GROUP BY 1",
                    key = by.key("r", "created_at"),
                    when = period("r", "created_at"),
                ),
                // The backlog is "now": in a time series it belongs to no period.
                format!(
                    "SELECT {key} AS key, count(*) AS open_backlog, \
                       count(*) FILTER (WHERE r.due_at < $6) AS overdue_now \
                     FROM reports r WHERE r.status NOT IN ('resolved', 'closed', 'rejected', 'duplicate') \
                       AND {r} AND {now_counts} GROUP BY 1",
                    key = by.key("r", "created_at"),
                    now_counts = !by.is_time(),
                ),
                // Residents who supported a report in the period take part too, in the group of
                // the report's place and kind and of the day they supported it.
                Some(format!(
                    "SELECT {key} AS key, array_agg(s.user_id) AS supporters \
                     FROM (SELECT s.user_id, s.created_at, r.commune_code, r.unit_code, r.category_code, r.channel \
                           FROM report_supports s JOIN reports r ON r.id = s.report_id) s \
                     WHERE {when} AND {s} GROUP BY 1",
                    key = by.key("s", "created_at"),
                    when = period("s", "created_at"),
                    s = scoped("s"),
                )),
            ),
            Query::Outcomes => (
                format!(
                    "SELECT {key} AS key, count(*) AS resolved, \
                       count(f.resolved_on_time) AS resolved_judged, \
                       count(*) FILTER (WHERE f.resolved_on_time) AS resolved_on_time, \
                       count(*) FILTER (WHERE f.resolved_unlocated) AS resolved_unlocated, \
                       array_agg(f.resolve_working_s) AS resolve_working_s, \
                       array_agg(f.resolve_wall_s) AS resolve_wall_s \
                     FROM ticket_facts f WHERE {when} AND {f} GROUP BY 1",
                    key = by.key("f", "resolved_at"),
                    when = period("f", "resolved_at"),
                ),
                format!(
                    "SELECT {key} AS key, count(*) AS ratings, avg(f.rating)::float8 AS mean_rating, \
                       count(*) FILTER (WHERE f.rating >= 4) AS ratings_4_or_more \
                     FROM ticket_facts f WHERE {when} AND f.rating IS NOT NULL AND {f} GROUP BY 1",
                    key = by.key("f", "rated_at"),
                    when = period("f", "rated_at"),
                ),
                None,
            ),
            Query::Handling => (
                format!(
                    "SELECT {key} AS key, count(*) AS accepted, \
                       array_agg(f.accept_working_s) AS accept_working_s, \
                       array_agg(f.accept_wall_s) AS accept_wall_s \
                     FROM ticket_facts f WHERE {when} AND {f} GROUP BY 1",
                    key = by.key("f", "accepted_at"),
                    when = period("f", "accepted_at"),
                ),
                format!(
                    "SELECT {key} AS key, count(*) FILTER (WHERE f.transfers > 0) AS transferred, \
                       coalesce(sum(f.transfers), 0)::bigint AS hops, \
                       count(*) FILTER (WHERE f.resolved_at IS NOT NULL OR f.reopens > 0) AS ever_resolved, \
                       count(*) FILTER (WHERE f.reopens > 0) AS reopened \
                     FROM ticket_facts f WHERE {when} AND {f} GROUP BY 1",
                    key = by.key("f", "received_at"),
                    when = period("f", "received_at"),
                ),
                None,
            ),
        };
        match third {
            Some(third) => format!(
                "SELECT * FROM ({first}) a FULL JOIN ({second}) b USING (key) \
                 FULL JOIN ({third}) c USING (key)"
            ),
            None => format!("SELECT * FROM ({first}) a FULL JOIN ({second}) b USING (key)"),
        }
    }

    fn load(
        self,
        conn: &mut PgConnection,
        by: Grouping,
        params: &Params<'_>,
        into: &mut Groups,
    ) -> Result<(), Error> {
        let query = diesel::sql_query(self.sql(by))
            .bind::<Timestamptz, _>(params.from)
            .bind::<Timestamptz, _>(params.to)
            .bind::<Nullable<Text>, _>(params.scope.commune.as_deref())
            .bind::<Nullable<Text>, _>(params.scope.unit.as_deref())
            .bind::<Nullable<Text>, _>(params.scope.category.as_deref())
            .bind::<Timestamptz, _>(params.now)
            .bind::<Nullable<Text>, _>(params.scope.channel.as_deref());
        match self {
            Query::Reports => {
                for row in query.load::<ReportsRow>(conn)? {
                    let g = into.entry(row.key).or_default();
                    g.received = row.received.unwrap_or(0);
                    g.received_resolved = row.received_resolved.unwrap_or(0);
                    // Those who reported and those who supported, each once.
                    let reporters: std::collections::HashSet<uuid::Uuid> = row
                        .reporters
                        .unwrap_or_default()
                        .into_iter()
                        .chain(row.supporters.unwrap_or_default())
                        .collect();
                    g.reporters = reporters.len() as i64;
                    g.open_backlog = row.open_backlog.unwrap_or(0);
                    g.overdue_now = row.overdue_now.unwrap_or(0);
                }
            }
            Query::Outcomes => {
                for row in query.load::<OutcomesRow>(conn)? {
                    let g = into.entry(row.key).or_default();
                    g.resolved = row.resolved.unwrap_or(0);
                    g.resolved_judged = row.resolved_judged.unwrap_or(0);
                    g.resolved_on_time = row.resolved_on_time.unwrap_or(0);
                    g.resolved_unlocated = row.resolved_unlocated.unwrap_or(0);
                    g.time_to_resolve = Some(durations(
                        g.resolved,
                        row.resolve_working_s.unwrap_or_default(),
                        row.resolve_wall_s.unwrap_or_default(),
                    ));
                    g.ratings = row.ratings.unwrap_or(0);
                    g.mean_rating = row.mean_rating;
                    g.ratings_4_or_more = row.ratings_4_or_more.unwrap_or(0);
                }
            }
            Query::Handling => {
                for row in query.load::<HandlingRow>(conn)? {
                    let g = into.entry(row.key).or_default();
                    g.time_to_accept = Some(durations(
                        row.accepted.unwrap_or(0),
                        row.accept_working_s.unwrap_or_default(),
                        row.accept_wall_s.unwrap_or_default(),
                    ));
                    g.transferred = row.transferred.unwrap_or(0);
                    g.hops = row.hops.unwrap_or(0);
                    g.ever_resolved = row.ever_resolved.unwrap_or(0);
                    g.reopened = row.reopened.unwrap_or(0);
                }
            }
        }
        Ok(())
    }
}

#[derive(QueryableByName)]
struct ReportsRow {
    #[diesel(sql_type = Text)]
    key: String,
    #[diesel(sql_type = Nullable<BigInt>)]
    received: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    received_resolved: Option<i64>,
    #[diesel(sql_type = Nullable<Array<SqlUuid>>)]
    reporters: Option<Vec<uuid::Uuid>>,
    #[diesel(sql_type = Nullable<Array<SqlUuid>>)]
    supporters: Option<Vec<uuid::Uuid>>,
    #[diesel(sql_type = Nullable<BigInt>)]
    open_backlog: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    overdue_now: Option<i64>,
}

#[derive(QueryableByName)]
struct OutcomesRow {
    #[diesel(sql_type = Text)]
    key: String,
    #[diesel(sql_type = Nullable<BigInt>)]
    resolved: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    resolved_judged: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    resolved_on_time: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    resolved_unlocated: Option<i64>,
    #[diesel(sql_type = Nullable<Array<BigInt>>)]
    resolve_working_s: Option<Vec<i64>>,
    #[diesel(sql_type = Nullable<Array<BigInt>>)]
    resolve_wall_s: Option<Vec<i64>>,
    #[diesel(sql_type = Nullable<BigInt>)]
    ratings: Option<i64>,
    #[diesel(sql_type = Nullable<Double>)]
    mean_rating: Option<f64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    ratings_4_or_more: Option<i64>,
}

#[derive(QueryableByName)]
struct HandlingRow {
    #[diesel(sql_type = Text)]
    key: String,
    #[diesel(sql_type = Nullable<BigInt>)]
    accepted: Option<i64>,
    #[diesel(sql_type = Nullable<Array<BigInt>>)]
    accept_working_s: Option<Vec<i64>>,
    #[diesel(sql_type = Nullable<Array<BigInt>>)]
    accept_wall_s: Option<Vec<i64>>,
    #[diesel(sql_type = Nullable<BigInt>)]
    transferred: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    hops: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    ever_resolved: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    reopened: Option<i64>,
}

/// The median and 90th percentile of `count` handling times given in seconds, in hours.
fn durations(count: i64, working_s: Vec<i64>, wall_s: Vec<i64>) -> Durations {
    use hientruong_domain::metrics::percentile_by_selection as at;
    let hours = |seconds: Vec<i64>| -> Vec<f64> {
        seconds.into_iter().map(|s| s as f64 / 3600.0).collect()
    };
    let (mut working, mut wall) = (hours(working_s), hours(wall_s));
    Durations {
        count,
        median_working_h: at(&mut working, 0.5),
        p90_working_h: at(&mut working, 0.9),
        median_wall_h: at(&mut wall, 0.5),
        p90_wall_h: at(&mut wall, 0.9),
    }
}

struct Params<'a> {
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    scope: &'a Scope,
    now: DateTime<Utc>,
}

/// One group's figures as the queries fill them in.
#[derive(Debug, Default)]
struct Group {
    received: i64,
    received_resolved: i64,
    reporters: i64,
    open_backlog: i64,
    overdue_now: i64,
    resolved: i64,
    resolved_judged: i64,
    resolved_on_time: i64,
    resolved_unlocated: i64,
    time_to_resolve: Option<Durations>,
    ratings: i64,
    mean_rating: Option<f64>,
    ratings_4_or_more: i64,
    time_to_accept: Option<Durations>,
    transferred: i64,
    hops: i64,
    ever_resolved: i64,
    reopened: i64,
}

type Groups = std::collections::BTreeMap<String, Group>;

fn ratio(part: i64, whole: i64) -> Option<f64> {
    hientruong_domain::metrics::ratio(
        u64::try_from(part).unwrap_or(0),
        u64::try_from(whole).unwrap_or(0),
    )
}

impl Group {
    fn summary(self, from: DateTime<Utc>, to: DateTime<Utc>) -> Summary {
        let none = Summary::empty().time_to_accept;
        Summary {
            from,
            to,
            received: self.received,
            resolved: self.resolved,
            resolved_unlocated: self.resolved_unlocated,
            open_backlog: self.open_backlog,
            overdue_now: self.overdue_now,
            time_to_accept: self.time_to_accept.unwrap_or(none),
            time_to_resolve: self.time_to_resolve.unwrap_or(none),
            on_time_rate: ratio(self.resolved_on_time, self.resolved_judged),
            resolution_rate: ratio(self.received_resolved, self.received),
            transfer_rate: ratio(self.transferred, self.received),
            hops: self.hops,
            reopen_rate: ratio(self.reopened, self.ever_resolved),
            ratings: self.ratings,
            mean_rating: self.mean_rating,
            share_ratings_4_or_more: ratio(self.ratings_4_or_more, self.ratings),
            reporters: self.reporters,
        }
    }
}

fn finish(mut groups: Groups, params: &Params<'_>, by: Grouping) -> Vec<(String, Summary)> {
    if by == Grouping::Total {
        groups.entry(String::new()).or_default();
    }
    groups
        .into_iter()
        .map(|(key, g)| {
            // A period of a time series covers its own days (within the requested period).
            let (from, to) = by
                .period_of(&key)
                .map_or((params.from, params.to), |(start, end)| {
                    (start.max(params.from), end.min(params.to))
                });
            (key, g.summary(from, to))
        })
        .collect()
}

/// The figures of `[from, to)` for `scope`, one row per group, in key order (the backlog and
/// overdue counts are as of `now`). Groups without any figure are absent. The three queries run
/// at once, each on a connection of its own from `pool`.
pub fn grouped(
    pool: &DbPool,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    scope: &Scope,
    by: Grouping,
    now: DateTime<Utc>,
) -> Result<Vec<(String, Summary)>, Error> {
    let params = Params {
        from,
        to,
        scope,
        now,
    };
    let parts: Vec<Result<Groups, Error>> = std::thread::scope(|threads| {
        let running: Vec<_> = Query::ALL
            .map(|query| {
                let params = &params;
                threads.spawn(move || {
                    let mut conn = pool.get()?;
                    let mut groups = Groups::new();
                    query.load(&mut conn, by, params, &mut groups)?;
                    Ok(groups)
                })
            })
            .into_iter()
            .collect();
        running.into_iter().map(joined).collect()
    });
    let mut groups = Groups::new();
    for part in parts {
        for (key, g) in part? {
            groups.entry(key).or_default().absorb(g);
        }
    }
    Ok(finish(groups, &params, by))
}

impl Group {
    /// Takes the figures another query filled in (each query fills its own fields).
    fn absorb(&mut self, other: Group) {
        self.received += other.received;
        self.received_resolved += other.received_resolved;
        self.reporters += other.reporters;
        self.open_backlog += other.open_backlog;
        self.overdue_now += other.overdue_now;
        self.resolved += other.resolved;
        self.resolved_judged += other.resolved_judged;
        self.resolved_on_time += other.resolved_on_time;
        self.resolved_unlocated += other.resolved_unlocated;
        self.time_to_resolve = self.time_to_resolve.or(other.time_to_resolve);
        self.ratings += other.ratings;
        self.mean_rating = self.mean_rating.or(other.mean_rating);
        self.ratings_4_or_more += other.ratings_4_or_more;
        self.time_to_accept = self.time_to_accept.or(other.time_to_accept);
        self.transferred += other.transferred;
        self.hops += other.hops;
        self.ever_resolved += other.ever_resolved;
        self.reopened += other.reopened;
    }
}

/// A scoped thread's result (a panic in it is an internal error).
fn joined<T>(thread: std::thread::ScopedJoinHandle<'_, Result<T, Error>>) -> Result<T, Error> {
    thread
        .join()
        .unwrap_or_else(|_| Err(hientruong_domain::Error::Internal.into()))
}

/// The summary of `[from, to)` for `scope`, with "now" for the backlog and overdue counts.
pub fn summary(
    pool: &DbPool,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    scope: &Scope,
    now: DateTime<Utc>,
) -> Result<Summary, Error> {
    total(grouped(pool, from, to, scope, Grouping::Total, now)?)
}

/// What participation is measured against (docs/metrics.md): resident accounts (city-wide only:
/// accounts belong to no commune) and the population where it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Basis {
    pub accounts: i64,
    pub population: Option<i64>,
}

/// The participation basis of a commune's figures, or the city's (`commune` absent), for a period
/// ending at `to`.
pub fn basis(
    conn: &mut PgConnection,
    commune: Option<&str>,
    to: DateTime<Utc>,
) -> Result<Basis, Error> {
    Ok(match commune {
        Some(code) => Basis {
            accounts: 0,
            population: populations(conn)?
                .into_iter()
                .find(|p| p.commune_code == code)
                .map(|p| i64::from(p.population)),
        },
        None => Basis {
            accounts: resident_accounts(conn, to)?,
            population: city_population(conn)?,
        },
    })
}

/// [`summary`] and its participation [`basis`], looked up at the same time.
pub fn summary_with_basis(
    pool: &DbPool,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    scope: &Scope,
    now: DateTime<Utc>,
) -> Result<(Summary, Basis), Error> {
    std::thread::scope(|threads| {
        let basis = threads.spawn(|| {
            let mut conn = pool.get()?;
            basis(&mut conn, scope.commune.as_deref(), to)
        });
        let summary = summary(pool, from, to, scope, now)?;
        Ok((summary, joined(basis)?))
    })
}

/// The one row of a [`Grouping::Total`].
pub fn total(rows: Vec<(String, Summary)>) -> Result<Summary, Error> {
    rows.into_iter()
        .next()
        .map(|(_, s)| s)
        .ok_or(Error::Domain(hientruong_domain::Error::Internal))
}

/// Resident accounts registered before the Huế day of `at` (a period's end is a Huế midnight):
/// the basis of participation where a population is not known. Read from `resident_signups`,
/// which a trigger keeps as accounts are created, deleted or change role.
pub fn resident_accounts(conn: &mut PgConnection, at: DateTime<Utc>) -> QueryResult<i64> {
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        residents: i64,
    }
    let count: Count = diesel::sql_query(
        "SELECT coalesce(sum(residents), 0)::bigint AS residents FROM resident_signups \
         WHERE day < ($1 AT TIME ZONE 'Asia/Ho_Chi_Minh')::date",
    )
    .bind::<Timestamptz, _>(at)
    .get_result(conn)?;
    Ok(count.residents)
}

/// A commune's population as an administrator set it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
