//! `POST /api/v1/admin/routing-rules`

use actix_web::{HttpResponse, web};
use hientruong_db::admin::{Rule, RuleInput};

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

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
pub async fn add(
    state: web::Data<AppState>,
    caller: AuthUser,
    body: web::Json<RuleInput>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let body = body.into_inner();
    let rule = state
        .run(move |app| app.add_routing_rule(&actor, &body))
        .await?;
    Ok(HttpResponse::Created().json(rule))
}
