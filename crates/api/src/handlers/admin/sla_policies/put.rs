//! `PUT /api/v1/admin/sla-policies`

use actix_web::{HttpResponse, web};
use hientruong_db::sla::{PolicyInput, SlaPolicy};

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

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
pub async fn put(
    state: web::Data<AppState>,
    caller: AuthUser,
    body: web::Json<PolicyInput>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let body = body.into_inner();
    let policy = state
        .run(move |app| app.put_sla_policy(&actor, &body))
        .await?;
    Ok(HttpResponse::Ok().json(policy))
}
