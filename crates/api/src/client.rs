//! Who is on the other end: the client's address, for the per-address limits and the logs.
//!
//! The connection's peer is the client unless it is one of the configured proxies
//! (`HIENTRUONG_TRUSTED_PROXIES`): then the client is the last address in `X-Forwarded-For` that
//! is not itself a trusted proxy (each proxy appends the address it received the request from;
//! everything left of the first untrusted one was written by the client and proves nothing).
//! Without trusted proxies the header is ignored: anyone can send it.

use std::future::{Ready, ready};
use std::net::{IpAddr, Ipv4Addr};

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use ipnet::IpNet;

use crate::error::ApiError;
use crate::state::AppState;

/// The client's address, as [`client_address`] finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

impl FromRequest for ClientAddr {
    type Error = ApiError;
    type Future = Ready<Result<ClientAddr, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(ClientAddr(of(req))))
    }
}

/// The client's address of a request, with the server's trusted proxies.
pub fn of(req: &HttpRequest) -> IpAddr {
    let trusted = req
        .app_data::<web::Data<AppState>>()
        .map(|state| state.settings.trusted_proxies.as_slice())
        .unwrap_or_default();
    client_address(
        req.peer_addr().map(|a| a.ip()),
        req.headers()
            .get_all("x-forwarded-for")
            .filter_map(|v| v.to_str().ok()),
        trusted,
    )
}

/// The client of a request that came from `peer` with these `X-Forwarded-For` header values.
/// A connection without a peer address (a test request made in memory) is the unspecified
/// address.
pub fn client_address<'a>(
    peer: Option<IpAddr>,
    forwarded_for: impl Iterator<Item = &'a str>,
    trusted: &[IpNet],
) -> IpAddr {
    let peer = peer.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let hops: Vec<&str> = forwarded_for.flat_map(|v| v.split(',')).collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        let Some(ip) = parse_hop(hop) else {
            // Garbage from a proxy we trust is not an address: the last good one stands.
            break;
        };
        client = ip;
        if !is_trusted(&ip) {
            break;
        }
    }
    client
}

/// One entry of `X-Forwarded-For`: an address, perhaps with a port (`1.2.3.4:5678`,
/// `[2001:db8::1]:443`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    if let Ok(ip) = hop.parse() {
        return Some(ip);
    }
    if let Ok(addr) = hop.parse::<std::net::SocketAddr>() {
        return Some(addr.ip());
    }
    hop.strip_prefix('[')
        .and_then(|h| h.split_once(']'))
        .and_then(|(ip, _)| ip.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("valid")
    }

    #[test]
    fn the_header_counts_only_from_a_trusted_proxy_and_only_right_of_the_first_stranger() {
        let trusted: Vec<IpNet> = vec![
            "10.0.0.0/8".parse().expect("valid"),
            "::1/128".parse().expect("valid"),
        ];
        let from = |peer: &str, header: &[&str]| {
            client_address(Some(ip(peer)), header.iter().copied(), &trusted)
        };
        // A stranger's header is ignored.
        assert_eq!(from("203.0.113.9", &["198.51.100.1"]), ip("203.0.113.9"));
        // Through one proxy.
        assert_eq!(from("10.0.0.2", &["198.51.100.1"]), ip("198.51.100.1"));
        // The client wrote a fake first entry; the proxies appended the real one.
        assert_eq!(
            from("10.0.0.2", &["1.1.1.1, 198.51.100.1, 10.0.0.7"]),
            ip("198.51.100.1")
        );
        // Several header lines are one list.
        assert_eq!(
            from("10.0.0.2", &["1.1.1.1", "198.51.100.1:4431"]),
            ip("198.51.100.1")
        );
        assert_eq!(from("::1", &["[2001:db8::5]:443"]), ip("2001:db8::5"));
        // No header, or only proxies: the nearest address there is.
        assert_eq!(from("10.0.0.2", &[]), ip("10.0.0.2"));
        assert_eq!(from("10.0.0.2", &["10.0.0.3"]), ip("10.0.0.3"));
        // Garbage stops the walk.
        assert_eq!(
            from("10.0.0.2", &["198.51.100.1, nonsense"]),
            ip("10.0.0.2")
        );
        // Without trusted proxies, never.
        assert_eq!(
            client_address(Some(ip("10.0.0.2")), ["198.51.100.1"].into_iter(), &[]),
            ip("10.0.0.2")
        );
    }
}
