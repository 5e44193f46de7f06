//! Web Push (RFC 8030) to residents' browsers: each message encrypted for its subscription
//! (RFC 8291, `aes128gcm`) and signed with the server's VAPID key (RFC 8292) by
//! `web-push-native`, then posted to the browser's push service.

use std::sync::Arc;
use std::time::Duration;

use base64ct::{Base64UrlUnpadded, Encoding};
use web_push_native::jwt_simple::algorithms::{
    ECDSAP256KeyPairLike, ECDSAP256PublicKeyLike, ES256KeyPair,
};
use web_push_native::jwt_simple::claims::Claims;
use web_push_native::p256::PublicKey;
use web_push_native::{Auth, WebPushBuilder};

/// How long a push service keeps a message for a browser that is offline (its `TTL`), which is
/// also how long the VAPID signature is valid (at most a day, RFC 8292): news older than that is
/// better read in the app's list.
const TIME_TO_LIVE: Duration = Duration::from_secs(12 * 3600);

/// The server's VAPID key pair (P-256). Every server process of a deployment must use the same
/// one: browsers subscribe with its public key, and a push signed by another is refused.
#[derive(Clone)]
pub struct VapidKey(Arc<ES256KeyPair>);

impl VapidKey {
    /// A new random key pair.
    pub fn generate() -> VapidKey {
        VapidKey(Arc::new(ES256KeyPair::generate()))
    }

    /// The key pair of a private key in base64url (the 32-byte scalar, as [`Self::private_base64url`]
    /// writes it).
    pub fn from_base64url(text: &str) -> Result<VapidKey, PushError> {
        let bytes = Base64UrlUnpadded::decode_vec(text.trim())
            .map_err(|_| PushError::Key("not base64url".into()))?;
        ES256KeyPair::from_bytes(&bytes)
            .map(|pair| VapidKey(Arc::new(pair)))
            .map_err(|e| PushError::Key(e.to_string()))
    }

    /// The private key, base64url without padding, for keeping it.
    pub fn private_base64url(&self) -> String {
        Base64UrlUnpadded::encode_string(&self.0.to_bytes())
    }

    /// The public key as browsers take it (`applicationServerKey`): the uncompressed point,
    /// base64url without padding.
    pub fn public_base64url(&self) -> String {
        let point = self.0.public_key().public_key().to_bytes_uncompressed();
        Base64UrlUnpadded::encode_string(&point)
    }
}

/// Where one browser receives pushes, as its `PushSubscription` gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub endpoint: String,
    /// The browser's P-256 public key, base64url.
    pub p256dh: String,
    /// Its 16-byte authentication secret, base64url.
    pub auth: String,
}

#[derive(Debug, thiserror::Error)]
pub enum PushError {
    /// 404 or 410: the subscription is gone for good (the resident unsubscribed or the browser
    /// dropped it); forget it.
    #[error("the push service says the subscription is gone ({0})")]
    Gone(u16),
    /// 5xx, 408 or 429: try again later.
    #[error("the push service answered {0}")]
    Busy(u16),
    /// Any other 4xx: retrying the same message cannot help.
    #[error("the push service refused the message: {0}")]
    Refused(u16),
    #[error("push service unreachable: {0}")]
    Unreachable(String),
    /// The subscription's endpoint or keys cannot be used (checked when it was stored; this is
    /// a browser that gave nonsense).
    #[error("unusable subscription: {0}")]
    Subscription(String),
    #[error("VAPID key: {0}")]
    Key(String),
}

impl PushError {
    /// Whether trying again later cannot help.
    pub fn is_permanent(&self) -> bool {
        matches!(
            self,
            PushError::Refused(_) | PushError::Subscription(_) | PushError::Key(_)
        )
    }
}

/// Sends pushes signed with the server's key.
#[derive(Clone)]
pub struct PushSender {
    client: reqwest::blocking::Client,
    key: VapidKey,
    /// The VAPID `sub` claim: how a push service reaches the operator (`mailto:` or `https:`).
    contact: String,
}

impl PushSender {
    pub fn new(key: VapidKey, contact: String) -> Result<PushSender, PushError> {
        let client = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(15))
            // A push service answers; it never sends a browser elsewhere.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| PushError::Unreachable(e.to_string()))?;
        Ok(PushSender {
            client,
            key,
            contact,
        })
    }

    /// Encrypts `payload` for `to` and posts it to its push service.
    pub fn send(&self, to: &Subscription, payload: &[u8], urgent: bool) -> Result<(), PushError> {
        let bad = |what: &str| PushError::Subscription(what.to_owned());
        let endpoint = to.endpoint.parse().map_err(|_| bad("endpoint"))?;
        let public = Base64UrlUnpadded::decode_vec(&to.p256dh)
            .ok()
            .and_then(|bytes| PublicKey::from_sec1_bytes(&bytes).ok())
            .ok_or_else(|| bad("p256dh"))?;
        let auth = Base64UrlUnpadded::decode_vec(&to.auth)
            .ok()
            .and_then(|bytes| <[u8; 16]>::try_from(bytes.as_slice()).ok())
            .map(Auth::from)
            .ok_or_else(|| bad("auth"))?;
        let request = WebPushBuilder::new(endpoint, public, auth)
            .with_valid_duration(TIME_TO_LIVE)
            .build(payload.to_vec())
            .map_err(|e| PushError::Subscription(e.to_string()))?;
        let (parts, body) = request.into_parts();
        let mut post = self
            .client
            .post(to.endpoint.as_str())
            .header("Authorization", self.vapid(&parts.uri)?)
            .header("Urgency", if urgent { "high" } else { "normal" })
            .body(body);
        for (name, value) in &parts.headers {
            post = post.header(name.as_str(), value.as_bytes());
        }
        let res = post
            .send()
            .map_err(|e| PushError::Unreachable(e.without_url().to_string()))?;
        let status = res.status().as_u16();
        match status {
            200..=299 => Ok(()),
            404 | 410 => Err(PushError::Gone(status)),
            408 | 429 | 500..=599 => Err(PushError::Busy(status)),
            _ => Err(PushError::Refused(status)),
        }
    }

    /// The VAPID `Authorization` header (RFC 8292) for a push to `endpoint`: a JWT signed with
    /// the server's key whose audience is the push service's origin, port included when it is
    /// not the scheme's default (web-push-native's own signature leaves the port out, which a
    /// push service on another port refuses).
    fn vapid(&self, endpoint: &http::Uri) -> Result<String, PushError> {
        let bad = |what: &str| PushError::Subscription(format!("endpoint without {what}"));
        let scheme = endpoint.scheme_str().ok_or_else(|| bad("scheme"))?;
        let host = endpoint.host().ok_or_else(|| bad("host"))?;
        let audience = match endpoint.port_u16() {
            Some(port) if !matches!((scheme, port), ("https", 443) | ("http", 80)) => {
                format!("{scheme}://{host}:{port}")
            }
            _ => format!("{scheme}://{host}"),
        };
        let claims = Claims::create(TIME_TO_LIVE.into())
            .with_audience(audience)
            .with_subject(&self.contact);
        let token = self
            .key
            .0
            .sign(claims)
            .map_err(|e| PushError::Key(e.to_string()))?;
        Ok(format!(
            "vapid t={token}, k={}",
            self.key.public_base64url()
        ))
    }
}
