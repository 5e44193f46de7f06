//! `GET /api/v1/stats/communes[?format=json|csv|geojson]`

use actix_web::{HttpResponse, web};
use chrono::Utc;
use hientruong_db::stats::Grouping;

use super::{BreakdownQuery, Format, RowJson, respond};
use crate::auth::MaybeAuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::handlers::geojson::{self, FeatureCollection};
use crate::state::AppState;
use crate::views::Items;

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
pub async fn get(
    state: web::Data<AppState>,
    caller: MaybeAuthUser,
    query: web::Query<BreakdownQuery>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.0.map(|u| u.actor());
    let coverage = query.coverage(actor.as_ref(), Grouping::Commune)?;
    let as_geojson = query.format == Format::Geojson;
    let (communes, outlines) = state
        .statistic(move |app| {
            let communes = app.stats_communes(actor.as_ref(), &coverage, Utc::now())?;
            let outlines = if as_geojson {
                app.outlines()?
            } else {
                Vec::new()
            };
            Ok((communes, outlines))
        })
        .await?;
    let rows = communes.into_iter().map(|c| RowJson {
        key: c.commune.code,
        name: Some(c.commune.full_name),
        name_en: Some(c.commune.full_name_en),
        summary: c.summary,
        engagement: Some(c.engagement),
    });
    if !as_geojson {
        return respond(rows.collect(), query.format, "communes", true);
    }
    Ok(geojson::communes(
        rows.map(|row| (row.key.clone(), row)),
        &outlines,
    ))
}
