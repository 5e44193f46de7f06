//! `GET /api/v1/stats/timeseries?interval=day|week|month[&format=json|csv]`

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use hientruong_db::stats::Grouping;

use super::{BreakdownQuery, RowJson, answer, respond};
use crate::auth::MaybeAuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::handlers::query::{given, invalid};
use crate::state::AppState;
use crate::views::Items;

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
        `format=csv`: a download; `format=geojson` is `400 invalid_query`. Without a token the \
        period is at most a year, and the answer is shared with other anonymous callers for a \
        minute (`ETag`, `Cache-Control: public, max-age=60`).",
    params(BreakdownQuery),
    security((), ("bearer" = [])),
    responses((status = 200, description = "The rows", content(
        (Items<RowJson> = "application/json"),
        (String = "text/csv"),
    )), StatsTimeseriesErrors),
)]
pub async fn get(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: MaybeAuthUser,
    query: web::Query<BreakdownQuery>,
) -> Result<HttpResponse, ApiError> {
    let interval = match given(&query.interval) {
        Some("day") => Grouping::Day,
        Some("week") | None => Grouping::Week,
        Some("month") => Grouping::Month,
        Some(_) => return Err(invalid("interval must be day, week or month")),
    };
    let actor = caller.0.map(|u| u.actor());
    let coverage = query.coverage(actor.as_ref(), interval)?;
    let format = query.format;
    let anonymous = actor.is_none();
    answer(&state, &req, anonymous, async {
        let periods = state
            .statistic(move |app| {
                app.stats_timeseries(actor.as_ref(), &coverage, interval, Utc::now())
            })
            .await?;
        let rows = periods
            .into_iter()
            .map(|(key, summary)| RowJson::keyed(key, summary))
            .collect();
        respond(rows, format, "timeseries", false)
    })
    .await
}
