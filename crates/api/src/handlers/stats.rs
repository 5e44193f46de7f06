//! `/api/v1/stats`: the IOC's figures (docs/metrics.md).

use actix_web::{HttpResponse, web};
use chrono::{Days, NaiveDate, TimeZone, Utc};
use hientruong_db::stats::{Scope, Summary};
use hientruong_domain::metrics::{Engagement, EngagementInputs, engagement};
use hientruong_domain::policy::check_statistics;
use hientruong_domain::sla::vn_offset;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::MaybeAuthUser;
use crate::error::ApiError;
use crate::handlers::download;
use crate::handlers::errors::errors;
use crate::handlers::geojson::{self, FeatureCollection};
use crate::handlers::query::{self, given, invalid};
use crate::state::AppState;
use crate::views::Items;

/// Longest period one request may cover.
const MAX_DAYS: u64 = 3 * 366;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct Query {
    /// First day (Huế date, `YYYY-MM-DD`), inclusive; default: 29 days before `to`.
    #[param(value_type = Option<chrono::NaiveDate>)]
    from: Option<String>,
    /// Last day, inclusive; default: today. At most 3 years after `from`.
    #[param(value_type = Option<chrono::NaiveDate>)]
    to: Option<String>,
    /// A 5-digit commune code (IOC operators and administrators).
    #[param(pattern = "^[0-9]{5}$")]
    commune: Option<String>,
    /// A handling unit's code: the tickets it has now (IOC operators and administrators).
    unit: Option<String>,
    /// A category code.
    category: Option<String>,
}

fn day(value: &Option<String>, name: &str) -> Result<Option<NaiveDate>, ApiError> {
    given(value)
        .map(|d| {
            NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map_err(|_| invalid(&format!("{name} must be a date YYYY-MM-DD")))
        })
        .transpose()
}

impl Query {
    /// The period as instants: [from 00:00, the day after `to` 00:00), Huế time.
    fn period(&self) -> Result<(chrono::DateTime<Utc>, chrono::DateTime<Utc>), ApiError> {
        let today = Utc::now().with_timezone(&vn_offset()).date_naive();
        let to = day(&self.to, "to")?.unwrap_or(today);
        let from = match day(&self.from, "from")? {
            Some(d) => d,
            None => to.checked_sub_days(Days::new(29)).unwrap_or(to),
        };
        if from > to || (to - from).num_days() as u64 >= MAX_DAYS {
            return Err(invalid(
                "from must not be after to, and the period at most 3 years",
            ));
        }
        let start = |d: NaiveDate| {
            d.and_hms_opt(0, 0, 0)
                .and_then(|t| vn_offset().from_local_datetime(&t).single())
                .map(|t| t.with_timezone(&Utc))
                .ok_or_else(|| invalid("date out of range"))
        };
        let end = to
            .checked_add_days(Days::new(1))
            .ok_or_else(|| invalid("date out of range"))?;
        Ok((start(from)?, start(end)?))
    }

    fn scope(&self) -> Result<Scope, ApiError> {
        Ok(Scope {
            commune: query::commune(&self.commune)?,
            unit: given(&self.unit).map(str::to_owned),
            category: query::category(&self.category)?,
        })
    }
}

/// The engagement index of a row of figures (docs/metrics.md).
fn engagement_of(
    summary: &Summary,
    population: Option<i64>,
    accounts: i64,
    from: chrono::DateTime<Utc>,
    to: chrono::DateTime<Utc>,
) -> Engagement {
    engagement(&EngagementInputs {
        distinct_reporters: u64::try_from(summary.reporters).unwrap_or(0),
        population: population.and_then(|p| u64::try_from(p).ok()),
        accounts: u64::try_from(accounts).unwrap_or(0),
        period_days: (to - from).num_seconds() as f64 / 86_400.0,
        on_time_rate: summary.on_time_rate,
        resolution_rate: summary.resolution_rate,
        mean_rating: summary.mean_rating,
    })
}

/// The headline figures of a period (docs/metrics.md) and the engagement index.
#[derive(Serialize, ToSchema)]
#[schema(as = StatsSummary)]
pub struct SummaryJson {
    #[serde(flatten)]
    summary: Summary,
    engagement: Engagement,
}

errors!(StatsSummaryErrors = [STATISTICS, SERVER]);

/// `GET /api/v1/stats/summary`: the headline figures of a period. City-wide (optionally for one
/// category) for anyone; for one commune or unit, IOC operators and administrators only.
#[utoipa::path(
    get,
    path = "/api/v1/stats/summary",
    operation_id = "stats_summary",
    tag = "statistics",
    summary = "The headline figures of a period",
    description = "City-wide figures (optionally for one category) are public; for one commune \
        or one unit they are for IOC operators and administrators (`401 missing_token` without \
        a token, `403 forbidden` for other roles). A rate without a denominator is `null`.",
    params(Query),
    security((), ("bearer" = [])),
    responses((status = 200, description = "The figures", body = SummaryJson), StatsSummaryErrors),
)]
pub async fn summary(
    state: web::Data<AppState>,
    caller: MaybeAuthUser,
    query: web::Query<Query>,
) -> Result<HttpResponse, ApiError> {
    let scope = query.scope()?;
    let actor = caller.0.as_ref().map(|u| u.actor());
    check_statistics(
        actor.as_ref(),
        scope.commune.is_some() || scope.unit.is_some(),
    )?;
    let (from, to) = query.period()?;
    let (summary, basis) = state
        .db_pool(move |pool| {
            hientruong_db::stats::summary_with_basis(pool, from, to, &scope, Utc::now())
        })
        .await?;
    let engagement = engagement_of(&summary, basis.population, basis.accounts, from, to);
    Ok(HttpResponse::Ok().json(SummaryJson {
        summary,
        engagement,
    }))
}

/// How a breakdown is answered.
#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Default, ToSchema)]
#[schema(as = StatsFormat)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Json,
    Csv,
    /// Communes only: a FeatureCollection of their outlines with the figures as properties.
    Geojson,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct BreakdownQuery {
    /// First day (Huế date, `YYYY-MM-DD`), inclusive; default: 29 days before `to`.
    #[param(value_type = Option<chrono::NaiveDate>)]
    from: Option<String>,
    /// Last day, inclusive; default: today. At most 3 years after `from`.
    #[param(value_type = Option<chrono::NaiveDate>)]
    to: Option<String>,
    /// A 5-digit commune code (IOC operators and administrators).
    #[param(pattern = "^[0-9]{5}$")]
    commune: Option<String>,
    /// A handling unit's code: the tickets it has now (IOC operators and administrators).
    unit: Option<String>,
    /// A category code.
    category: Option<String>,
    /// `json` (default), `csv` (a download) or, for communes only, `geojson`.
    #[serde(default)]
    #[param(inline, value_type = Option<Format>)]
    format: Format,
    /// Time series only: `day`, `week` (default) or `month`.
    #[param(pattern = "^(day|week|month)?$")]
    interval: Option<String>,
}

impl BreakdownQuery {
    /// The period and scope part (as the summary takes them).
    fn period(&self) -> Query {
        Query {
            from: self.from.clone(),
            to: self.to.clone(),
            commune: self.commune.clone(),
            unit: self.unit.clone(),
            category: self.category.clone(),
        }
    }
}

/// One row of a breakdown: its key, a name where it has one, and the figures.
#[derive(Serialize, ToSchema)]
#[schema(as = StatsRow)]
pub struct RowJson {
    /// A commune's or unit's code, or a period's first day.
    key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    name_en: Option<String>,
    #[serde(flatten)]
    summary: Summary,
    /// Communes: the engagement index (participation only where the population is set).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    engagement: Option<Engagement>,
}

/// The columns of a breakdown's CSV: those of its JSON rows.
const CSV_COLUMNS: &[&str] = &[
    "key",
    "name",
    "from",
    "to",
    "received",
    "resolved",
    "open_backlog",
    "overdue_now",
    "accepted",
    "accept_median_working_h",
    "accept_p90_working_h",
    "accept_median_wall_h",
    "accept_p90_wall_h",
    "resolve_median_working_h",
    "resolve_p90_working_h",
    "resolve_median_wall_h",
    "resolve_p90_wall_h",
    "on_time_rate",
    "resolution_rate",
    "transfer_rate",
    "hops",
    "reopen_rate",
    "ratings",
    "mean_rating",
    "share_ratings_4_or_more",
    "reporters",
];

fn csv_record(r: &RowJson) -> Vec<String> {
    let num = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    let s = &r.summary;
    let (a, z) = (&s.time_to_accept, &s.time_to_resolve);
    vec![
        r.key.clone(),
        r.name.clone().unwrap_or_default(),
        s.from.to_rfc3339(),
        s.to.to_rfc3339(),
        s.received.to_string(),
        s.resolved.to_string(),
        s.open_backlog.to_string(),
        s.overdue_now.to_string(),
        a.count.to_string(),
        num(a.median_working_h),
        num(a.p90_working_h),
        num(a.median_wall_h),
        num(a.p90_wall_h),
        num(z.median_working_h),
        num(z.p90_working_h),
        num(z.median_wall_h),
        num(z.p90_wall_h),
        num(s.on_time_rate),
        num(s.resolution_rate),
        num(s.transfer_rate),
        s.hops.to_string(),
        num(s.reopen_rate),
        s.ratings.to_string(),
        num(s.mean_rating),
        num(s.share_ratings_4_or_more),
        s.reporters.to_string(),
    ]
}

fn respond(rows: Vec<RowJson>, format: Format, name: &str) -> Result<HttpResponse, ApiError> {
    match format {
        Format::Json => Ok(HttpResponse::Ok().json(Items { items: rows })),
        Format::Csv => download::csv(name, CSV_COLUMNS, rows.iter().map(csv_record)),
        Format::Geojson => Err(invalid("format=geojson is for /stats/communes only")),
    }
}

/// Runs a breakdown, if the caller may see it: per commune or unit (as rows or as a filter) for
/// IOC operators and administrators only.
async fn breakdown(
    state: &AppState,
    caller: &MaybeAuthUser,
    query: &BreakdownQuery,
    by: hientruong_db::stats::Grouping,
) -> Result<Vec<(String, Summary)>, ApiError> {
    use hientruong_db::stats::Grouping;
    let scope = query.period().scope()?;
    let per_area = matches!(by, Grouping::Commune | Grouping::Unit)
        || scope.commune.is_some()
        || scope.unit.is_some();
    let actor = caller.0.as_ref().map(|u| u.actor());
    check_statistics(actor.as_ref(), per_area)?;
    let (from, to) = query.period().period()?;
    state
        .db_pool(move |pool| hientruong_db::stats::grouped(pool, from, to, &scope, by, Utc::now()))
        .await
}

errors!(StatsCommunesErrors = [STATISTICS, SERVER]);

/// `GET /api/v1/stats/communes[?format=json|csv|geojson]`: one row per current commune (those
/// without any figure too), for IOC operators and administrators. `geojson` is a
/// FeatureCollection of the communes' outlines with the figures as properties, for a map.
#[utoipa::path(
    get,
    path = "/api/v1/stats/communes",
    operation_id = "stats_communes",
    tag = "statistics",
    summary = "The figures of each commune",
    description = "One row per current commune (those without any figure too). IOC operators \
        and administrators only (`401 missing_token` without a token, `403 forbidden` for other \
        roles). `format=csv`: a download, one line per row; `format=geojson`: a \
        FeatureCollection of the communes' outlines with the rows as properties.",
    params(BreakdownQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "The rows", content(
        (Items<RowJson> = "application/json"),
        (String = "text/csv"),
        (FeatureCollection<RowJson> = "application/geo+json"),
    )), StatsCommunesErrors),
)]
pub async fn communes(
    state: web::Data<AppState>,
    caller: MaybeAuthUser,
    query: web::Query<BreakdownQuery>,
) -> Result<HttpResponse, ApiError> {
    let figures = breakdown(
        &state,
        &caller,
        &query,
        hientruong_db::stats::Grouping::Commune,
    )
    .await?;
    let (from, to) = query.period().period()?;
    let as_geojson = query.format == Format::Geojson;
    let (communes, outlines, populations) = state
        .db(move |conn| {
            let communes = hientruong_db::geography::current_communes(conn)?;
            let outlines = if as_geojson {
                hientruong_db::geography::outlines(conn)?
            } else {
                Vec::new()
            };
            Ok((communes, outlines, hientruong_db::stats::populations(conn)?))
        })
        .await?;
    let empty = || Summary {
        from,
        to,
        ..Summary::empty()
    };
    let rows: Vec<RowJson> = communes
        .into_iter()
        .map(|c| {
            let summary = figures
                .iter()
                .find(|(k, _)| *k == c.code)
                .map(|(_, s)| s.clone())
                .unwrap_or_else(empty);
            let population = populations
                .iter()
                .find(|p| p.commune_code == c.code)
                .map(|p| i64::from(p.population));
            RowJson {
                engagement: Some(engagement_of(&summary, population, 0, from, to)),
                summary,
                key: c.code,
                name: Some(c.full_name),
                name_en: Some(c.full_name_en),
            }
        })
        .collect();
    if !as_geojson {
        return respond(rows, query.format, "communes");
    }
    Ok(geojson::communes(
        rows.into_iter().map(|row| (row.key.clone(), row)),
        &outlines,
    ))
}

errors!(StatsUnitsErrors = [STATISTICS, SERVER]);

/// `GET /api/v1/stats/units[?format=json|csv]`: the league table of handling units, by on-time
/// rate (best first), for IOC operators and administrators.
#[utoipa::path(
    get,
    path = "/api/v1/stats/units",
    operation_id = "stats_units",
    tag = "statistics",
    summary = "The league table of handling units",
    description = "One row per unit with figures, best on-time rate first. IOC operators and \
        administrators only (`401 missing_token` without a token, `403 forbidden` for other \
        roles). `format=csv`: a download; `format=geojson` is `400 invalid_query`.",
    params(BreakdownQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "The rows", content(
        (Items<RowJson> = "application/json"),
        (String = "text/csv"),
    )), StatsUnitsErrors),
)]
pub async fn units(
    state: web::Data<AppState>,
    caller: MaybeAuthUser,
    query: web::Query<BreakdownQuery>,
) -> Result<HttpResponse, ApiError> {
    let figures = breakdown(
        &state,
        &caller,
        &query,
        hientruong_db::stats::Grouping::Unit,
    )
    .await?;
    let units = state
        .db(|conn| Ok(hientruong_db::admin::units(conn)?))
        .await?;
    let mut rows: Vec<RowJson> = figures
        .into_iter()
        .map(|(key, summary)| {
            let unit = units.iter().find(|u| u.code == key);
            RowJson {
                name: unit.map(|u| u.name_vi.clone()),
                name_en: unit.map(|u| u.name_en.clone()),
                key,
                summary,
                engagement: None,
            }
        })
        .collect();
    // Best on-time rate first; units without a resolution last; then by volume.
    rows.sort_by(|a, b| {
        let rate = |r: &RowJson| r.summary.on_time_rate.unwrap_or(-1.0);
        rate(b)
            .total_cmp(&rate(a))
            .then(b.summary.received.cmp(&a.summary.received))
    });
    respond(rows, query.format, "units")
}

errors!(StatsTimeseriesErrors = [STATISTICS, SERVER]);

/// `GET /api/v1/stats/timeseries?interval=day|week|month[&format=json|csv]`: one row per period
/// that has any figure (key: its first day). City-wide for anyone; for a commune or unit, IOC and
/// administrators.
#[utoipa::path(
    get,
    path = "/api/v1/stats/timeseries",
    operation_id = "stats_timeseries",
    tag = "statistics",
    summary = "The figures period by period",
    description = "One row per day, week or month that has any figure (`key`: its first day, \
        Huế time). City-wide for anyone; for a commune or unit, IOC operators and \
        administrators (`401 missing_token` without a token, `403 forbidden` for other roles). \
        `format=csv`: a download; `format=geojson` is `400 invalid_query`.",
    params(BreakdownQuery),
    security((), ("bearer" = [])),
    responses((status = 200, description = "The rows", content(
        (Items<RowJson> = "application/json"),
        (String = "text/csv"),
    )), StatsTimeseriesErrors),
)]
pub async fn timeseries(
    state: web::Data<AppState>,
    caller: MaybeAuthUser,
    query: web::Query<BreakdownQuery>,
) -> Result<HttpResponse, ApiError> {
    let by = match given(&query.interval) {
        Some("day") => hientruong_db::stats::Grouping::Day,
        Some("week") | None => hientruong_db::stats::Grouping::Week,
        Some("month") => hientruong_db::stats::Grouping::Month,
        Some(_) => return Err(invalid("interval must be day, week or month")),
    };
    let rows = breakdown(&state, &caller, &query, by)
        .await?
        .into_iter()
        .map(|(key, summary)| RowJson {
            key,
            name: None,
            name_en: None,
            summary,
            engagement: None,
        })
        .collect();
    respond(rows, query.format, "timeseries")
}
