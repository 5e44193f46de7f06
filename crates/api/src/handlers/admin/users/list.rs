//! `GET /api/v1/admin/users[?unit=CODE]`

use actix_web::{HttpResponse, web};

use super::StaffJson;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::handlers::query::UnitQuery;
use crate::state::AppState;

errors!(ListStaffErrors = [ADMIN, QUERY, SERVER]);

/// `GET /api/v1/admin/users[?unit=CODE]`: staff accounts.
#[utoipa::path(
    get,
    path = "/api/v1/admin/users",
    operation_id = "list_staff",
    tag = "administration",
    summary = "Staff accounts",
    description = "Administrators only (`403 forbidden` otherwise).",
    params(UnitQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "The accounts", body = Vec<StaffJson>), ListStaffErrors),
)]
pub async fn list(
    state: web::Data<AppState>,
    caller: AuthUser,
    query: web::Query<UnitQuery>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let unit = query.unit().map(str::to_owned);
    let users = state
        .run(move |app| app.staff(&actor, unit.as_deref()))
        .await?;
    Ok(HttpResponse::Ok().json(users.into_iter().map(StaffJson::from).collect::<Vec<_>>()))
}
