use actix_web::{HttpResponse, web};
use hientruong_domain::login::NewAccount;
use serde::Deserialize;
use utoipa::ToSchema;

use super::UserSummary;
use crate::client::ClientAddr;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[schema(as = RegisterRequest)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// An email address or a Vietnamese mobile number (`0905123456`, `+84905123456`...).
    #[schema(example = "0905 123 456")]
    login: String,
    /// 8 to 128 characters.
    #[schema(min_length = 8, max_length = 128)]
    password: String,
    /// Not empty, at most 100 characters.
    #[schema(min_length = 1, max_length = 100)]
    full_name: String,
    /// `vi` (default) or `en`; anything else counts as `vi`.
    #[serde(default)]
    locale: Option<String>,
}

errors!(
    RegisterErrors = [
        BODY,
        &[
            InvalidLogin,
            WeakPassword,
            InvalidFullName,
            LoginTaken,
            RateLimited
        ],
        SERVER
    ]
);

/// `POST /api/v1/auth/register`: a resident account from an email or a Vietnamese mobile number.
#[utoipa::path(
    post,
    path = "/api/v1/auth/register",
    operation_id = "register",
    tag = "accounts",
    summary = "Register a resident account",
    description = "A resident account from an email address or a Vietnamese mobile number \
        (`0905123456`, `+84905123456` and `84-905-123-456` are the same account, stored as \
        `+84905123456`). Public. A six-digit code is sent to the login (email, or SMS through \
        the configured gateway), valid once for 30 minutes: the account reports once it is \
        verified with it (`POST /me/verification/confirm`; `verified` says whether it is).",
    request_body = Body,
    responses((status = 201, description = "The account", body = UserSummary), RegisterErrors),
)]
pub async fn register(
    state: web::Data<AppState>,
    ClientAddr(client): ClientAddr,
    body: web::Json<Body>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let new = NewAccount {
        login: &body.login,
        full_name: &body.full_name,
        password: &body.password,
    };
    let locale = match body.locale.as_deref() {
        Some("en") => "en",
        _ => "vi",
    };
    let user = state.app().register(new, client, locale).await?;
    Ok(HttpResponse::Created().json(UserSummary::from(&user)))
}
