//! `PATCH /api/v1/admin/users/{id}`

use actix_web::{HttpResponse, web};
use hientruong_app::AccountChange;
use hientruong_domain::role::Role;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::StaffJson;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[schema(as = StaffAccountChange)]
#[serde(deny_unknown_fields)]
pub struct UpdateBody {
    /// With `unit` when the role needs one.
    #[serde(default)]
    #[schema(value_type = Option<Role>)]
    role: Option<String>,
    #[serde(default)]
    unit: Option<String>,
    /// `true` disables the account at once (its tokens stop working on their next request and
    /// its sessions are revoked); `false` enables it again.
    #[serde(default)]
    disabled: Option<bool>,
}

errors!(
    UpdateStaffErrors = [
        ADMIN,
        PATH,
        BODY,
        &[UnknownRole, UnitRequired, UnknownUnit],
        SERVER
    ]
);

/// `PATCH /api/v1/admin/users/{id}`: change a role and unit, or disable/enable an account.
#[utoipa::path(
    patch,
    path = "/api/v1/admin/users/{id}",
    operation_id = "update_staff",
    tag = "administration",
    summary = "Change or disable an account",
    description = "Changes a role and unit, or disables (at once) or enables an account. Administrators only (`403 forbidden` otherwise).",
    params(("id" = Uuid, Path, description = "The account's id")),
    request_body = UpdateBody,
    security(("bearer" = [])),
    responses((status = 200, description = "The account", body = StaffJson), UpdateStaffErrors),
)]
pub async fn update(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<Uuid>,
    body: web::Json<UpdateBody>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let id = id.into_inner();
    let change = AccountChange {
        role: body.role,
        unit: body.unit,
        disabled: body.disabled,
    };
    let actor = caller.actor();
    let user = state
        .run(move |app| app.update_account(&actor, id, &change))
        .await?;
    Ok(HttpResponse::Ok().json(StaffJson::from(user)))
}
