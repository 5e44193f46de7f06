//! `DELETE /api/v1/me`: a resident deletes their account.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::auth::AuthUser;
use crate::client::ClientAddr;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[schema(as = AccountDeletion)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// The account's password, to confirm.
    password: String,
}

errors!(
    DeleteAccountErrors = [
        TOKEN,
        &[Forbidden],
        BODY,
        &[InvalidCredentials, AccountLocked, RateLimited],
        SERVER
    ]
);

/// `DELETE /api/v1/me` `{"password": …}`: the resident's personal data is erased; their reports
/// stay, without identity.
#[utoipa::path(
    delete,
    path = "/api/v1/me",
    operation_id = "delete_account",
    tag = "accounts",
    summary = "Delete one's account",
    description = "A resident deletes their account, confirmed with their password \
        (`401 invalid_credentials` otherwise; checked like a login, `429 account_locked` after \
        repeated failures): their login, name, password, sessions and the \
        emails still queued to them are erased at once, and their reports are kept without \
        identity (docs/privacy.md). The login can be registered again. Staff accounts are \
        disabled by an administrator instead (`403 forbidden`).",
    request_body = Body,
    security(("bearer" = [])),
    responses((status = 204, description = "The account is erased"), DeleteAccountErrors),
)]
pub async fn delete(
    state: web::Data<AppState>,
    caller: AuthUser,
    ClientAddr(client): ClientAddr,
    body: web::Json<Body>,
) -> Result<HttpResponse, ApiError> {
    let password = body.into_inner().password;
    state
        .app()
        .delete_account(&caller.actor(), client, password)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
