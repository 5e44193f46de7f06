use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::auth::jwt::hash_refresh_token;
use crate::error::ApiError;
use crate::state::AppState;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    refresh_token: String,
}

/// `POST /api/v1/auth/logout`: revokes the session the refresh token belongs to (its whole
/// family). Answers 204 even for an unknown token, so logging out twice is harmless; the access
/// token expires on its own within minutes.
pub async fn logout(
    state: web::Data<AppState>,
    body: web::Json<Body>,
) -> Result<HttpResponse, ApiError> {
    let hash = hash_refresh_token(body.refresh_token.trim());
    state
        .db(move |conn| Ok(hientruong_db::users::revoke_by_token(conn, &hash)?))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
