//! `POST /api/v1/admin/users`

use actix_web::{HttpResponse, web};
use hientruong_domain::login::NewAccount;
use hientruong_domain::role::Role;
use serde::Deserialize;
use utoipa::ToSchema;

use super::StaffJson;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[schema(as = StaffAccountRequest)]
#[serde(deny_unknown_fields)]
pub struct CreateBody {
    /// A user name, an email address or a mobile number.
    login: String,
    #[schema(min_length = 1, max_length = 100)]
    full_name: String,
    /// 8 to 128 characters.
    #[schema(min_length = 8, max_length = 128)]
    password: String,
    /// `officer`, `unit_manager`, `ioc_operator` or `admin`.
    #[schema(value_type = Role)]
    role: String,
    /// The unit of an officer or unit manager (and of no other role).
    #[serde(default)]
    unit: Option<String>,
}

errors!(
    CreateStaffErrors = [
        ADMIN,
        BODY,
        &[
            InvalidLogin,
            InvalidFullName,
            WeakPassword,
            UnknownRole,
            UnitRequired,
            UnknownUnit,
            LoginTaken
        ],
        SERVER
    ]
);

/// `POST /api/v1/admin/users`: a staff account (the same as `hientruong user create`).
#[utoipa::path(
    post,
    path = "/api/v1/admin/users",
    operation_id = "create_staff",
    tag = "administration",
    summary = "Create a staff account",
    description = "The same as `hientruong user create`. Administrators only (`403 forbidden` otherwise).",
    request_body = CreateBody,
    security(("bearer" = [])),
    responses((status = 201, description = "The account", body = StaffJson), CreateStaffErrors),
)]
pub async fn create(
    state: web::Data<AppState>,
    caller: AuthUser,
    body: web::Json<CreateBody>,
) -> Result<HttpResponse, ApiError> {
    let new = NewAccount {
        login: &body.login,
        full_name: &body.full_name,
        password: &body.password,
    };
    let user = state
        .app()
        .create_account(&caller.actor(), new, &body.role, body.unit.as_deref())
        .await?;
    Ok(HttpResponse::Created().json(StaffJson::from(user)))
}
