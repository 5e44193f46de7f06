//! `GET /api/v1/admin/users[?unit=CODE][?q=TEXT]`

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use utoipa::IntoParams;

use super::StaffJson;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::handlers::query::{given, invalid};
use crate::state::AppState;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct UsersQuery {
    /// Staff of this handling unit (administrators).
    unit: Option<String>,
    /// Any account, residents' too, whose login or name contains this (2 to 100 characters;
    /// IOC operators and administrators; at most 50, by login).
    q: Option<String>,
}

errors!(ListStaffErrors = [ADMIN, QUERY, SERVER]);

/// `GET /api/v1/admin/users[?unit=CODE]`: staff accounts.
#[utoipa::path(
    get,
    path = "/api/v1/admin/users",
    operation_id = "list_staff",
    tag = "administration",
    summary = "Staff accounts",
    description = "The staff (optionally of one `unit`): administrators only. With `q`: any \
        account whose login or name contains it, residents included, for IOC operators and \
        administrators (who lock accounts); `403 forbidden` otherwise.",
    params(UsersQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "The accounts", body = Vec<StaffJson>), ListStaffErrors),
)]
pub async fn list(
    state: web::Data<AppState>,
    caller: AuthUser,
    query: web::Query<UsersQuery>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let unit = given(&query.unit).map(str::to_owned);
    let users = match given(&query.q).map(str::trim) {
        Some(q) => {
            let length = q.chars().count();
            if !(2..=100).contains(&length) || unit.is_some() {
                return Err(invalid("q takes 2 to 100 characters, without unit"));
            }
            let q = q.to_owned();
            state.run(move |app| app.find_accounts(&actor, &q)).await?
        }
        None => {
            state
                .run(move |app| app.staff(&actor, unit.as_deref()))
                .await?
        }
    };
    Ok(HttpResponse::Ok().json(users.into_iter().map(StaffJson::from).collect::<Vec<_>>()))
}
