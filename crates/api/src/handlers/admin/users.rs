use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use hientruong_db::diesel::Connection;
use hientruong_db::models::User;
use hientruong_domain::Error;
use hientruong_domain::login::{Login, check_password, clean_full_name};
use hientruong_domain::role::Role;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::require_admin;
use crate::auth::{AuthUser, password};
use crate::error::ApiError;
use crate::handlers::query::UnitQuery;
use crate::state::AppState;

#[derive(Serialize)]
pub struct StaffJson {
    id: Uuid,
    login: String,
    full_name: String,
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

/// `GET /api/v1/admin/users[?unit=CODE]`: staff accounts.
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateBody {
    login: String,
    full_name: String,
    password: String,
    role: String,
    #[serde(default)]
    unit: Option<String>,
}

/// `POST /api/v1/admin/users`: a staff account (the same as `hientruong user create`).
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateBody {
    /// With `unit` when the role needs one.
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    unit: Option<String>,
    /// `true` disables the account at once (its tokens stop working on their next request and
    /// its sessions are revoked); `false` enables it again.
    #[serde(default)]
    disabled: Option<bool>,
}

/// `PATCH /api/v1/admin/users/{id}`: change a role and unit, or disable/enable an account.
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
                    None => Ok(hientruong_db::users::find(conn, id)?),
                }
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(StaffJson::from(user)))
}
