//! `POST /api/v1/auth/password-reset` and `POST /api/v1/auth/password-reset/confirm`: a forgotten
//! password, by a code sent to the login.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::client::ClientAddr;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[schema(as = PasswordResetRequest)]
#[serde(deny_unknown_fields)]
pub struct RequestBody {
    /// The email address or phone number the account logs in with.
    login: String,
}

errors!(RequestResetErrors = [BODY, &[RateLimited], SERVER]);

/// `POST /api/v1/auth/password-reset`: sends a code to the login, if an account has it.
#[utoipa::path(
    post,
    path = "/api/v1/auth/password-reset",
    operation_id = "request_password_reset",
    tag = "accounts",
    summary = "Ask for a password-reset code",
    description = "Public. When an enabled account logs in with this email address or phone \
        number, a six-digit code is sent to it (email, or SMS through the configured gateway), \
        valid once for 15 minutes; a new code voids the earlier ones. The answer is `202` \
        whether or not an account has the login. Counted against the login's budget (by default \
        3 an hour and 10 a day) and the client address's (30 an hour): `429 rate_limited` with \
        `Retry-After` beyond them.",
    request_body = RequestBody,
    responses((status = 202, description = "Sent, if an account has the login"), RequestResetErrors),
)]
pub async fn request(
    state: web::Data<AppState>,
    ClientAddr(client): ClientAddr,
    body: web::Json<RequestBody>,
) -> Result<HttpResponse, ApiError> {
    let login = body.into_inner().login;
    state
        .run(move |app| app.request_password_reset(&login, client))
        .await?;
    Ok(HttpResponse::Accepted().finish())
}

#[derive(Deserialize, ToSchema)]
#[schema(as = PasswordResetConfirmation)]
#[serde(deny_unknown_fields)]
pub struct ConfirmBody {
    login: String,
    /// The six digits received.
    #[schema(pattern = "^[0-9]{6}$")]
    code: String,
    /// 8 to 128 characters.
    #[schema(min_length = 8, max_length = 128)]
    new_password: String,
}

errors!(ConfirmResetErrors = [BODY, &[WeakPassword, InvalidResetCode], SERVER]);

/// `POST /api/v1/auth/password-reset/confirm`: sets a new password with the code.
#[utoipa::path(
    post,
    path = "/api/v1/auth/password-reset/confirm",
    operation_id = "confirm_password_reset",
    tag = "accounts",
    summary = "Set a new password with a reset code",
    description = "Public. With the login's open code, sets `new_password` (`204`); the code is \
        spent, every session of the account ends (log in again), and the failed logins on this login from this address are forgotten, so a login locked by guessing opens again. A wrong, used or expired \
        code, or a login without a code, is `422 invalid_reset_code`; after 5 wrong tries the \
        code is void (ask for a new one).",
    request_body = ConfirmBody,
    responses((status = 204, description = "The password is set"), ConfirmResetErrors),
)]
pub async fn confirm(
    state: web::Data<AppState>,
    ClientAddr(client): ClientAddr,
    body: web::Json<ConfirmBody>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    state
        .app()
        .confirm_password_reset(&body.login, &body.code, &body.new_password, client)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
