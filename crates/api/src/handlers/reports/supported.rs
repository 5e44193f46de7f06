//! `GET /api/v1/reports/{id}/support`: whether the caller supports a report.

use actix_web::{HttpResponse, web};
use uuid::Uuid;

use super::support::SupportJson;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

errors!(GetSupportErrors = [TOKEN, PATH, SERVER]);

/// `GET /api/v1/reports/{id}/support`: the caller's support of a report (for the app's button).
#[utoipa::path(
    get,
    path = "/api/v1/reports/{id}/support",
    operation_id = "get_support",
    tag = "reports",
    summary = "Whether the caller supports a report",
    description = "`supported` says whether the caller supports the report, `support_count` how \
        many residents do. Any logged-in user.",
    params(("id" = Uuid, Path, description = "The report's id")),
    security(("bearer" = [])),
    responses((status = 200, description = "The caller's support", body = SupportJson), GetSupportErrors),
)]
pub async fn supported(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let (actor, id) = (caller.actor(), id.into_inner());
    let support = state.run(move |app| app.support_of(&actor, id)).await?;
    Ok(HttpResponse::Ok().json(SupportJson::from(support)))
}
