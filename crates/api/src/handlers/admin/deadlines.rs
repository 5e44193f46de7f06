//! SLA policies and the holiday calendar.

use actix_web::{HttpResponse, web};
use chrono::NaiveDate;
use hientruong_db::sla::{Holiday, PolicyInput, SlaPolicy};
use hientruong_db::stats::Population;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::require_admin;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::handlers::query::{given, invalid};
use crate::state::AppState;

errors!(SlaPoliciesErrors = [ADMIN, SERVER]);

/// `GET /api/v1/admin/sla-policies`
#[utoipa::path(
    get,
    path = "/api/v1/admin/sla-policies",
    operation_id = "sla_policies",
    tag = "administration",
    summary = "The deadline policies",
    description = "Administrators only (`403 forbidden` otherwise).",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The policies", body = Vec<SlaPolicy>),
        SlaPoliciesErrors,
    ),
)]
pub async fn policies(
    state: web::Data<AppState>,
    caller: AuthUser,
) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let policies = state
        .db(|conn| Ok(hientruong_db::sla::policies(conn)?))
        .await?;
    Ok(HttpResponse::Ok().json(policies))
}

errors!(PutSlaPolicyErrors = [ADMIN, BODY, &[InvalidPolicy, UnknownCategory], SERVER]);

/// `PUT /api/v1/admin/sla-policies`: sets the policy of (category or default, urgency).
#[utoipa::path(
    put,
    path = "/api/v1/admin/sla-policies",
    operation_id = "put_sla_policy",
    tag = "administration",
    summary = "Set a deadline policy",
    description = "The policy of (category or default, urgency); it applies to tickets received from now on. Administrators only (`403 forbidden` otherwise).",
    request_body = PolicyInput,
    security(("bearer" = [])),
    responses((status = 200, description = "The policy", body = SlaPolicy), PutSlaPolicyErrors),
)]
pub async fn put_policy(
    state: web::Data<AppState>,
    caller: AuthUser,
    body: web::Json<PolicyInput>,
) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let body = body.into_inner();
    let policy = state
        .db(move |conn| hientruong_db::sla::put_policy(conn, &body))
        .await?;
    Ok(HttpResponse::Ok().json(policy))
}

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
pub async fn holidays(
    state: web::Data<AppState>,
    caller: AuthUser,
    query: web::Query<YearQuery>,
) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    // Years the database's dates can hold are wider, but no calendar is kept outside these.
    let year = given(&query.year)
        .map(|y| {
            y.parse::<i32>()
                .ok()
                .filter(|y| (1..=9999).contains(y))
                .ok_or_else(|| invalid("year must be a number from 1 to 9999"))
        })
        .transpose()?;
    let days = state
        .db(move |conn| Ok(hientruong_db::sla::holidays(conn, year)?))
        .await?;
    Ok(HttpResponse::Ok().json(days))
}

errors!(PutHolidaysErrors = [ADMIN, BODY, &[InvalidDefinition], SERVER]);

/// `PUT /api/v1/admin/holidays`: `[{"day": "2027-02-05", "name": "Tết Nguyên đán"}, ...]` adds
/// days (or renames them). Deadlines computed from now on count them; running ones keep theirs.
#[utoipa::path(
    put,
    path = "/api/v1/admin/holidays",
    operation_id = "put_holidays",
    tag = "administration",
    summary = "Add or rename holidays",
    description = "Deadlines computed from now on count them; running ones keep theirs. Administrators only (`403 forbidden` otherwise).",
    request_body = Vec<Holiday>,
    security(("bearer" = [])),
    responses((status = 204, description = "Stored"), PutHolidaysErrors),
)]
pub async fn put_holidays(
    state: web::Data<AppState>,
    caller: AuthUser,
    body: web::Json<Vec<Holiday>>,
) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let days = body.into_inner();
    state
        .db(move |conn| hientruong_db::sla::put_holidays(conn, &days))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

errors!(DeleteHolidayErrors = [ADMIN, PATH, SERVER]);

/// `DELETE /api/v1/admin/holidays/{day}`
#[utoipa::path(
    delete,
    path = "/api/v1/admin/holidays/{day}",
    operation_id = "delete_holiday",
    tag = "administration",
    summary = "Remove a holiday",
    description = "Administrators only (`403 forbidden` otherwise).",
    params(("day" = chrono::NaiveDate, Path, description = "The day, `YYYY-MM-DD`")),
    security(("bearer" = [])),
    responses((status = 204, description = "Removed"), DeleteHolidayErrors),
)]
pub async fn delete_holiday(
    state: web::Data<AppState>,
    caller: AuthUser,
    day: web::Path<NaiveDate>,
) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let day = day.into_inner();
    state
        .db(move |conn| hientruong_db::sla::delete_holiday(conn, day))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

errors!(PopulationsErrors = [ADMIN, SERVER]);

/// `GET /api/v1/admin/populations`: the communes' populations on record.
#[utoipa::path(
    get,
    path = "/api/v1/admin/populations",
    operation_id = "populations",
    tag = "administration",
    summary = "The communes' populations",
    description = "The basis of the engagement index's participation. Administrators only (`403 forbidden` otherwise).",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The populations on record", body = Vec<Population>),
        PopulationsErrors,
    ),
)]
pub async fn populations(
    state: web::Data<AppState>,
    caller: AuthUser,
) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let rows = state
        .db(|conn| Ok(hientruong_db::stats::populations(conn)?))
        .await?;
    Ok(HttpResponse::Ok().json(rows))
}

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
pub async fn put_population(
    state: web::Data<AppState>,
    caller: AuthUser,
    commune: web::Path<String>,
    body: web::Json<PopulationBody>,
) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let body = body.into_inner();
    let row = hientruong_db::stats::Population {
        commune_code: commune.into_inner(),
        population: body.population,
        as_of: body.as_of,
        source: body.source,
    };
    let saved = state
        .db(move |conn| hientruong_db::stats::put_population(conn, &row))
        .await?;
    Ok(HttpResponse::Ok().json(saved))
}
