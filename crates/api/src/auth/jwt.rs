//! Short-lived signed access tokens (JWT, HS256) and opaque refresh tokens.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::Utc;
use hientruong_domain::Error;
use hientruong_domain::role::Role;
use hmac::{Hmac, KeyInit, Mac};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

const ISSUER: &str = "hientruong";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    /// The user id.
    pub sub: Uuid,
    pub role: Role,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub unit: Option<String>,
    pub iat: i64,
    pub exp: i64,
    pub iss: String,
    pub jti: Uuid,
    /// The account's session epoch when issued: one below the account's current epoch means its
    /// sessions have ended since (a changed password, "log out everywhere").
    #[serde(default)]
    pub epoch: i32,
}

pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    pub access_ttl_secs: i64,
}

impl TokenKeys {
    pub fn new(secret: &[u8], access_ttl_secs: i64) -> TokenKeys {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.leeway = 5;
        validation.set_required_spec_claims(&["exp", "sub", "iss"]);
        TokenKeys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            access_ttl_secs,
        }
    }

    pub fn issue(
        &self,
        user: Uuid,
        role: Role,
        unit: Option<String>,
        epoch: i32,
    ) -> Result<String, Error> {
        let now = Utc::now().timestamp();
        let claims = Claims {
            sub: user,
            role,
            unit,
            iat: now,
            exp: now + self.access_ttl_secs,
            iss: ISSUER.to_owned(),
            jti: Uuid::new_v4(),
            epoch,
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding).map_err(|e| {
            tracing::error!(error = %e, "could not sign an access token");
            Error::Internal
        })
    }

    pub fn verify(&self, token: &str) -> Result<Claims, Error> {
        use jsonwebtoken::errors::ErrorKind;
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map(|data| data.claims)
            .map_err(|e| match e.kind() {
                ErrorKind::ExpiredSignature => Error::TokenExpired,
                _ => Error::InvalidToken,
            })
    }
}

/// A new opaque refresh token and the hash under which it is stored.
pub fn new_refresh_token() -> Result<(String, Vec<u8>), Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|_| Error::Internal)?;
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let hash = hash_refresh_token(&token);
    Ok((token, hash))
}

/// The refresh token that succeeds `presented`, and its hash: derived from it with the server's
/// secret (HMAC-SHA-256), so that a client retrying a refresh whose answer it lost gets the same
/// successor again, with nothing stored in clear.
pub fn successor_refresh_token(secret: &[u8], presented: &str) -> Result<(String, Vec<u8>), Error> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).map_err(|_| Error::Internal)?;
    mac.update(b"hientruong refresh successor\0");
    mac.update(presented.as_bytes());
    let token = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
    let hash = hash_refresh_token(&token);
    Ok((token, hash))
}

pub fn hash_refresh_token(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_verify_only_with_their_key_and_expire() {
        let keys = TokenKeys::new(b"0123456789abcdef0123456789abcdef", 60);
        let user = Uuid::new_v4();
        let token = keys.issue(user, Role::Resident, None, 0).expect("signed");
        assert_eq!(keys.verify(&token).expect("valid").sub, user);
        let other = TokenKeys::new(b"another secret of thirty-two byte", 60);
        assert_eq!(other.verify(&token).err(), Some(Error::InvalidToken));
        let expired = TokenKeys::new(b"0123456789abcdef0123456789abcdef", -120);
        let token = expired
            .issue(user, Role::Resident, None, 0)
            .expect("signed");
        assert_eq!(keys.verify(&token).err(), Some(Error::TokenExpired));
        assert_eq!(keys.verify("not.a.jwt").err(), Some(Error::InvalidToken));
    }

    #[test]
    fn refresh_tokens_are_random_and_hashed_and_a_successor_is_derived_from_its_predecessor() {
        let secret = b"0123456789abcdef0123456789abcdef";
        let next = successor_refresh_token(secret, "presented").expect("mac");
        assert_eq!(
            successor_refresh_token(secret, "presented").expect("mac"),
            next
        );
        assert_ne!(
            successor_refresh_token(secret, "another").expect("mac"),
            next
        );
        assert_ne!(
            successor_refresh_token(b"another secret of thirty-two byte", "presented")
                .expect("mac"),
            next
        );
        assert_eq!(hash_refresh_token(&next.0), next.1);
        let (a, ha) = new_refresh_token().expect("random");
        let (b, _) = new_refresh_token().expect("random");
        assert_ne!(a, b);
        assert_eq!(hash_refresh_token(&a), ha);
        assert_eq!(a.len(), 43);
    }
}
