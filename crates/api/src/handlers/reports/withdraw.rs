//! `DELETE /api/v1/reports/{id}/support`: a support withdrawn.

use actix_web::{HttpResponse, web};
use uuid::Uuid;

use super::support::SupportJson;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

errors!(WithdrawSupportErrors = [TOKEN, &[Forbidden, OwnReport], PATH, SERVER]);

/// `DELETE /api/v1/reports/{id}/support`: the resident no longer supports the report.
#[utoipa::path(
    delete,
    path = "/api/v1/reports/{id}/support",
    operation_id = "withdraw_support",
    tag = "reports",
    summary = "Withdraw a support",
    description = "The resident's support of the report is withdrawn (none given is no error). \
        Residents only (`403 forbidden` otherwise).",
    params(("id" = Uuid, Path, description = "The report's id")),
    security(("bearer" = [])),
    responses((status = 200, description = "Not supported", body = SupportJson), WithdrawSupportErrors),
)]
pub async fn withdraw(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let (actor, id) = (caller.actor(), id.into_inner());
    let support = state
        .run(move |app| app.withdraw_support(&actor, id))
        .await?;
    Ok(HttpResponse::Ok().json(SupportJson::from(support)))
}
