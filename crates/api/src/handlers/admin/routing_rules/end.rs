//! `POST /api/v1/admin/routing-rules/{id}/end`

use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use hientruong_db::admin::Rule;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

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
pub async fn end(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    body: web::Json<EndBody>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let id = id.into_inner();
    let at = body.valid_to.unwrap_or_else(Utc::now);
    let rule = state
        .run(move |app| app.end_routing_rule(&actor, id, at))
        .await?;
    Ok(HttpResponse::Ok().json(rule))
}
