//! The span of each request, as `tracing-actix-web` makes it, except that secrets a client may put
//! in the query string (an Open311 `api_key`) never reach the logs.

use actix_web::Error;
use actix_web::HttpMessage;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use tracing::Span;
use tracing_actix_web::{DefaultRootSpanBuilder, RequestId, RootSpanBuilder};

/// Query parameters whose values are secrets.
const SECRET_PARAMETERS: [&str; 1] = ["api_key"];

/// The path and query with the values of secret parameters replaced by `REDACTED`.
pub fn redacted_target(path: &str, query: &str) -> String {
    if query.is_empty() {
        return path.to_owned();
    }
    let pairs: Vec<String> = query
        .split('&')
        .map(|pair| {
            // Names as the handlers read them: percent-decoded.
            let decoded: Vec<(String, String)> =
                serde_urlencoded::from_str(pair).unwrap_or_default();
            match decoded.first() {
                Some((name, _)) if SECRET_PARAMETERS.contains(&name.as_str()) => {
                    format!("{name}=REDACTED")
                }
                _ => pair.to_owned(),
            }
        })
        .collect();
    format!("{path}?{}", pairs.join("&"))
}

/// The root span of a request: method, route, target (redacted), client, request id; the status
/// and any error are recorded when the request ends, as by the default builder.
pub struct RequestSpan;

impl RootSpanBuilder for RequestSpan {
    fn on_request_start(request: &ServiceRequest) -> Span {
        let route = request
            .match_pattern()
            .unwrap_or_else(|| "default".to_owned());
        let method = request.method().as_str().to_owned();
        let info = request.connection_info().clone();
        // The address the limits count: forwarded only by a trusted proxy.
        let client = crate::client::of(request.request());
        let user_agent = request
            .headers()
            .get("User-Agent")
            .and_then(|h| h.to_str().ok())
            .unwrap_or("");
        let request_id = request
            .extensions()
            .get::<RequestId>()
            .map(ToString::to_string)
            .unwrap_or_default();
        tracing::info_span!(
            "HTTP request",
            http.method = %method,
            http.route = %route,
            http.flavor = ?request.version(),
            http.scheme = %info.scheme(),
            http.host = %info.host(),
            http.client_ip = %client,
            http.user_agent = %user_agent,
            http.target = %redacted_target(request.path(), request.query_string()),
            http.status_code = tracing::field::Empty,
            otel.name = %format!("{method} {route}"),
            otel.kind = "server",
            otel.status_code = tracing::field::Empty,
            trace_id = tracing::field::Empty,
            request_id = %request_id,
            exception.message = tracing::field::Empty,
            exception.details = tracing::field::Empty,
        )
    }

    fn on_request_end<B: MessageBody>(span: Span, outcome: &Result<ServiceResponse<B>, Error>) {
        DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_keys_are_redacted_and_the_rest_kept() {
        assert_eq!(
            redacted_target("/open311/v2/requests.xml", "api_key=ht_secret&lat=16.4"),
            "/open311/v2/requests.xml?api_key=REDACTED&lat=16.4"
        );
        assert_eq!(redacted_target("/healthz", ""), "/healthz");
        assert_eq!(
            redacted_target("/x", "api%5Fkey=ht_s"),
            "/x?api_key=REDACTED"
        );
        assert_eq!(
            redacted_target("/x", "key=1&api_keys=2"),
            "/x?key=1&api_keys=2"
        );
    }
}
