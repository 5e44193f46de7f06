//! Handling units, categories and routing rules.

use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use hientruong_db::admin::{CategoryInput, RuleInput, UnitInput};
use hientruong_domain::Error;
use serde::Deserialize;

use super::require_admin;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::state::AppState;

/// `GET /api/v1/admin/units`
pub async fn units(state: web::Data<AppState>, caller: AuthUser) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let units = state
        .db(|conn| Ok(hientruong_db::admin::units(conn)?))
        .await?;
    Ok(HttpResponse::Ok().json(units))
}

/// `PUT /api/v1/admin/units/{code}`: create or update a handling unit.
pub async fn put_unit(
    state: web::Data<AppState>,
    caller: AuthUser,
    code: web::Path<String>,
    body: web::Json<UnitInput>,
) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let code = code.into_inner();
    let body = body.into_inner();
    let unit = state
        .db(move |conn| hientruong_db::admin::put_unit(conn, &code, &body))
        .await?;
    Ok(HttpResponse::Ok().json(unit))
}

/// `GET /api/v1/admin/categories`: all categories, inactive ones included.
pub async fn categories(
    state: web::Data<AppState>,
    caller: AuthUser,
) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let categories = state
        .db(|conn| Ok(hientruong_db::admin::all_categories(conn)?))
        .await?;
    Ok(HttpResponse::Ok().json(categories))
}

/// `PUT /api/v1/admin/categories/{code}`: create or update a category.
pub async fn put_category(
    state: web::Data<AppState>,
    caller: AuthUser,
    code: web::Path<String>,
    body: web::Json<CategoryInput>,
) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let code = code.into_inner();
    if !hientruong_domain::report::is_code(&code) {
        return Err(Error::InvalidDefinition.into());
    }
    let body = body.into_inner();
    let category = state
        .db(move |conn| hientruong_db::admin::put_category(conn, &code, &body))
        .await?;
    Ok(HttpResponse::Ok().json(category))
}

/// `GET /api/v1/admin/routing-rules`: every rule, ended ones included.
pub async fn rules(state: web::Data<AppState>, caller: AuthUser) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let rules = state
        .db(|conn| Ok(hientruong_db::admin::rules(conn)?))
        .await?;
    Ok(HttpResponse::Ok().json(rules))
}

/// `POST /api/v1/admin/routing-rules`: a new rule (a change is a new rule and the end of the
/// old one).
pub async fn add_rule(
    state: web::Data<AppState>,
    caller: AuthUser,
    body: web::Json<RuleInput>,
) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let body = body.into_inner();
    let rule = state
        .db(move |conn| hientruong_db::admin::add_rule(conn, &body))
        .await?;
    Ok(HttpResponse::Created().json(rule))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndBody {
    /// Default: now.
    #[serde(default)]
    valid_to: Option<DateTime<Utc>>,
}

/// `POST /api/v1/admin/routing-rules/{id}/end`
pub async fn end_rule(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    body: web::Json<EndBody>,
) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let id = id.into_inner();
    let at = body.valid_to.unwrap_or_else(Utc::now);
    let rule = state
        .db(move |conn| hientruong_db::admin::end_rule(conn, id, at))
        .await?;
    Ok(HttpResponse::Ok().json(rule))
}
