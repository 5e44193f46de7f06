//! `PUT /api/v1/admin/holidays`

use actix_web::{HttpResponse, web};
use hientruong_db::sla::Holiday;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

errors!(PutHolidaysErrors = [ADMIN, BODY, &[InvalidDefinition], SERVER]);

/// `PUT /api/v1/admin/holidays`: `[{"day": "2027-02-05", "name": "Tết Nguyên đán"}, ...]` adds
/// days (or renames them). Deadlines computed from now on count them; running ones keep theirs.
#[utoipa::path(
    put,
    path = "/api/v1/admin/holidays",
    operation_id = "put_holidays",
    tag = "administration",
    summary = "Add or rename holidays",
    description = "Deadlines computed from now on count them; running ones keep theirs. Administrators only (`403 forbidden` otherwise).",
    request_body = Vec<Holiday>,
    security(("bearer" = [])),
    responses((status = 204, description = "Stored"), PutHolidaysErrors),
)]
pub async fn put(
    state: web::Data<AppState>,
    caller: AuthUser,
    body: web::Json<Vec<Holiday>>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let days = body.into_inner();
    state
        .run(move |app| app.put_holidays(&actor, &days))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
