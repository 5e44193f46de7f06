use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use hientruong_db::diesel::Connection;
use hientruong_db::models::User;
use hientruong_domain::Error;
use hientruong_domain::login::{Login, check_password, clean_full_name};
use hientruong_domain::role::Role;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::require_admin;
use crate::auth::{AuthUser, password};
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::handlers::query::UnitQuery;
use crate::state::AppState;

/// A staff account.
#[derive(Serialize, ToSchema)]
#[schema(as = StaffAccount)]
pub struct StaffJson {
    id: Uuid,
    login: String,
    full_name: String,
    #[schema(value_type = Role)]
    role: String,
    unit: Option<String>,
    locale: String,
    disabled: bool,
    created_at: DateTime<Utc>,
}

impl From<User> for StaffJson {
    fn from(u: User) -> StaffJson {
        StaffJson {
            id: u.id,
            login: u.login,
            full_name: u.full_name,
            role: u.role,
            unit: u.unit_code,
            locale: u.locale,
            disabled: u.disabled_at.is_some(),
            created_at: u.created_at,
        }
    }
}

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
    require_admin(&caller)?;
    let unit = query.unit().map(str::to_owned);
    let users = state
        .db(move |conn| Ok(hientruong_db::users::staff(conn, unit.as_deref())?))
        .await?;
    Ok(HttpResponse::Ok().json(users.into_iter().map(StaffJson::from).collect::<Vec<_>>()))
}

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
    require_admin(&caller)?;
    let body = body.into_inner();
    let login = Login::parse_staff(&body.login)?;
    let full_name = clean_full_name(&body.full_name)?;
    check_password(&body.password)?;
    let role = Role::parse_assignable(body.role.trim()).ok_or(ApiError::new(Error::UnknownRole))?;
    role.check_unit(body.unit.as_deref())?;
    let hash = password::hash(body.password).await?;
    let unit = body.unit;
    let user = state
        .db(move |conn| {
            hientruong_db::users::create_staff(
                conn,
                &login,
                &full_name,
                &hash,
                role,
                unit.as_deref(),
            )
        })
        .await?;
    Ok(HttpResponse::Created().json(StaffJson::from(user)))
}

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
    require_admin(&caller)?;
    let body = body.into_inner();
    let id = id.into_inner();
    let role = body
        .role
        .as_deref()
        .map(|r| Role::parse_assignable(r.trim()).ok_or(ApiError::new(Error::UnknownRole)))
        .transpose()?;
    if let Some(r) = role {
        r.check_unit(body.unit.as_deref())?;
    }
    caller
        .actor()
        .check_account_change(id, body.disabled == Some(true), role)?;
    let user = state
        .db(move |conn| {
            conn.transaction(|conn| {
                let mut user = None;
                if let Some(r) = role {
                    if let Some(u) = body.unit.as_deref()
                        && !hientruong_db::users::unit_exists(conn, u)?
                    {
                        return Err(Error::UnknownUnit.into());
                    }
                    user = Some(hientruong_db::users::set_role(
                        conn,
                        id,
                        r.as_str(),
                        body.unit.as_deref(),
                    )?);
                }
                if let Some(disabled) = body.disabled {
                    user = Some(hientruong_db::users::set_disabled(conn, id, disabled)?);
                }
                match user {
                    Some(u) => Ok(u),
                    None => Ok(hientruong_db::users::find_managed(conn, id)?),
                }
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(StaffJson::from(user)))
}
