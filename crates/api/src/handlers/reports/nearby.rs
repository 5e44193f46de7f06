//! `GET /api/v1/reports/nearby`: "already reported?"

use actix_web::{HttpResponse, web};
use hientruong_domain::Error;
use hientruong_domain::report::Position;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::handlers::query::{self, invalid};
use crate::state::AppState;
use crate::views::{Items, NearbyReport};

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct Query {
    /// Latitude of the point (WGS 84).
    #[param(value_type = f64, example = 16.4698)]
    lat: String,
    /// Longitude of the point.
    #[param(value_type = f64, example = 107.5786)]
    lon: String,
    /// The category of the report about to be filed.
    #[param(example = "flooding")]
    category: Option<String>,
}

impl Query {
    fn position(&self) -> Result<Position, ApiError> {
        let number = |v: &str| {
            v.trim()
                .parse::<f64>()
                .map_err(|_| Error::InvalidCoordinates)
        };
        Ok(Position::new(number(&self.lat)?, number(&self.lon)?)?)
    }
}

errors!(NearbyReportsErrors = [QUERY, &[InvalidCoordinates, UnknownCategory], SERVER]);

/// `GET /api/v1/reports/nearby?lat=&lon=&category=`: the open reports of a category near a point.
#[utoipa::path(
    get,
    path = "/api/v1/reports/nearby",
    operation_id = "nearby_reports",
    tag = "reports",
    summary = "Open reports of a category near a point",
    description = "\"Already reported?\": the open reports (not yet resolved, closed, rejected or \
        a duplicate) of the category within its radius of the point (250 m unless an \
        administrator set another, never above 1,000 m), nearest first, at most 5, each the \
        public view with `distance_m`. The app shows them before a resident files the same \
        problem again, who may support one instead (`PUT /reports/{id}/support`). An unknown or \
        inactive category is `422 unknown_category`. Public.",
    params(Query),
    responses(
        (status = 200, description = "The reports, nearest first", body = Items<NearbyReport>),
        NearbyReportsErrors,
    ),
)]
pub async fn nearby(
    state: web::Data<AppState>,
    query: web::Query<Query>,
) -> Result<HttpResponse, ApiError> {
    let at = query.position()?;
    let category =
        query::category(&query.category)?.ok_or_else(|| invalid("category is required"))?;
    let near = state
        .run(move |app| app.nearby((at.lat(), at.lon()), &category))
        .await?;
    let items = near
        .into_iter()
        .map(|(view, distance_m)| NearbyReport {
            public: view.into(),
            distance_m: (distance_m * 10.0).round() / 10.0,
        })
        .collect();
    Ok(HttpResponse::Ok().json(Items { items }))
}
