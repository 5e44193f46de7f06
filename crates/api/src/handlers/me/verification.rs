//! `POST /api/v1/me/verification` and `POST /api/v1/me/verification/confirm`: a resident
//! verifies their new account with the code sent to its login.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::auth::AuthUser;
use crate::client::ClientAddr;
use crate::error::ApiError;
use crate::handlers::auth::UserSummary;
use crate::handlers::errors::errors;
use crate::state::AppState;

errors!(RequestVerificationErrors = [TOKEN, &[AlreadyVerified, RateLimited], SERVER]);

/// `POST /api/v1/me/verification`: sends the caller a new verification code.
#[utoipa::path(
    post,
    path = "/api/v1/me/verification",
    operation_id = "request_verification",
    tag = "accounts",
    summary = "Ask for a new verification code",
    description = "Registering sends a six-digit code to the new account's login (email, or SMS \
        through the configured gateway), valid once for 30 minutes. This sends a new one (the \
        earlier one is void), counted against the account's budget (by default 3 an hour and 10 \
        a day) and the client address's (30 an hour): `429 rate_limited` with `Retry-After` \
        beyond them. `409 already_verified` when the account needs none.",
    security(("bearer" = [])),
    responses((status = 202, description = "A new code is on its way"), RequestVerificationErrors),
)]
pub async fn request(
    state: web::Data<AppState>,
    caller: AuthUser,
    ClientAddr(client): ClientAddr,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    state
        .run(move |app| app.request_verification(&actor, client))
        .await?;
    Ok(HttpResponse::Accepted().finish())
}

#[derive(Deserialize, ToSchema)]
#[schema(as = VerificationConfirmation)]
#[serde(deny_unknown_fields)]
pub struct ConfirmBody {
    /// The six digits received.
    #[schema(pattern = "^[0-9]{6}$")]
    code: String,
}

errors!(ConfirmVerificationErrors = [TOKEN, BODY, &[InvalidVerificationCode], SERVER]);

/// `POST /api/v1/me/verification/confirm`: verifies the caller's account with the code.
#[utoipa::path(
    post,
    path = "/api/v1/me/verification/confirm",
    operation_id = "confirm_verification",
    tag = "accounts",
    summary = "Verify one's account with the code",
    description = "With the code last sent to the caller's login, verifies the account: it may \
        report from now on. A wrong, used or expired code is `422 invalid_verification_code`; a \
        code is void after 5 wrong tries (ask for a new one). An account already verified \
        answers as it is. The answer is the account, `verified: true`.",
    request_body = ConfirmBody,
    security(("bearer" = [])),
    responses((status = 200, description = "The verified account", body = UserSummary), ConfirmVerificationErrors),
)]
pub async fn confirm(
    state: web::Data<AppState>,
    caller: AuthUser,
    body: web::Json<ConfirmBody>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let code = body.into_inner().code;
    let user = state
        .run(move |app| app.confirm_verification(&actor, &code))
        .await?;
    Ok(HttpResponse::Ok().json(UserSummary::from(&user)))
}
