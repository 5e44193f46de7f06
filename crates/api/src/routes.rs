//! The route table and the server. Every surface is listed here, so this file is the map of the API.

use std::net::TcpListener;
use std::sync::OnceLock;

use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::{Compress, Next, from_fn};
use actix_web::web::{self, get, post};
use actix_web::{App, HttpMessage, HttpServer};
use hientruong_domain::Error;
use tracing_actix_web::{RequestId, TracingLogger};

use crate::endpoints::{Endpoint, endpoints};
use crate::error::{ApiError, json_error, localize_errors, path_error, query_error, vary_language};
use crate::handlers::{
    admin, auth, catalog, events, feeds, health, me, media, meta, open311, push, reports, stats,
    templates, tickets, unsubscribe, web as app,
};
use crate::state::AppState;

/// Where [`API_V1`] is served.
const API_V1_PREFIX: &str = "/api/v1";

/// `/api/v1`: the residents' API (the mobile app's contract), then the officers' and IOC's surface:
/// the ticket inbox, response templates, and administration. Each handler's `#[utoipa::path]` says
/// its method, path, document and errors; listed here, it is routed there and is that operation of
/// the OpenAPI document, in this order. Actix tries routes in this order too: `/tickets/export`
/// before `/tickets/{id}`, `/reports/nearby` before `/reports/{id}`, and a multipart `POST /reports` goes to `create_multipart`.
pub(crate) const API_V1: &[Endpoint] = endpoints![
    // The residents' API.
    auth::register::register,
    auth::login::login,
    auth::refresh::refresh,
    auth::logout::logout,
    auth::password_reset::request,
    auth::password_reset::confirm,
    me::password::change,
    me::verification::request,
    me::verification::confirm,
    me::sessions::end,
    me::delete::delete,
    me::notifications::list,
    me::notifications::read,
    me::preferences::get,
    me::preferences::put,
    push::key,
    me::push_subscriptions::subscribe,
    me::push_subscriptions::unsubscribe,
    me::alerts::create,
    me::alerts::list,
    me::alerts::delete,
    unsubscribe::post,
    unsubscribe::get,
    catalog::categories::list,
    catalog::communes::list,
    catalog::units::list,
    reports::create::create { is_multipart => reports::create::create_multipart },
    reports::photos::add,
    media::evidence::evidence,
    media::original::original,
    reports::list::list,
    reports::nearby::nearby,
    reports::by_code::by_code,
    reports::get::get,
    reports::mine::mine,
    reports::rating::rate,
    reports::supported::supported,
    reports::support::support,
    reports::withdraw::withdraw,
    stats::summary::get,
    stats::communes::get,
    stats::units::get,
    stats::timeseries::get,
    stats::channels::get,
    events::stream,
    // The officers' and IOC's surface.
    tickets::list::list,
    tickets::export::export,
    tickets::get::get,
    tickets::transition::transition,
    tickets::photos::add,
    templates::list::list,
    templates::create::create,
    templates::delete::delete,
    // Administration.
    admin::audit::list::list,
    admin::users::list::list,
    admin::users::create::create,
    admin::users::update::update,
    admin::users::lock::lock,
    admin::users::lock::unlock,
    admin::reports::hide::hide,
    admin::reports::hide::unhide,
    admin::api_keys::list::list,
    admin::api_keys::create::create,
    admin::api_keys::revoke::revoke,
    admin::units::list::list,
    admin::units::put::put,
    admin::categories::list::list,
    admin::categories::put::put,
    admin::routing_rules::list::list,
    admin::routing_rules::add::add,
    admin::routing_rules::end::end,
    admin::sla_policies::list::list,
    admin::sla_policies::put::put,
    admin::holidays::list::list,
    admin::holidays::put::put,
    admin::holidays::delete::delete,
    admin::populations::list::list,
    admin::populations::put::put,
    // The document of all of these.
    meta::serve,
];

fn api_v1(cfg: &mut web::ServiceConfig) {
    for endpoint in API_V1 {
        endpoint.register(cfg, API_V1_PREFIX);
    }
}

/// `/open311/v2`: Open311 GeoReport v2 and FixMyStreet's updates extension, each call in `.xml`
/// and `.json`. Errors of every kind take the standard's shape.
fn open311_v2(cfg: &mut web::ServiceConfig) {
    use open311::{discovery, requests, service, services, updates};
    cfg.route("/discovery.{format}", get().to(discovery::discovery))
        .route("/services.{format}", get().to(services::list))
        .route("/services/{code}.{format}", get().to(service::definition))
        .route("/requests.{format}", get().to(requests::list::list))
        .route("/requests.{format}", post().to(requests::create::create))
        .route("/requests/{id}.{format}", get().to(requests::one::one))
        .route("/tokens/{token}.{format}", get().to(requests::token::token))
        .route("/servicerequestupdates.{format}", get().to(updates::list))
        .default_service(web::to(not_found));
}

/// Uploads with photos are `multipart/form-data`; everything else is JSON.
fn is_multipart(ctx: &actix_web::guard::GuardContext<'_>) -> bool {
    ctx.head()
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"))
}

async fn not_found() -> Result<actix_web::HttpResponse, ApiError> {
    Err(Error::NotFound.into())
}

/// Echoes the request id that every log line of the request carries, so a user's report of a
/// problem can be matched to the logs; counts the answer ([`crate::state::Answers`]).
async fn request_id_header(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let id = req.extensions().get::<RequestId>().copied();
    let answers = req
        .app_data::<web::Data<AppState>>()
        .map(|state| state.answers.clone());
    let mut res = next.call(req).await?;
    if let Some(answers) = answers {
        answers.count(res.status());
    }
    if let Some(value) = id.and_then(|id| HeaderValue::from_str(&id.to_string()).ok()) {
        res.headers_mut()
            .insert(HeaderName::from_static("x-request-id"), value);
    }
    let (name, value) = vary_language();
    res.headers_mut().append(name, value);
    Ok(res)
}

/// The OpenAPI document of [`API_V1`] as `mobile-api/openapi.json` holds it (what `hientruong
/// openapi` prints).
pub fn openapi_json() -> String {
    crate::openapi::document_json(API_V1)
}

/// The document as `GET /api/v1/openapi.json` serves it, made once per process.
fn api_document() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| {
        serde_json::to_string(&crate::openapi::document(API_V1)).unwrap_or_default()
    })
}

/// The whole application for one worker.
pub fn build_app(
    state: AppState,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let json_limit = state.settings.json_limit_bytes;
    App::new()
        .app_data(web::Data::new(state))
        .app_data(web::Data::new(meta::Document(api_document())))
        .app_data(
            web::JsonConfig::default()
                .limit(json_limit)
                .error_handler(|e, _| json_error(e).into()),
        )
        .app_data(web::QueryConfig::default().error_handler(|e, _| query_error(e).into()))
        .app_data(web::PathConfig::default().error_handler(|e, _| path_error(e).into()))
        .wrap(from_fn(localize_errors))
        .wrap(from_fn(request_id_header))
        .wrap(TracingLogger::<crate::logging::RequestSpan>::new())
        // Answers are compressed when the client accepts it: a list, the communes' outlines or an
        // export shrinks to a fifth or less on a phone's network; the event stream too, flushed at
        // every event. Photos are not (already compressed), nor the web app's assets (compressed
        // at build time, with their own `Content-Encoding`).
        .wrap(Compress::default())
        .route("/", get().to(app::index))
        .route("/sw.js", get().to(app::service_worker))
        .route("/manifest.webmanifest", get().to(app::manifest))
        .route("/staff", get().to(app::staff_slash))
        .route("/staff/", get().to(app::staff))
        .route("/assets/{file:.*}", get().to(app::asset))
        .route("/healthz", get().to(health::healthz))
        .route("/readyz", get().to(health::readyz))
        .service(web::scope(API_V1_PREFIX).configure(api_v1))
        .service(
            web::scope("/open311/v2")
                .app_data(web::PayloadConfig::new(json_limit))
                .wrap(from_fn(open311::render::errors))
                .configure(open311_v2),
        )
        .route("/media/{key:.*}", get().to(media::variant::variant))
        .route("/feeds/reports.atom", get().to(feeds::reports))
        .route("/feeds/nearby.atom", get().to(feeds::nearby))
        .default_service(web::to(not_found))
}

/// A running server: its handle (to stop it), and [`Serving::run`] to drive it to its end.
pub struct Serving {
    server: Server,
    events: crate::state::Following,
}

impl Serving {
    pub fn handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// Serves until stopped; then ends the ticket-event thread before answering.
    pub async fn run(self) -> std::io::Result<()> {
        let ended = self.server.await;
        let events = self.events;
        // The thread takes at most a poll to see the stop.
        let _ = actix_web::rt::task::spawn_blocking(move || events.stop()).await;
        ended
    }
}

/// Serves the application on an already bound listener. `handle_signals` makes SIGINT/SIGTERM
/// stop the server gracefully (the binary wants that; in-process test servers do not).
pub fn server(
    listener: TcpListener,
    state: AppState,
    workers: Option<usize>,
    handle_signals: bool,
) -> std::io::Result<Serving> {
    let events = state.follow_events()?;
    let mut http = HttpServer::new(move || build_app(state.clone()))
        .listen(listener)?
        .shutdown_timeout(10);
    if let Some(n) = workers {
        http = http.workers(n);
    }
    if !handle_signals {
        http = http.disable_signals();
    }
    Ok(Serving {
        server: http.run(),
        events,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::openapi::{document, document_json};

    #[test]
    fn the_document_serialises() {
        let json = document_json(API_V1);
        assert!(json.contains("\"openapi\": \"3.1.0\""));
        assert!(json.ends_with("}\n"));
    }

    /// Two types of one name would be one schema in the document, the other's shape lost: every
    /// name the operations bring is one shape.
    #[test]
    fn no_two_schemas_share_a_name() {
        let mut seen: std::collections::BTreeMap<String, String> = Default::default();
        for endpoint in API_V1 {
            let Some(components) = endpoint.operation().components else {
                continue;
            };
            for (name, schema) in components.schemas {
                let shape = serde_json::to_string(&schema).expect("json");
                if let Some(before) = seen.insert(name.clone(), shape.clone()) {
                    assert_eq!(before, shape, "two schemas named {name}");
                }
            }
        }
    }

    /// Each endpoint is one operation of the document, and every one but the document itself
    /// declares its error answers.
    #[test]
    fn every_endpoint_is_an_operation_with_its_errors() {
        let doc = document(API_V1);
        let mut operations = Vec::new();
        for (path, item) in &doc.paths.paths {
            for operation in [
                &item.get,
                &item.put,
                &item.post,
                &item.delete,
                &item.options,
                &item.head,
                &item.patch,
                &item.trace,
            ]
            .into_iter()
            .flatten()
            {
                let id = operation.operation_id.clone().unwrap_or_default();
                let errors = operation
                    .responses
                    .responses
                    .keys()
                    .filter(|status| status.starts_with(['4', '5']))
                    .count();
                assert_eq!(
                    errors == 0,
                    id == "openapi",
                    "{path}: `{id}` has {errors} error answers"
                );
                operations.push(id);
            }
        }
        assert_eq!(operations.len(), API_V1.len());
        assert_eq!(operations.len(), 79);
    }
}
