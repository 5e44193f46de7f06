//! `PUT /api/v1/admin/units/{code}`

use actix_web::{HttpResponse, web};
use hientruong_db::admin::{Unit, UnitInput};

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

errors!(PutUnitErrors = [ADMIN, PATH, BODY, &[InvalidDefinition], SERVER]);

/// `PUT /api/v1/admin/units/{code}`: create or update a handling unit.
#[utoipa::path(
    put,
    path = "/api/v1/admin/units/{code}",
    operation_id = "put_unit",
    tag = "administration",
    summary = "Create or update a handling unit",
    description = "`kind`: `commune_committee`, `department` or `ioc`. Administrators only (`403 forbidden` otherwise).",
    params(("code" = String, Path, description = "The unit's code")),
    request_body = UnitInput,
    security(("bearer" = [])),
    responses((status = 200, description = "The unit", body = Unit), PutUnitErrors),
)]
pub async fn put(
    state: web::Data<AppState>,
    caller: AuthUser,
    code: web::Path<String>,
    body: web::Json<UnitInput>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let (code, body) = (code.into_inner(), body.into_inner());
    let unit = state
        .run(move |app| app.put_unit(&actor, &code, &body))
        .await?;
    Ok(HttpResponse::Ok().json(unit))
}
