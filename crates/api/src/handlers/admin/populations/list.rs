//! `GET /api/v1/admin/populations`

use actix_web::{HttpResponse, web};
use hientruong_db::stats::Population;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

errors!(PopulationsErrors = [ADMIN, SERVER]);

/// `GET /api/v1/admin/populations`: the communes' populations on record.
#[utoipa::path(
    get,
    path = "/api/v1/admin/populations",
    operation_id = "populations",
    tag = "administration",
    summary = "The communes' populations",
    description = "The basis of the engagement index's participation. Administrators only (`403 forbidden` otherwise).",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The populations on record", body = Vec<Population>),
        PopulationsErrors,
    ),
)]
pub async fn list(state: web::Data<AppState>, caller: AuthUser) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let rows = state.run(move |app| app.populations(&actor)).await?;
    Ok(HttpResponse::Ok().json(rows))
}
