//! `/api/v1/stats`: the IOC's figures (docs/metrics.md), a handler per file; here what they share:
//! the query (the period and the scope), the rows, and their CSV.

pub mod channels;
pub mod communes;
pub mod summary;
pub mod timeseries;
pub mod units;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::{HttpRequest, HttpResponse};
use bytes::Bytes;
use chrono::{Days, NaiveDate, TimeZone, Utc};
use hientruong_app::stats::Coverage;
use hientruong_db::stats::{Grouping, Scope, Summary};
use hientruong_domain::metrics::Engagement;
use hientruong_domain::policy::Actor;
use hientruong_domain::report::Channel;
use hientruong_domain::sla::vn_offset;
use serde::{Deserialize, Serialize};
use sha2::Digest;
use utoipa::{IntoParams, ToSchema};

use crate::error::ApiError;
use crate::handlers::download;
use crate::handlers::query::{self, given, invalid};
use crate::state::AppState;
use crate::views::Items;

/// Longest period one request may cover: staff's, and anyone's without signing in (a public
/// figure over years is a heavy query anyone could repeat).
const MAX_DAYS: u64 = 3 * 366;
const MAX_PUBLIC_DAYS: u64 = 366;

/// How long anonymous callers share a statistic's answer.
const PUBLIC_FOR: Duration = Duration::from_secs(60);

/// The answers of anonymous callers' statistics, by request (path and query string), for
/// [`PUBLIC_FOR`]: the same figures for everyone, computed once however many ask at once.
#[derive(Clone)]
pub struct PublicFigures(moka::future::Cache<String, Arc<Cached>>);

/// An answer kept: its type (and download name), body and tag.
pub struct Cached {
    headers: Vec<(HeaderName, HeaderValue)>,
    body: Bytes,
    etag: String,
}

impl PublicFigures {
    pub fn new() -> PublicFigures {
        PublicFigures(
            moka::future::Cache::builder()
                .max_capacity(1_000)
                .time_to_live(PUBLIC_FOR)
                .build(),
        )
    }
}

impl Default for PublicFigures {
    fn default() -> PublicFigures {
        PublicFigures::new()
    }
}

/// A statistic's answer to an anonymous caller: from [`PublicFigures`], or made by `compute`
/// (once, for everyone asking at the same time); with an `ETag` and `Cache-Control: public,
/// max-age=60`, and `304 Not Modified` for a client that has it already.
async fn public<F>(
    state: &AppState,
    req: &HttpRequest,
    compute: F,
) -> Result<HttpResponse, ApiError>
where
    F: Future<Output = Result<HttpResponse, ApiError>>,
{
    let key = format!("{}?{}", req.path(), req.query_string());
    let cached = state
        .public_figures
        .0
        .try_get_with(key, async {
            let res = compute.await?;
            let headers = [header::CONTENT_TYPE, header::CONTENT_DISPOSITION]
                .into_iter()
                .filter_map(|name| res.headers().get(&name).cloned().map(|v| (name, v)))
                .collect();
            let body = actix_web::body::to_bytes(res.into_body())
                .await
                .map_err(|_| ApiError::new(hientruong_domain::Error::Internal))?;
            let digest = sha2::Sha256::digest(&body);
            let etag = format!(
                "\"{}\"",
                digest[..12]
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect::<String>()
            );
            Ok::<_, ApiError>(Arc::new(Cached {
                headers,
                body,
                etag,
            }))
        })
        .await
        .map_err(|e| (*e).clone())?;
    let cache_control = format!("public, max-age={}", PUBLIC_FOR.as_secs());
    let fresh = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|tags| tags.split(',').any(|t| t.trim() == cached.etag));
    let mut answer = if fresh {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    answer
        .insert_header((header::ETAG, cached.etag.clone()))
        .insert_header((header::CACHE_CONTROL, cache_control));
    if fresh {
        return Ok(answer.finish());
    }
    for (name, value) in &cached.headers {
        answer.insert_header((name.clone(), value.clone()));
    }
    Ok(answer.body(cached.body.clone()))
}

/// The answer to `caller`: shared with every anonymous caller ([`public`]), or made for this
/// one.
async fn answer<F>(
    state: &AppState,
    req: &HttpRequest,
    anonymous: bool,
    compute: F,
) -> Result<HttpResponse, ApiError>
where
    F: Future<Output = Result<HttpResponse, ApiError>>,
{
    if anonymous {
        public(state, req, compute).await
    } else {
        compute.await
    }
}

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
    /// How reports came in: `app`, `web`, `open311` or `hotline`.
    #[param(pattern = "^(app|web|open311|hotline)$")]
    channel: Option<String>,
    /// `json` (default) or `csv` (a download: a header line and one line of figures).
    #[serde(default)]
    #[param(inline, value_type = Option<Format>)]
    format: Format,
}

/// How a statistic is answered.
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
    /// How reports came in: `app`, `web`, `open311` or `hotline`.
    #[param(pattern = "^(app|web|open311|hotline)$")]
    channel: Option<String>,
    /// `json` (default), `csv` (a download) or, for communes only, `geojson`.
    #[serde(default)]
    #[param(inline, value_type = Option<Format>)]
    format: Format,
    /// Time series only: `day`, `week` (default) or `month`.
    #[param(pattern = "^(day|week|month)?$")]
    interval: Option<String>,
}

impl Query {
    fn coverage(&self, caller: Option<&Actor>) -> Result<Coverage, ApiError> {
        let scope = [&self.commune, &self.unit, &self.category, &self.channel];
        coverage([&self.from, &self.to], scope, caller, Grouping::Total)
    }
}

impl BreakdownQuery {
    fn coverage(&self, caller: Option<&Actor>, by: Grouping) -> Result<Coverage, ApiError> {
        let scope = [&self.commune, &self.unit, &self.category, &self.channel];
        coverage([&self.from, &self.to], scope, caller, by)
    }
}

fn day(value: &Option<String>, name: &str) -> Result<Option<NaiveDate>, ApiError> {
    given(value)
        .map(|d| {
            NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map_err(|_| invalid(&format!("{name} must be a date YYYY-MM-DD")))
        })
        .transpose()
}

/// What a query asks for: the scope, then (once `caller` may read its figures broken down `by`)
/// the period as instants, [from 00:00, the day after `to` 00:00) Huế time.
fn coverage(
    [from, to]: [&Option<String>; 2],
    [commune, unit, category, channel]: [&Option<String>; 4],
    caller: Option<&Actor>,
    by: Grouping,
) -> Result<Coverage, ApiError> {
    let scope = Scope {
        commune: query::commune(commune)?,
        unit: given(unit).map(str::to_owned),
        category: query::category(category)?,
        channel: given(channel)
            .map(|c| {
                Channel::parse(c)
                    .map(|c| c.as_str().to_owned())
                    .ok_or_else(|| invalid("channel is app, web, open311 or hotline"))
            })
            .transpose()?,
    };
    hientruong_app::stats::check(caller, &scope, by)?;
    let today = Utc::now().with_timezone(&vn_offset()).date_naive();
    let to = day(to, "to")?.unwrap_or(today);
    let from = match day(from, "from")? {
        Some(d) => d,
        None => to.checked_sub_days(Days::new(29)).unwrap_or(to),
    };
    if from > to || (to - from).num_days() as u64 >= MAX_DAYS {
        return Err(invalid(
            "from must not be after to, and the period at most 3 years",
        ));
    }
    if caller.is_none() && (to - from).num_days() as u64 >= MAX_PUBLIC_DAYS {
        return Err(invalid(
            "without signing in, the period is at most a year (366 days)",
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
    Ok(Coverage {
        from: start(from)?,
        to: start(end)?,
        scope,
    })
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

impl RowJson {
    /// A period's row: its first day and its figures.
    fn keyed(key: String, summary: Summary) -> RowJson {
        RowJson {
            key,
            name: None,
            name_en: None,
            summary,
            engagement: None,
        }
    }

    /// The summary's figures as a row of the CSV (which has no key).
    fn unkeyed(summary: Summary, engagement: Engagement) -> RowJson {
        RowJson {
            engagement: Some(engagement),
            ..RowJson::keyed(String::new(), summary)
        }
    }
}

/// The CSV columns of a row's figures: those of its JSON, handling times spelt out.
const FIGURE_COLUMNS: &[&str] = &[
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
    "resolved_unlocated",
];

/// The CSV columns of an engagement index: `engagement_` and the JSON's field.
const ENGAGEMENT_COLUMNS: &[&str] = &[
    "engagement_index",
    "engagement_participation_per_1000_month",
    "engagement_participation_basis",
    "engagement_participation",
    "engagement_responsiveness",
    "engagement_resolution",
    "engagement_satisfaction",
];

fn number(v: Option<f64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn figure_cells(s: &Summary) -> impl Iterator<Item = String> {
    let (a, z) = (&s.time_to_accept, &s.time_to_resolve);
    [
        s.from.to_rfc3339(),
        s.to.to_rfc3339(),
        s.received.to_string(),
        s.resolved.to_string(),
        s.open_backlog.to_string(),
        s.overdue_now.to_string(),
        a.count.to_string(),
        number(a.median_working_h),
        number(a.p90_working_h),
        number(a.median_wall_h),
        number(a.p90_wall_h),
        number(z.median_working_h),
        number(z.p90_working_h),
        number(z.median_wall_h),
        number(z.p90_wall_h),
        number(s.on_time_rate),
        number(s.resolution_rate),
        number(s.transfer_rate),
        s.hops.to_string(),
        number(s.reopen_rate),
        s.ratings.to_string(),
        number(s.mean_rating),
        number(s.share_ratings_4_or_more),
        s.reporters.to_string(),
        s.resolved_unlocated.to_string(),
    ]
    .into_iter()
}

fn engagement_cells(e: &Engagement) -> impl Iterator<Item = String> {
    let basis = serde_json::to_value(e.participation_basis)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    [
        number(e.index),
        number(e.participation_per_1000_month),
        basis,
        number(e.participation),
        number(e.responsiveness),
        number(e.resolution),
        number(e.satisfaction),
    ]
    .into_iter()
}

/// Rows as a CSV download: with their keys and names (`keyed`: the breakdowns, not the summary),
/// their figures, and their engagement index (`engagement`: the summary and the communes).
fn csv(
    name: &str,
    rows: &[RowJson],
    keyed: bool,
    engagement: bool,
) -> Result<HttpResponse, ApiError> {
    let mut columns: Vec<&str> = Vec::new();
    if keyed {
        columns.extend(["key", "name"]);
    }
    columns.extend(FIGURE_COLUMNS);
    if engagement {
        columns.extend(ENGAGEMENT_COLUMNS);
    }
    let record = |r: &RowJson| -> Vec<String> {
        let key = keyed.then(|| [r.key.clone(), r.name.clone().unwrap_or_default()]);
        let index = r.engagement.as_ref().filter(|_| engagement);
        key.into_iter()
            .flatten()
            .chain(figure_cells(&r.summary))
            .chain(index.into_iter().flat_map(engagement_cells))
            .collect()
    };
    download::csv(name, &columns, rows.iter().map(record))
}

/// A breakdown as asked: JSON rows, or a CSV download (with the `engagement` index: the
/// communes).
fn respond(
    rows: Vec<RowJson>,
    format: Format,
    name: &str,
    engagement: bool,
) -> Result<HttpResponse, ApiError> {
    match format {
        Format::Json => Ok(HttpResponse::Ok().json(Items { items: rows })),
        Format::Csv => csv(name, &rows, true, engagement),
        Format::Geojson => Err(invalid("format=geojson is for /stats/communes only")),
    }
}
