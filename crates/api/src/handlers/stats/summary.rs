//! `GET /api/v1/stats/summary`

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use hientruong_db::stats::Summary;
use hientruong_domain::metrics::Engagement;
use serde::Serialize;
use utoipa::ToSchema;

use super::{Format, Query, RowJson, answer, csv};
use crate::auth::MaybeAuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::handlers::query::invalid;
use crate::state::AppState;

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
        a token, `403 forbidden` for other roles). A rate without a denominator is `null`. \
        `format=csv`: a download, a header line and one line of figures (empty where JSON has \
        `null`); `format=geojson` is `400 invalid_query`. Without a token the period is at most \
        a year, and the answer is shared with other anonymous callers for a minute (`ETag`, \
        `Cache-Control: public, max-age=60`). A statistic waiting over 10 s for its turn is \
        `503 service_unavailable`.",
    params(Query),
    security((), ("bearer" = [])),
    responses((status = 200, description = "The figures", content(
        (SummaryJson = "application/json"),
        (String = "text/csv"),
    )), StatsSummaryErrors),
)]
pub async fn get(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: MaybeAuthUser,
    query: web::Query<Query>,
) -> Result<HttpResponse, ApiError> {
    if query.format == Format::Geojson {
        return Err(invalid("format=geojson is for /stats/communes only"));
    }
    let actor = caller.0.map(|u| u.actor());
    let coverage = query.coverage(actor.as_ref())?;
    let format = query.format;
    let anonymous = actor.is_none();
    answer(&state, &req, anonymous, async {
        let (summary, engagement) = state
            .statistic(move |app| app.stats_summary(actor.as_ref(), &coverage, Utc::now()))
            .await?;
        if format == Format::Csv {
            return csv(
                "summary",
                &[RowJson::unkeyed(summary, engagement)],
                false,
                true,
            );
        }
        Ok(HttpResponse::Ok().json(SummaryJson {
            summary,
            engagement,
        }))
    })
    .await
}
