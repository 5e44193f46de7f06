//! `GET /api/v1/admin/units`

use actix_web::{HttpResponse, web};
use hientruong_db::admin::Unit;

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
pub async fn list(state: web::Data<AppState>, caller: AuthUser) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let units = state.run(move |app| app.all_units(&actor)).await?;
    Ok(HttpResponse::Ok().json(units))
}
