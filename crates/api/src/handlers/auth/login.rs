use actix_web::{HttpResponse, web};
use hientruong_app::sessions::Attempt;
use hientruong_domain::Error;
use serde::Deserialize;
use utoipa::ToSchema;

use super::start_session;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[schema(as = LoginRequest)]
#[serde(deny_unknown_fields)]
pub struct Body {
    login: String,
    password: String,
}

errors!(
    LoginErrors = [
        BODY,
        &[InvalidCredentials, AccountDisabled, AccountLocked],
        SERVER
    ]
);

/// `POST /api/v1/auth/login`: counts the attempt, holds back repeated ones, locks the account for
/// a while after too many, checks the password, then starts a session.
#[utoipa::path(
    post,
    path = "/api/v1/auth/login",
    operation_id = "login",
    tag = "accounts",
    summary = "Log in",
    description = "Starts a session: an access token (15 minutes) and a refresh token. Public. \
        Every attempt is counted before its password is checked; from the third consecutive \
        failure each answer is held back longer, and the tenth locks the account for 15 minutes \
        (`429 account_locked` with `Retry-After`).",
    request_body = Body,
    responses(
        (status = 200, description = "The session", body = super::TokenResponse),
        LoginErrors,
    ),
)]
pub async fn login(
    state: web::Data<AppState>,
    body: web::Json<Body>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    match state.app().log_in(&body.login, body.password).await? {
        Attempt::Welcome(user) => Ok(HttpResponse::Ok().json(start_session(&state, *user).await?)),
        Attempt::Locked { retry_after_secs } => {
            Err(ApiError::new(Error::AccountLocked).retry_after(retry_after_secs))
        }
    }
}
