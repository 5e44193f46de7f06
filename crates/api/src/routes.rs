//! The route table and the server. Every surface is listed here, so this file is the map of the API.

use std::net::TcpListener;

use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::{Next, from_fn};
use actix_web::web::{self, delete, get, patch, post, put};
use actix_web::{App, HttpMessage, HttpServer};
use hientruong_domain::Error;
use tracing_actix_web::{RequestId, TracingLogger};

use crate::error::{ApiError, json_error, localize_errors, path_error, query_error, vary_language};
use crate::handlers::{
    admin, auth, catalog, events, health, media, open311, reports, stats, templates, tickets,
    web as app,
};
use crate::state::AppState;

/// `/api/v1`: the residents' API (the mobile app's contract).
fn api_v1(cfg: &mut web::ServiceConfig) {
    cfg.route("/auth/register", post().to(auth::register::register))
        .route("/auth/login", post().to(auth::login::login))
        .route("/auth/refresh", post().to(auth::refresh::refresh))
        .route("/categories", get().to(catalog::list_categories))
        .route("/communes", get().to(catalog::list_communes))
        .route("/units", get().to(catalog::list_units))
        .route(
            "/reports",
            post()
                .guard(is_multipart)
                .to(reports::create::create_multipart),
        )
        .route("/reports", post().to(reports::create::create))
        .route("/reports/{id}/photos", post().to(reports::photos::add))
        .route("/photos/{id}", get().to(media::evidence))
        .route("/photos/{id}/original", get().to(media::original))
        .route("/reports", get().to(reports::list::list))
        .route("/reports/{id}", get().to(reports::get::get))
        .route("/me/reports", get().to(reports::mine::mine))
        .route("/reports/{id}/rating", post().to(reports::rating::rate))
        .route("/auth/logout", post().to(auth::logout::logout))
        .route("/stats/summary", get().to(stats::summary))
        .route("/stats/communes", get().to(stats::communes))
        .route("/stats/units", get().to(stats::units))
        .route("/stats/timeseries", get().to(stats::timeseries))
        .route("/events", get().to(events::stream))
        .route("/openapi.json", get().to(crate::openapi::serve))
        .configure(staff);
}

/// The officers' and IOC's surface: the ticket inbox, response templates, and administration.
fn staff(cfg: &mut web::ServiceConfig) {
    cfg.route("/tickets", get().to(tickets::list::list))
        .route("/tickets/export", get().to(tickets::list::export))
        .route("/tickets/{id}", get().to(tickets::get::get))
        .route(
            "/tickets/{id}/transitions",
            post().to(tickets::transition::transition),
        )
        .route("/tickets/{id}/photos", post().to(tickets::photos::add))
        .route("/templates", get().to(templates::list))
        .route("/templates", post().to(templates::create))
        .route("/templates/{id}", delete().to(templates::delete))
        .service(
            web::scope("/admin")
                .route("/api-keys", get().to(admin::api_keys::list))
                .route("/api-keys", post().to(admin::api_keys::create))
                .route("/api-keys/{id}", delete().to(admin::api_keys::revoke))
                .route("/users", get().to(admin::users::list))
                .route("/users", post().to(admin::users::create))
                .route("/users/{id}", patch().to(admin::users::update))
                .route("/units", get().to(admin::catalog::units))
                .route("/units/{code}", put().to(admin::catalog::put_unit))
                .route("/categories", get().to(admin::catalog::categories))
                .route("/categories/{code}", put().to(admin::catalog::put_category))
                .route("/routing-rules", get().to(admin::catalog::rules))
                .route("/routing-rules", post().to(admin::catalog::add_rule))
                .route(
                    "/routing-rules/{id}/end",
                    post().to(admin::catalog::end_rule),
                )
                .route("/sla-policies", get().to(admin::deadlines::policies))
                .route("/sla-policies", put().to(admin::deadlines::put_policy))
                .route("/holidays", get().to(admin::deadlines::holidays))
                .route("/holidays", put().to(admin::deadlines::put_holidays))
                .route(
                    "/holidays/{day}",
                    delete().to(admin::deadlines::delete_holiday),
                )
                .route("/populations", get().to(admin::deadlines::populations))
                .route(
                    "/populations/{commune}",
                    put().to(admin::deadlines::put_population),
                ),
        );
}

/// `/open311/v2`: Open311 GeoReport v2 and FixMyStreet's updates extension, each call in `.xml`
/// and `.json`. Errors of every kind take the standard's shape.
fn open311_v2(cfg: &mut web::ServiceConfig) {
    use open311::{discovery, requests, service, services, updates};
    cfg.route("/discovery.{format}", get().to(discovery))
        .route("/services.{format}", get().to(services))
        .route("/services/{code}.{format}", get().to(service))
        .route("/requests.{format}", get().to(requests::list))
        .route("/requests.{format}", post().to(requests::create))
        .route("/requests/{id}.{format}", get().to(requests::one))
        .route("/tokens/{token}.{format}", get().to(requests::token))
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
/// problem can be matched to the logs.
async fn request_id_header(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let id = req.extensions().get::<RequestId>().copied();
    let mut res = next.call(req).await?;
    if let Some(value) = id.and_then(|id| HeaderValue::from_str(&id.to_string()).ok()) {
        res.headers_mut()
            .insert(HeaderName::from_static("x-request-id"), value);
    }
    let (name, value) = vary_language();
    res.headers_mut().append(name, value);
    Ok(res)
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
        .route("/", get().to(app::index))
        .route("/assets/{file:.*}", get().to(app::asset))
        .route("/healthz", get().to(health::healthz))
        .route("/readyz", get().to(health::readyz))
        .service(web::scope("/api/v1").configure(api_v1))
        .service(
            web::scope("/open311/v2")
                .app_data(web::PayloadConfig::new(json_limit))
                .wrap(from_fn(open311::render::errors))
                .configure(open311_v2),
        )
        .route("/media/{key:.*}", get().to(media::variant))
        .default_service(web::to(not_found))
}

/// Serves the application on an already bound listener. `handle_signals` makes SIGINT/SIGTERM
/// stop the server gracefully (the binary wants that; in-process test servers do not).
pub fn server(
    listener: TcpListener,
    state: AppState,
    workers: Option<usize>,
    handle_signals: bool,
) -> std::io::Result<Server> {
    state.follow_events()?;
    let mut http = HttpServer::new(move || build_app(state.clone()))
        .listen(listener)?
        .shutdown_timeout(10);
    if let Some(n) = workers {
        http = http.workers(n);
    }
    if !handle_signals {
        http = http.disable_signals();
    }
    Ok(http.run())
}
