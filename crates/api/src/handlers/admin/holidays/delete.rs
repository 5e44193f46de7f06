//! `DELETE /api/v1/admin/holidays/{day}`

use actix_web::{HttpResponse, web};
use chrono::NaiveDate;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

errors!(DeleteHolidayErrors = [ADMIN, PATH, SERVER]);

/// `DELETE /api/v1/admin/holidays/{day}`
#[utoipa::path(
    delete,
    path = "/api/v1/admin/holidays/{day}",
    operation_id = "delete_holiday",
    tag = "administration",
    summary = "Remove a holiday",
    description = "Administrators only (`403 forbidden` otherwise).",
    params(("day" = chrono::NaiveDate, Path, description = "The day, `YYYY-MM-DD`")),
    security(("bearer" = [])),
    responses((status = 204, description = "Removed"), DeleteHolidayErrors),
)]
pub async fn delete(
    state: web::Data<AppState>,
    caller: AuthUser,
    day: web::Path<NaiveDate>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let day = day.into_inner();
    state
        .run(move |app| app.delete_holiday(&actor, day))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
