//! `GET /api/v1/admin/holidays[?year=YYYY]`

use actix_web::{HttpResponse, web};
use hientruong_db::sla::Holiday;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::handlers::query::{given, invalid};
use crate::state::AppState;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct YearQuery {
    /// Only this year's holidays.
    #[param(value_type = Option<i32>, minimum = 1, maximum = 9999)]
    year: Option<String>,
}

errors!(HolidaysErrors = [ADMIN, QUERY, SERVER]);

/// `GET /api/v1/admin/holidays[?year=2027]`
#[utoipa::path(
    get,
    path = "/api/v1/admin/holidays",
    operation_id = "holidays",
    tag = "administration",
    summary = "The holiday calendar",
    description = "Administrators only (`403 forbidden` otherwise).",
    params(YearQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The holidays, by day", body = Vec<Holiday>),
        HolidaysErrors,
    ),
)]
pub async fn list(
    state: web::Data<AppState>,
    caller: AuthUser,
    query: web::Query<YearQuery>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    // Someone who may not read the calendar is told so before the year is read (the use case
    // asks again).
    actor.check_admin()?;
    // Years the database's dates can hold are wider, but no calendar is kept outside these.
    let year = given(&query.year)
        .map(|y| {
            y.parse::<i32>()
                .ok()
                .filter(|y| (1..=9999).contains(y))
                .ok_or_else(|| invalid("year must be a number from 1 to 9999"))
        })
        .transpose()?;
    let days = state.run(move |app| app.holidays(&actor, year)).await?;
    Ok(HttpResponse::Ok().json(days))
}
