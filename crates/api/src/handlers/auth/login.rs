use std::time::Duration;

use actix_web::{HttpResponse, web};
use chrono::Utc;
use hientruong_domain::Error;
use hientruong_domain::login::{Login, throttle};
use serde::Deserialize;

use super::start_session;
use crate::auth::password;
use crate::error::ApiError;
use crate::state::AppState;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    login: String,
    password: String,
}

/// `POST /api/v1/auth/login`: checks the password, slows down repeated failures and locks the
/// account for a while after too many, then starts a session.
pub async fn login(
    state: web::Data<AppState>,
    body: web::Json<Body>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    // A login that cannot exist is checked like a wrong password, without revealing which it was.
    let canonical = Login::parse(&body.login)
        .map(|l| l.as_str().to_owned())
        .unwrap_or(body.login);
    let user = state
        .db(move |conn| Ok(hientruong_db::users::find_by_login(conn, &canonical)?))
        .await?;

    if let Some(until) = user
        .as_ref()
        .and_then(|u| u.locked_until)
        .filter(|t| *t > Utc::now())
    {
        let secs = (until - Utc::now()).num_seconds().max(1);
        return Err(
            ApiError::new(Error::AccountLocked).retry_after(u64::try_from(secs).unwrap_or(1))
        );
    }
    let ok = password::verify(
        body.password,
        user.as_ref().map(|u| u.password_hash.clone()),
    )
    .await?;
    let Some(user) = user else {
        return Err(Error::InvalidCredentials.into());
    };
    if !ok {
        let id = user.id;
        let updated = state
            .db(move |conn| Ok(hientruong_db::users::record_failure(conn, id)?))
            .await?;
        let delay = throttle::delay_ms(updated.failed_logins);
        if delay > 0 {
            actix_web::rt::time::sleep(Duration::from_millis(delay)).await;
        }
        return Err(Error::InvalidCredentials.into());
    }
    if user.disabled_at.is_some() {
        return Err(Error::AccountDisabled.into());
    }
    if user.failed_logins > 0 {
        let id = user.id;
        state
            .db(move |conn| Ok(hientruong_db::users::record_success(conn, id)?))
            .await?;
    }
    Ok(HttpResponse::Ok().json(start_session(&state, user).await?))
}
