//! `AuthUser`: the authenticated caller, taken from `Authorization: Bearer <access token>`.

use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use hientruong_domain::Error;
use hientruong_domain::role::Role;
use uuid::Uuid;

use crate::error::ApiError;
use crate::state::AppState;

/// The caller, proven by a valid access token.
#[derive(Debug, Clone)]
pub struct AuthUser {
    pub id: Uuid,
    pub role: Role,
    pub unit: Option<String>,
}

impl AuthUser {
    /// City-wide oversight: IOC operators and administrators.
    pub fn require_ioc_or_admin(&self) -> Result<(), ApiError> {
        if matches!(self.role, Role::IocOperator | Role::Admin) {
            Ok(())
        } else {
            Err(Error::Forbidden.into())
        }
    }

    /// Only residents submit reports through the mobile API.
    pub fn require_resident(&self) -> Result<(), ApiError> {
        if self.role == Role::Resident {
            Ok(())
        } else {
            Err(Error::Forbidden.into())
        }
    }
}

fn authenticate(req: &HttpRequest) -> Result<Option<AuthUser>, ApiError> {
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
    Ok(Some(AuthUser {
        id: claims.sub,
        role: claims.role,
        unit: claims.unit,
    }))
}

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = Ready<Result<AuthUser, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(authenticate(req).and_then(|user| user.ok_or(ApiError::new(Error::MissingToken))))
    }
}

/// The caller when a token is sent, or nobody. A token that is sent but invalid is still an error:
/// silently treating it as anonymous would hide a client's bug.
#[derive(Debug, Clone)]
pub struct MaybeAuthUser(pub Option<AuthUser>);

impl FromRequest for MaybeAuthUser {
    type Error = ApiError;
    type Future = Ready<Result<MaybeAuthUser, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(authenticate(req).map(MaybeAuthUser))
    }
}
