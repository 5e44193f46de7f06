//! `GET /api/v1/events`: Server-Sent Events of public ticket changes, for dashboards.

use std::time::Duration;

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use bytes::Bytes;
use hientruong_domain::Error;
use tokio::sync::broadcast::error::RecvError;

use crate::client::ClientAddr;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

errors!(EventsErrors = [&[TooManyStreams]]);

/// A comment line this often keeps proxies from closing an idle stream.
const KEEPALIVE: Duration = Duration::from_secs(15);

/// One SSE message: `event: ticket`, the event's id (so a client can tell where it is) and its
/// JSON (`id`, `report_id`, `kind`, `status`, `unit`, `commune`, `category`, `at`: no personal
/// data, no internal notes; internal events such as escalations are not streamed).
fn message(payload: &str) -> Bytes {
    let id = serde_json::from_str::<serde_json::Value>(payload)
        .ok()
        .and_then(|v| v["id"].as_i64())
        .map(|id| format!("id: {id}\n"))
        .unwrap_or_default();
    Bytes::from(format!("event: ticket\n{id}data: {payload}\n\n"))
}

/// `GET /api/v1/events`: public; every server process streams every event, whichever process
/// wrote it (PostgreSQL LISTEN/NOTIFY). A client that falls more than 1,024 events behind skips
/// the ones it missed and is sent `event: lagged` with their number (dashboards refetch figures
/// rather than replay events).
#[utoipa::path(
    get,
    path = "/api/v1/events",
    operation_id = "events",
    tag = "statistics",
    summary = "Live ticket events (Server-Sent Events)",
    description = "A stream that does not end: each public event of a ticket (receipt, changes \
        of state, public answers, ratings) is a message `event: ticket` with its `id` and \
        `data: {\"id\", \"report_id\", \"kind\", \"status\", \"unit\", \"commune\", \
        \"category\", \"at\"}`; no personal data, no internal notes. A comment line every 15 s \
        keeps it open. A client more than 1,024 events behind is sent `event: lagged` with \
        `data: {\"missed\": N}`. Open streams are bounded per server process (500 by default) \
        and per client address (10): beyond, `429 too_many_streams` with `Retry-After`. Public.",
    responses(
        (status = 200, description = "The event stream", content_type = "text/event-stream", body = String),
        EventsErrors,
    ),
)]
pub async fn stream(
    state: web::Data<AppState>,
    ClientAddr(client): ClientAddr,
) -> Result<HttpResponse, ApiError> {
    // Held as long as the stream is: the body owns it, and drops it with the connection.
    let slot = state
        .streams
        .take(&[(
            hientruong_domain::limits::address_key(client),
            state.settings.event_streams_per_address,
        )])
        .map_err(|_| ApiError::new(Error::TooManyStreams).retry_after(30))?;
    let receiver = state.events.subscribe();
    let start = (receiver, true, slot);
    let body = futures_util::stream::unfold(start, |(mut receiver, first, slot)| async move {
        if first {
            // Tells the client how long to wait before reconnecting, and that the stream is on.
            return Some((
                Ok::<_, actix_web::Error>(Bytes::from("retry: 3000\n: connected\n\n")),
                (receiver, false, slot),
            ));
        }
        let chunk = match tokio::time::timeout(KEEPALIVE, receiver.recv()).await {
            Ok(Ok(payload)) => message(&payload),
            // The client learns it missed events, and refetches what it shows.
            Ok(Err(RecvError::Lagged(missed))) => {
                Bytes::from(format!("event: lagged\ndata: {{\"missed\":{missed}}}\n\n"))
            }
            Ok(Err(RecvError::Closed)) => return None,
            Err(_) => Bytes::from(": keep-alive\n\n"),
        };
        Some((Ok(chunk), (receiver, false, slot)))
    });
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/event-stream"))
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .insert_header(("X-Accel-Buffering", "no"))
        .streaming(body))
}
