//! Handling units, categories and routing rules.

use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use hientruong_db::admin::{CategoryInput, Rule, RuleInput, Unit, UnitInput};
use hientruong_db::models::Category;
use hientruong_domain::Error;
use serde::Deserialize;
use utoipa::ToSchema;

use super::require_admin;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

errors!(AdminUnitsErrors = [ADMIN, SERVER]);

/// `GET /api/v1/admin/units`
#[utoipa::path(
    get,
    path = "/api/v1/admin/units",
    operation_id = "admin_units",
    tag = "administration",
    summary = "All handling units",
    description = "Inactive ones included, with their mailboxes. Administrators only (`403 forbidden` otherwise).",
    security(("bearer" = [])),
    responses((status = 200, description = "The units", body = Vec<Unit>), AdminUnitsErrors),
)]
pub async fn units(state: web::Data<AppState>, caller: AuthUser) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let units = state
        .db(|conn| Ok(hientruong_db::admin::units(conn)?))
        .await?;
    Ok(HttpResponse::Ok().json(units))
}

errors!(PutUnitErrors = [ADMIN, PATH, BODY, &[InvalidDefinition], SERVER]);

/// `PUT /api/v1/admin/units/{code}`: create or update a handling unit.
#[utoipa::path(
    put,
    path = "/api/v1/admin/units/{code}",
    operation_id = "put_unit",
    tag = "administration",
    summary = "Create or update a handling unit",
    description = "`kind`: `commune_committee`, `department` or `ioc`. Administrators only (`403 forbidden` otherwise).",
    params(("code" = String, Path, description = "The unit's code")),
    request_body = UnitInput,
    security(("bearer" = [])),
    responses((status = 200, description = "The unit", body = Unit), PutUnitErrors),
)]
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

errors!(AdminCategoriesErrors = [ADMIN, SERVER]);

/// `GET /api/v1/admin/categories`: all categories, inactive ones included.
#[utoipa::path(
    get,
    path = "/api/v1/admin/categories",
    operation_id = "admin_categories",
    tag = "administration",
    summary = "All categories",
    description = "Inactive ones included. Administrators only (`403 forbidden` otherwise).",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The categories", body = Vec<Category>),
        AdminCategoriesErrors,
    ),
)]
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

errors!(PutCategoryErrors = [ADMIN, PATH, BODY, &[InvalidDefinition], SERVER]);

/// `PUT /api/v1/admin/categories/{code}`: create or update a category.
#[utoipa::path(
    put,
    path = "/api/v1/admin/categories/{code}",
    operation_id = "put_category",
    tag = "administration",
    summary = "Create or update a category",
    description = "The code: lower-case letters, digits and hyphens. Administrators only (`403 forbidden` otherwise).",
    params(("code" = String, Path, description = "The category's code", pattern = "^[a-z][a-z0-9_]{1,63}$")),
    request_body = CategoryInput,
    security(("bearer" = [])),
    responses((status = 200, description = "The category", body = Category), PutCategoryErrors),
)]
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

errors!(RoutingRulesErrors = [ADMIN, SERVER]);

/// `GET /api/v1/admin/routing-rules`: every rule, ended ones included.
#[utoipa::path(
    get,
    path = "/api/v1/admin/routing-rules",
    operation_id = "routing_rules",
    tag = "administration",
    summary = "All routing rules",
    description = "Ended ones included. Administrators only (`403 forbidden` otherwise).",
    security(("bearer" = [])),
    responses((status = 200, description = "The rules", body = Vec<Rule>), RoutingRulesErrors),
)]
pub async fn rules(state: web::Data<AppState>, caller: AuthUser) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let rules = state
        .db(|conn| Ok(hientruong_db::admin::rules(conn)?))
        .await?;
    Ok(HttpResponse::Ok().json(rules))
}

errors!(AddRoutingRuleErrors = [ADMIN, BODY, &[UnknownCategory, UnknownUnit], SERVER]);

/// `POST /api/v1/admin/routing-rules`: a new rule (a change is a new rule and the end of the
/// old one).
#[utoipa::path(
    post,
    path = "/api/v1/admin/routing-rules",
    operation_id = "add_routing_rule",
    tag = "administration",
    summary = "Add a routing rule",
    description = "A change is a new rule and the end of the old one. Administrators only (`403 forbidden` otherwise).",
    request_body = RuleInput,
    security(("bearer" = [])),
    responses((status = 201, description = "The rule", body = Rule), AddRoutingRuleErrors),
)]
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

#[derive(Deserialize, ToSchema)]
#[schema(as = RuleEnd)]
#[serde(deny_unknown_fields)]
pub struct EndBody {
    /// Default: now.
    #[serde(default)]
    valid_to: Option<DateTime<Utc>>,
}

errors!(EndRoutingRuleErrors = [ADMIN, PATH, BODY, &[InvalidPeriod], SERVER]);

/// `POST /api/v1/admin/routing-rules/{id}/end`
#[utoipa::path(
    post,
    path = "/api/v1/admin/routing-rules/{id}/end",
    operation_id = "end_routing_rule",
    tag = "administration",
    summary = "End a routing rule",
    description = "Administrators only (`403 forbidden` otherwise).",
    params(("id" = i64, Path, description = "The rule's id")),
    request_body = EndBody,
    security(("bearer" = [])),
    responses((status = 200, description = "The rule", body = Rule), EndRoutingRuleErrors),
)]
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
