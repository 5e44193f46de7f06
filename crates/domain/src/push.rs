//! Web Push subscriptions and what residents choose to receive.
//!
//! The server posts to whatever endpoint a browser's subscription names, so an endpoint is taken
//! only on a configured push service ([`PushServices`]): otherwise any account could make the
//! server post to addresses of the operator's own network.

use serde::{Deserialize, Serialize};

use crate::Error;

/// The push services the server posts to, as origin patterns: `https://fcm.googleapis.com`,
/// `https://*.push.services.mozilla.com` (any subdomain), `http://127.0.0.1:*` (any port).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushServices(Vec<Origin>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Origin {
    scheme: String,
    /// Lower case; a leading `*.` matches any subdomain (not the domain itself).
    host: String,
    /// `None`: any port; else the port (the scheme's default when the pattern names none).
    port: Option<u16>,
}

/// The browsers' push services as of 2026: Chrome and Edge on Android and desktop (FCM),
/// Firefox (Mozilla's autopush), Edge on Windows (WNS) and Safari (Apple's).
pub const DEFAULT_PUSH_SERVICES: &str = "https://fcm.googleapis.com, \
     https://*.push.services.mozilla.com, https://*.notify.windows.com, \
     https://*.push.apple.com";

fn default_port(scheme: &str) -> u16 {
    if scheme == "http" { 80 } else { 443 }
}

/// The parts of a URL or a pattern: `scheme://host[:port]`, and whether anything (a path, a
/// query) follows.
struct Parts {
    scheme: String,
    host: String,
    port: Option<String>,
    more: bool,
}

fn split(url: &str) -> Option<Parts> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    // No user part (`user@host` reads as a host to people), no IPv6 literals.
    if authority.is_empty() || authority.contains(['@', '[', ']', '\\']) {
        return None;
    }
    let (host, port) = match authority.split_once(':') {
        Some((host, port)) => (host, Some(port.to_owned())),
        None => (authority, None),
    };
    Some(Parts {
        scheme,
        host: host.to_ascii_lowercase(),
        port,
        more: !tail.is_empty() && tail != "/",
    })
}

impl Default for PushServices {
    /// The browsers' own push services, [`DEFAULT_PUSH_SERVICES`].
    fn default() -> PushServices {
        PushServices::parse(DEFAULT_PUSH_SERVICES).unwrap_or_else(|_| PushServices::none())
    }
}

impl PushServices {
    /// No push service at all.
    pub fn none() -> PushServices {
        PushServices(Vec::new())
    }

    /// A comma-separated list of origin patterns.
    pub fn parse(text: &str) -> Result<PushServices, String> {
        let origins = text
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|pattern| {
                let bad = || format!("{pattern:?} is not an origin like https://push.example.com");
                let Parts {
                    scheme,
                    host,
                    port,
                    more,
                } = split(pattern).ok_or_else(bad)?;
                if more {
                    return Err(bad());
                }
                let port = match port.as_deref() {
                    None => Some(default_port(&scheme)),
                    Some("*") => None,
                    Some(p) => Some(p.parse().map_err(|_| bad())?),
                };
                let named = host.strip_prefix("*.").unwrap_or(&host);
                if named.is_empty() || named.contains('*') {
                    return Err(bad());
                }
                Ok(Origin { scheme, host, port })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(PushServices(origins))
    }

    /// Whether the server may post to `endpoint`.
    pub fn allows(&self, endpoint: &str) -> bool {
        let Some(Parts {
            scheme, host, port, ..
        }) = split(endpoint)
        else {
            return false;
        };
        let port = match port {
            None => default_port(&scheme),
            Some(p) => match p.parse() {
                Ok(p) => p,
                Err(_) => return false,
            },
        };
        self.0.iter().any(|o| {
            o.scheme == scheme
                && o.port.is_none_or(|p| p == port)
                && match o.host.strip_prefix("*.") {
                    Some(domain) => host
                        .strip_suffix(domain)
                        .is_some_and(|sub| sub.len() > 1 && sub.ends_with('.')),
                    None => o.host == host,
                }
        })
    }
}

/// How many bytes a base64url text (unpadded) holds, if it is one.
fn base64url_len(text: &str) -> Option<usize> {
    let text = text.trim_end_matches('=');
    if !text
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        || text.len() % 4 == 1
    {
        return None;
    }
    Some(text.len() * 3 / 4)
}

/// Checks a browser's subscription before it is stored: an endpoint of an allowed push service
/// (at most 1,000 characters), a P-256 public key in uncompressed form (65 bytes) and a 16-byte
/// authentication secret, both base64url (`invalid_push_subscription`).
pub fn check_subscription(
    services: &PushServices,
    endpoint: &str,
    p256dh: &str,
    auth: &str,
) -> Result<(), Error> {
    let ok = endpoint.len() <= 1000
        && services.allows(endpoint)
        && base64url_len(p256dh) == Some(65)
        && p256dh.starts_with('B')
        && base64url_len(auth) == Some(16);
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidPushSubscription)
    }
}

/// What one channel brings: news of the reports one follows, and area alerts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChannelChoice {
    /// News of the reports one made or supports: accepted, a question, resolved, rejected or a
    /// duplicate, reopened.
    pub updates: bool,
    /// New reports in one's alert areas.
    pub alerts: bool,
}

/// What reaches an account by push and by email. The list in the app always has everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Preferences {
    pub push: ChannelChoice,
    pub email: ChannelChoice,
}

impl Default for Preferences {
    fn default() -> Preferences {
        let all = ChannelChoice {
            updates: true,
            alerts: true,
        };
        Preferences {
            push: all,
            email: all,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn services(text: &str) -> PushServices {
        PushServices::parse(text).expect("patterns")
    }

    #[test]
    fn endpoints_are_taken_only_on_the_configured_push_services() {
        let default = PushServices::default();
        assert_eq!(default, services(DEFAULT_PUSH_SERVICES));
        for ok in [
            "https://fcm.googleapis.com/fcm/send/abc:APA91b",
            "https://updates.push.services.mozilla.com/wpush/v2/gAAAA",
            "https://wns2-par02p.notify.windows.com/w/?token=BQYAAA",
            "https://web.push.apple.com/QGuQyavXutnMH",
            "https://FCM.googleapis.com:443/fcm/send/x",
        ] {
            assert!(default.allows(ok), "{ok}");
        }
        for refused in [
            "http://fcm.googleapis.com/fcm/send/x",
            "https://fcm.googleapis.com:8443/x",
            "https://fcm.googleapis.com.evil.example/x",
            "https://evilfcm.googleapis.com/x",
            "https://push.services.mozilla.com/x",
            "https://x.push.services.mozilla.com@10.0.0.1/x",
            "https://127.0.0.1/x",
            "http://169.254.169.254/latest/meta-data",
            "file:///etc/passwd",
            "fcm.googleapis.com/x",
        ] {
            assert!(!default.allows(refused), "{refused}");
        }
        let local = services("http://127.0.0.1:*");
        assert!(local.allows("http://127.0.0.1:39211/push/ok/1"));
        assert!(!local.allows("http://localhost:39211/push"));
        assert!(!local.allows("https://127.0.0.1:39211/push"));
        let port = services("http://127.0.0.1:8080");
        assert!(port.allows("http://127.0.0.1:8080/x"));
        assert!(!port.allows("http://127.0.0.1:8081/x"));
    }

    #[test]
    fn patterns_are_origins_or_an_error() {
        for bad in [
            "fcm.googleapis.com",
            "ftp://push.example",
            "https://*",
            "https://a.*.example",
            "https://push.example/path",
            "https://push.example:port",
        ] {
            assert!(PushServices::parse(bad).is_err(), "{bad}");
        }
        assert!(!services("").allows("https://fcm.googleapis.com/x"));
    }

    #[test]
    fn subscriptions_are_checked_for_shape() {
        let s = services("https://fcm.googleapis.com");
        // A P-256 point as browsers give it (65 bytes, 0x04 first) and a 16-byte secret.
        let p256dh = "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM";
        let auth = "tBHItJI5svbpez7KI4CCXg";
        let endpoint = "https://fcm.googleapis.com/fcm/send/x";
        assert_eq!(check_subscription(&s, endpoint, p256dh, auth), Ok(()));
        for (e, k, a) in [
            ("https://evil.example/x", p256dh, auth),
            (endpoint, &p256dh[..40], auth),
            (endpoint, p256dh, "tBHItJI5svbpez7KI4CC"),
            (endpoint, "not base64!", auth),
            (endpoint, &p256dh.replacen('B', "A", 1), auth),
        ] {
            assert_eq!(
                check_subscription(&s, e, k, a),
                Err(Error::InvalidPushSubscription),
                "{e} {k} {a}"
            );
        }
        let long = format!("{endpoint}/{}", "a".repeat(1000));
        assert!(check_subscription(&s, &long, p256dh, auth).is_err());
    }
}
