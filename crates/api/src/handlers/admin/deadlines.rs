//! SLA policies and the holiday calendar.

use actix_web::{HttpResponse, web};
use chrono::NaiveDate;
use hientruong_db::sla::{Holiday, PolicyInput};
use serde::Deserialize;

use super::require_admin;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::query::{given, invalid};
use crate::state::AppState;

/// `GET /api/v1/admin/sla-policies`
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

/// `PUT /api/v1/admin/sla-policies`: sets the policy of (category or default, urgency).
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearQuery {
    year: Option<String>,
}

/// `GET /api/v1/admin/holidays[?year=2027]`
pub async fn holidays(
    state: web::Data<AppState>,
    caller: AuthUser,
    query: web::Query<YearQuery>,
) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let year = given(&query.year)
        .map(|y| {
            y.parse::<i32>()
                .map_err(|_| invalid("year must be a number"))
        })
        .transpose()?;
    let days = state
        .db(move |conn| Ok(hientruong_db::sla::holidays(conn, year)?))
        .await?;
    Ok(HttpResponse::Ok().json(days))
}

/// `PUT /api/v1/admin/holidays`: `[{"day": "2027-02-05", "name": "Tết Nguyên đán"}, ...]` adds
/// days (or renames them). Deadlines computed from now on count them; running ones keep theirs.
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

/// `DELETE /api/v1/admin/holidays/{day}`
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

/// `GET /api/v1/admin/populations`: the communes' populations on record.
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PopulationBody {
    population: i32,
    as_of: NaiveDate,
    #[serde(default)]
    source: Option<String>,
}

/// `PUT /api/v1/admin/populations/{commune}` `{"population", "as_of", "source"?}`: the basis of
/// the engagement index's participation per 1,000 residents.
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
