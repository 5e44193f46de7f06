use actix_web::{HttpResponse, web};
use chrono::Duration;
use hientruong_db::users::Rotation;
use hientruong_domain::Error;
use serde::Deserialize;
use utoipa::ToSchema;

use super::token_response;
use crate::auth::jwt::{hash_refresh_token, successor_refresh_token};
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[schema(as = RefreshRequest)]
#[serde(deny_unknown_fields)]
pub struct Body {
    refresh_token: String,
}

errors!(RefreshErrors = [BODY, &[InvalidRefreshToken, RefreshTokenReused], SERVER]);

/// `POST /api/v1/auth/refresh`: trades a refresh token for a new pair. Each refresh token works
/// once; presenting one again revokes every token descended from the same login.
#[utoipa::path(
    post,
    path = "/api/v1/auth/refresh",
    operation_id = "refresh",
    tag = "accounts",
    summary = "Trade a refresh token for a new pair",
    description = "Each refresh token works once. Within 10 seconds of its first use it may be \
        presented again (a retry after a lost answer) and gets the same new pair's refresh token; \
        presented later, it revokes the whole session (`401 refresh_token_reused`). Public.",
    request_body = Body,
    responses(
        (status = 200, description = "The new pair", body = super::TokenResponse),
        RefreshErrors,
    ),
)]
pub async fn refresh(
    state: web::Data<AppState>,
    body: web::Json<Body>,
) -> Result<HttpResponse, ApiError> {
    let presented_token = body.refresh_token.trim();
    let presented = hash_refresh_token(presented_token);
    let (next, next_hash) = successor_refresh_token(&state.settings.jwt_secret, presented_token)?;
    let ttl = Duration::days(state.settings.refresh_ttl_days);
    let rotation = state
        .run(move |app| app.refresh_session(&presented, next_hash, ttl))
        .await?;
    match rotation {
        Rotation::Rotated(user) => {
            Ok(HttpResponse::Ok().json(token_response(&state, &user, next)?))
        }
        Rotation::Reused => {
            tracing::warn!("a used refresh token was presented again; its family is revoked");
            Err(Error::RefreshTokenReused.into())
        }
        Rotation::Invalid => Err(Error::InvalidRefreshToken.into()),
    }
}
