//! `GET /api/v1/stats/channels[?format=json|csv]`

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use hientruong_db::stats::Grouping;

use super::{BreakdownQuery, RowJson, answer, respond};
use crate::auth::MaybeAuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;
use crate::views::Items;

errors!(StatsChannelsErrors = [STATISTICS, SERVER]);

/// `GET /api/v1/stats/channels[?format=json|csv]`: one row per channel reports came in by.
#[utoipa::path(
    get,
    path = "/api/v1/stats/channels",
    operation_id = "stats_channels",
    tag = "statistics",
    summary = "The figures by channel",
    description = "One row per channel, every channel: `app` (phone apps), `web` (the residents' \
        web app), `open311` (client applications) and `hotline` (calls an IOC operator entered). \
        City-wide for anyone; for a commune or unit, IOC operators and administrators \
        (`401 missing_token` without a token, `403 forbidden` for other roles). `format=csv`: a \
        download; `format=geojson` is `400 invalid_query`. Without a token the period is at most \
        a year, and the answer is shared with other anonymous callers for a minute.",
    params(BreakdownQuery),
    security((), ("bearer" = [])),
    responses((status = 200, description = "The rows", content(
        (Items<RowJson> = "application/json"),
        (String = "text/csv"),
    )), StatsChannelsErrors),
)]
pub async fn get(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: MaybeAuthUser,
    query: web::Query<BreakdownQuery>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.0.map(|u| u.actor());
    let coverage = query.coverage(actor.as_ref(), Grouping::Channel)?;
    let format = query.format;
    let anonymous = actor.is_none();
    answer(&state, &req, anonymous, async {
        let rows = state
            .statistic(move |app| app.stats_channels(actor.as_ref(), &coverage, Utc::now()))
            .await?
            .into_iter()
            .map(|(key, summary)| RowJson::keyed(key, summary))
            .collect();
        respond(rows, format, "channels", false)
    })
    .await
}
