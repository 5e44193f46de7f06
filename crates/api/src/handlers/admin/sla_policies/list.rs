//! `GET /api/v1/admin/sla-policies`

use actix_web::{HttpResponse, web};
use hientruong_db::sla::SlaPolicy;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
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
pub async fn list(state: web::Data<AppState>, caller: AuthUser) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let policies = state.run(move |app| app.sla_policies(&actor)).await?;
    Ok(HttpResponse::Ok().json(policies))
}
