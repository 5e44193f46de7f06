//! `GET /api/v1/admin/routing-rules`

use actix_web::{HttpResponse, web};
use hientruong_db::admin::Rule;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

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
pub async fn list(state: web::Data<AppState>, caller: AuthUser) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let rules = state.run(move |app| app.routing_rules(&actor)).await?;
    Ok(HttpResponse::Ok().json(rules))
}
