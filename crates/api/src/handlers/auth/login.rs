use std::time::Duration;

use actix_web::{HttpResponse, web};
use chrono::Utc;
use hientruong_domain::Error;
use hientruong_domain::login::{Login, throttle};
use serde::Deserialize;
use utoipa::ToSchema;

use super::start_session;
use crate::auth::password;
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
    let user = match Login::parse_staff(&body.login) {
        Ok(login) => {
            state
                .db(move |conn| Ok(hientruong_db::users::find_by_login(conn, login.as_str())?))
                .await?
        }
        Err(_) => None,
    };
    let Some(user) = user else {
        // Checked like a wrong password, so that timing does not tell which logins exist.
        password::verify(body.password, None).await?;
        return Err(Error::InvalidCredentials.into());
    };

    // The attempt is counted before the password is checked: parallel guesses count as well.
    let id = user.id;
    let attempt = state
        .db(move |conn| Ok(hientruong_db::users::reserve_attempt(conn, id)?))
        .await?;
    let Some(attempt) = attempt else {
        let secs = user
            .locked_until
            .map(|until| (until - Utc::now()).num_seconds())
            .unwrap_or(60)
            .max(1);
        return Err(
            ApiError::new(Error::AccountLocked).retry_after(u64::try_from(secs).unwrap_or(60))
        );
    };
    let delay = throttle::delay_ms(attempt);
    if delay > 0 {
        actix_web::rt::time::sleep(Duration::from_millis(delay)).await;
    }
    if !password::verify(body.password, Some(user.password_hash.clone())).await? {
        return Err(Error::InvalidCredentials.into());
    }
    if user.disabled_at.is_some() {
        return Err(Error::AccountDisabled.into());
    }
    state
        .db(move |conn| Ok(hientruong_db::users::record_success(conn, id)?))
        .await?;
    Ok(HttpResponse::Ok().json(start_session(&state, user).await?))
}
