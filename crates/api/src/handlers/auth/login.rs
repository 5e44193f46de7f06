use actix_web::{HttpResponse, web};
use serde::Deserialize;
use utoipa::ToSchema;

use super::start_session;
use crate::client::ClientAddr;
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
        &[
            InvalidCredentials,
            AccountDisabled,
            AccountLocked,
            RateLimited
        ],
        SERVER
    ]
);

/// `POST /api/v1/auth/login`: counts the attempt against the login's budget from this address and
/// the address's, checks the password, then starts a session.
#[utoipa::path(
    post,
    path = "/api/v1/auth/login",
    operation_id = "login",
    tag = "accounts",
    summary = "Log in",
    description = "Starts a session: an access token (15 minutes) and a refresh token. Public. \
        Every attempt is counted before its password is checked, against the attempts on this \
        login from this client address (by default 10 per 15 minutes, then `429 account_locked` \
        with `Retry-After`; a success clears them, and other addresses are not affected) and \
        against this address's attempts on any login (by default 300 an hour, then \
        `429 rate_limited`). An unknown login is answered exactly as a wrong password is.",
    request_body = Body,
    responses(
        (status = 200, description = "The session", body = super::TokenResponse),
        LoginErrors,
    ),
)]
pub async fn login(
    state: web::Data<AppState>,
    ClientAddr(client): ClientAddr,
    body: web::Json<Body>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let user = state
        .app()
        .log_in(&body.login, client, body.password)
        .await?;
    Ok(HttpResponse::Ok().json(start_session(&state, user).await?))
}
