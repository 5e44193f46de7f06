//! `POST /api/v1/me/password`: a new password.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::auth::AuthUser;
use crate::client::ClientAddr;
use crate::error::ApiError;
use crate::handlers::auth::{TokenResponse, start_session};
use crate::handlers::errors::errors;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[schema(as = PasswordChange)]
#[serde(deny_unknown_fields)]
pub struct Body {
    current_password: String,
    /// 8 to 128 characters.
    #[schema(min_length = 8, max_length = 128)]
    new_password: String,
}

errors!(
    ChangePasswordErrors = [
        TOKEN,
        BODY,
        &[WeakPassword, InvalidCredentials, AccountLocked, RateLimited],
        SERVER
    ]
);

/// `POST /api/v1/me/password`: the caller changes their password; every session ends.
#[utoipa::path(
    post,
    path = "/api/v1/me/password",
    operation_id = "change_password",
    tag = "accounts",
    summary = "Change one's password",
    description = "Given the current password (`401 invalid_credentials` otherwise), sets the \
        new one (`422 weak_password` unless 8 to 128 characters) and ends every session of the \
        account on every device. The current password is checked like a login (`429 \
        account_locked` after repeated failures): its refresh tokens are revoked and its access tokens refused. \
        The answer is a new session for the device that asked.",
    request_body = Body,
    security(("bearer" = [])),
    responses((status = 200, description = "A new session", body = TokenResponse), ChangePasswordErrors),
)]
pub async fn change(
    state: web::Data<AppState>,
    caller: AuthUser,
    ClientAddr(client): ClientAddr,
    body: web::Json<Body>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let user = state
        .app()
        .change_password(
            &caller.actor(),
            client,
            body.current_password,
            &body.new_password,
        )
        .await?;
    Ok(HttpResponse::Ok().json(start_session(&state, user).await?))
}
