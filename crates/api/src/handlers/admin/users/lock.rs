//! `POST /api/v1/admin/users/{id}/lock` and `.../unlock`

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::StaffJson;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::admin::ModerationErrors;
use crate::handlers::errors::errors;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[schema(as = LockRequest)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// Why (at most 500 characters): told to the account's user when they log in.
    reason: String,
}

/// `POST /api/v1/admin/users/{id}/lock`: locks an account that sends abusive reports.
#[utoipa::path(
    post,
    path = "/api/v1/admin/users/{id}/lock",
    operation_id = "lock_account",
    tag = "administration",
    summary = "Lock an account for abuse",
    description = "IOC operators lock residents' accounts, administrators anyone's but their \
        own (`403 forbidden` otherwise). The account's sessions end at once; logging in is \
        refused with `403 account_locked_by_staff`, the reason in `detail` (after the right \
        password only). So it can no longer report, support or rate. Reversible: `unlock`.",
    params(("id" = Uuid, Path, description = "The account's id")),
    request_body = Body,
    security(("bearer" = [])),
    responses((status = 200, description = "The account", body = StaffJson), ModerationErrors),
)]
pub async fn lock(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<Uuid>,
    body: web::Json<Body>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let id = id.into_inner();
    let reason = body.into_inner().reason;
    let user = state
        .run(move |app| app.lock_account(&actor, id, Some(&reason)))
        .await?;
    Ok(HttpResponse::Ok().json(StaffJson::from(user)))
}

errors!(UnlockAccountErrors = [TOKEN, &[Forbidden], PATH, SERVER]);

/// `POST /api/v1/admin/users/{id}/unlock`
#[utoipa::path(
    post,
    path = "/api/v1/admin/users/{id}/unlock",
    operation_id = "unlock_account",
    tag = "administration",
    summary = "Unlock an account",
    description = "Who may lock an account may unlock it; it may log in again.",
    params(("id" = Uuid, Path, description = "The account's id")),
    security(("bearer" = [])),
    responses((status = 200, description = "The account", body = StaffJson), UnlockAccountErrors),
)]
pub async fn unlock(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let id = id.into_inner();
    let user = state
        .run(move |app| app.lock_account(&actor, id, None))
        .await?;
    Ok(HttpResponse::Ok().json(StaffJson::from(user)))
}
