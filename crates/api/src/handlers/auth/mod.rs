pub mod login;
pub mod logout;
pub mod password_reset;
pub mod refresh;
pub mod register;

use chrono::{Duration, Utc};
use hientruong_db::models::{NewRefreshToken, User};
use hientruong_domain::Error;
use hientruong_domain::role::Role;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::jwt::new_refresh_token;
use crate::error::ApiError;
use crate::state::AppState;

/// The answer to a successful login or refresh.
#[derive(Serialize, ToSchema)]
pub struct TokenResponse {
    /// Sent as `Authorization: Bearer <access_token>`.
    pub access_token: String,
    /// Works once: trade it for a new pair at `POST /auth/refresh`; keep only the newest.
    pub refresh_token: String,
    #[schema(value_type = String, pattern = "^Bearer$")]
    pub token_type: &'static str,
    /// Lifetime of the access token, seconds.
    pub expires_in: i64,
    pub user: UserSummary,
}

/// An account as its owner sees it.
#[derive(Serialize, ToSchema)]
pub struct UserSummary {
    pub id: Uuid,
    /// The normalised login: an email address, or a mobile number as `+84...`.
    pub login: String,
    pub full_name: String,
    #[schema(value_type = Role)]
    pub role: String,
    /// The handling unit of an officer or unit manager.
    pub unit: Option<String>,
    /// `vi` or `en`.
    pub locale: String,
    /// Whether the account is verified. A resident who registered reports (and supports
    /// reports) once they entered the code sent to their login (`POST /me/verification/confirm`);
    /// until then `403 verification_required`.
    pub verified: bool,
}

impl From<&User> for UserSummary {
    fn from(u: &User) -> UserSummary {
        UserSummary {
            id: u.id,
            login: u.login.clone(),
            full_name: u.full_name.clone(),
            role: u.role.clone(),
            unit: u.unit_code.clone(),
            locale: u.locale.clone(),
            verified: u.verified_at.is_some(),
        }
    }
}

fn access_token(state: &AppState, user: &User) -> Result<String, ApiError> {
    let role = Role::parse(&user.role).ok_or(ApiError::new(Error::Internal))?;
    Ok(state
        .tokens
        .issue(user.id, role, user.unit_code.clone(), user.session_epoch)?)
}

fn token_response(
    state: &AppState,
    user: &User,
    refresh_token: String,
) -> Result<TokenResponse, ApiError> {
    Ok(TokenResponse {
        access_token: access_token(state, user)?,
        refresh_token,
        token_type: "Bearer",
        expires_in: state.tokens.access_ttl_secs,
        user: user.into(),
    })
}

/// Starts a new refresh-token family for `user` and answers with both tokens.
pub(crate) async fn start_session(state: &AppState, user: User) -> Result<TokenResponse, ApiError> {
    let (refresh, hash) = new_refresh_token()?;
    let record = NewRefreshToken {
        id: Uuid::new_v4(),
        user_id: user.id,
        family_id: Uuid::new_v4(),
        token_hash: hash,
        expires_at: Utc::now() + Duration::days(state.settings.refresh_ttl_days),
        session_epoch: user.session_epoch,
    };
    state.run(move |app| app.open_session(&record)).await?;
    token_response(state, &user, refresh)
}
