//! `GET /api/v1/stats/units[?format=json|csv]`

use actix_web::{HttpResponse, web};
use chrono::Utc;
use hientruong_db::stats::Grouping;

use super::{BreakdownQuery, RowJson, respond};
use crate::auth::MaybeAuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;
use crate::views::Items;

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
pub async fn get(
    state: web::Data<AppState>,
    caller: MaybeAuthUser,
    query: web::Query<BreakdownQuery>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.0.map(|u| u.actor());
    let coverage = query.coverage(actor.as_ref(), Grouping::Unit)?;
    let league = state
        .statistic(move |app| app.stats_units(actor.as_ref(), &coverage, Utc::now()))
        .await?;
    let rows = league
        .into_iter()
        .map(|row| RowJson {
            name: row.unit.as_ref().map(|u| u.name_vi.clone()),
            name_en: row.unit.map(|u| u.name_en),
            key: row.code,
            summary: row.summary,
            engagement: None,
        })
        .collect();
    respond(rows, query.format, "units", false)
}
