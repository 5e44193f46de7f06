//! `AuthUser`: the authenticated caller, taken from `Authorization: Bearer <access token>`.
//!
//! The token proves who the caller is; what they may do is read from their account on every
//! request, so that a disabled account or a changed role takes effect at once rather than when the
//! token expires.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use hientruong_domain::Error;
use hientruong_domain::policy::Actor;
use hientruong_domain::role::Role;
use uuid::Uuid;

use crate::error::ApiError;
use crate::state::AppState;

/// The caller, proven by a valid access token, with the account's current role and unit.
#[derive(Debug, Clone)]
pub struct AuthUser {
    pub id: Uuid,
    pub role: Role,
    pub unit: Option<String>,
}

impl AuthUser {
    /// The caller as the access policy knows them.
    pub fn actor(&self) -> Actor {
        Actor {
            id: self.id,
            role: self.role,
            unit: self.unit.clone(),
        }
    }
}

/// The token's subject and its session epoch, if a token was sent; an invalid token is an error.
fn token_subject(req: &HttpRequest) -> Result<Option<(Uuid, i32)>, ApiError> {
    let Some(value) = req.headers().get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value
        .to_str()
        .map_err(|_| ApiError::new(Error::InvalidToken))?;
    let token = value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))
        .ok_or(ApiError::new(Error::InvalidToken))?;
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or(ApiError::new(Error::Internal))?;
    let claims = state.tokens.verify(token.trim())?;
    Ok(Some((claims.sub, claims.epoch)))
}

async fn authenticate(
    state: Option<web::Data<AppState>>,
    subject: Result<Option<(Uuid, i32)>, ApiError>,
) -> Result<Option<AuthUser>, ApiError> {
    let Some((id, epoch)) = subject? else {
        return Ok(None);
    };
    let state = state.ok_or(ApiError::new(Error::Internal))?;
    let actor = state.run(move |app| app.standing(id, epoch)).await?;
    Ok(Some(AuthUser {
        id: actor.id,
        role: actor.role,
        unit: actor.unit,
    }))
}

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<AuthUser, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let subject = token_subject(req);
        let state = req.app_data::<web::Data<AppState>>().cloned();
        Box::pin(async move {
            authenticate(state, subject)
                .await?
                .ok_or(ApiError::new(Error::MissingToken))
        })
    }
}

/// The caller when a token is sent, or nobody. A token that is sent but invalid is still an error:
/// silently treating it as anonymous would hide a client's bug.
#[derive(Debug, Clone)]
pub struct MaybeAuthUser(pub Option<AuthUser>);

impl FromRequest for MaybeAuthUser {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<MaybeAuthUser, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let subject = token_subject(req);
        let state = req.app_data::<web::Data<AppState>>().cloned();
        Box::pin(async move { authenticate(state, subject).await.map(MaybeAuthUser) })
    }
}
