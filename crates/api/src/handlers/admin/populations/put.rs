//! `PUT /api/v1/admin/populations/{commune}`

use actix_web::{HttpResponse, web};
use chrono::NaiveDate;
use hientruong_db::stats::Population;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[schema(as = PopulationRequest)]
#[serde(deny_unknown_fields)]
pub struct PopulationBody {
    #[schema(minimum = 1)]
    population: i32,
    as_of: NaiveDate,
    /// Where the figure comes from; at most 500 characters.
    #[serde(default)]
    #[schema(max_length = 500)]
    source: Option<String>,
}

errors!(PutPopulationErrors = [ADMIN, PATH, BODY, &[InvalidDefinition], SERVER]);

/// `PUT /api/v1/admin/populations/{commune}` `{"population", "as_of", "source"?}`: the basis of
/// the engagement index's participation per 1,000 residents.
#[utoipa::path(
    put,
    path = "/api/v1/admin/populations/{commune}",
    operation_id = "put_population",
    tag = "administration",
    summary = "Set a commune's population",
    description = "Administrators only (`403 forbidden` otherwise).",
    params(("commune" = String, Path, description = "The commune's 5-digit code")),
    request_body = PopulationBody,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The population on record", body = Population),
        PutPopulationErrors,
    ),
)]
pub async fn put(
    state: web::Data<AppState>,
    caller: AuthUser,
    commune: web::Path<String>,
    body: web::Json<PopulationBody>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let body = body.into_inner();
    let row = hientruong_db::stats::Population {
        commune_code: commune.into_inner(),
        population: body.population,
        as_of: body.as_of,
        source: body.source,
    };
    let saved = state
        .run(move |app| app.put_population(&actor, &row))
        .await?;
    Ok(HttpResponse::Ok().json(saved))
}
