use actix_web::{HttpResponse, web};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::auth::jwt::hash_refresh_token;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[schema(as = LogoutRequest)]
#[serde(deny_unknown_fields)]
pub struct Body {
    refresh_token: String,
}

errors!(LogoutErrors = [BODY, SERVER]);

/// `POST /api/v1/auth/logout`: revokes the session the refresh token belongs to (its whole
/// family). Answers 204 even for an unknown token, so logging out twice is harmless; the access
/// token expires on its own within minutes.
#[utoipa::path(
    post,
    path = "/api/v1/auth/logout",
    operation_id = "logout",
    tag = "accounts",
    summary = "Log out",
    description = "Revokes the refresh token's session (its whole family). Unknown tokens answer \
        `204` too, so logging out twice is harmless. Public: the refresh token is the credential.",
    request_body = Body,
    responses(
        (status = 204, description = "The session is revoked (or never existed)"),
        LogoutErrors,
    ),
)]
pub async fn logout(
    state: web::Data<AppState>,
    body: web::Json<Body>,
) -> Result<HttpResponse, ApiError> {
    let hash = hash_refresh_token(body.refresh_token.trim());
    state.run(move |app| app.close_session(&hash)).await?;
    Ok(HttpResponse::NoContent().finish())
}
