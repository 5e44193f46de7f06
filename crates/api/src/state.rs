//! What every handler can reach: the use cases, the token keys, the media store and the
//! settings of the HTTP layer.

use std::sync::Arc;

use hientruong_app::App;
use hientruong_db::DbPool;
use hientruong_media::pool::ProcessingPool;
use hientruong_media::store::MediaStore;

use crate::auth::jwt::TokenKeys;
use crate::error::ApiError;
use crate::slots::Slots;

/// How long a statistic waits for its turn before `503 service_unavailable`.
const STATISTICS_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// The connections one statistic uses at once (its three queries and the participation basis).
pub const STATISTICS_CONNECTIONS: usize = 4;

/// Settings of the HTTP layer, resolved by the binary from its configuration.
#[derive(Clone)]
pub struct Settings {
    /// Secret for signing access tokens (HS256); at least 32 bytes.
    pub jwt_secret: Vec<u8>,
    /// Lifetime of an access token, seconds.
    pub access_ttl_secs: i64,
    /// Lifetime of a refresh token, days.
    pub refresh_ttl_days: i64,
    /// Largest JSON body accepted, bytes.
    pub json_limit_bytes: usize,
    /// Limits on uploaded photos.
    pub photo_limits: hientruong_media::Limits,
    /// Photos processed at once (default: one per CPU core).
    pub photo_workers: Option<usize>,
    /// Uploads one account, and one client address, may have being read at once (of the
    /// process's four per CPU core).
    pub uploads_per_account: usize,
    pub uploads_per_address: usize,
    /// Statistics computed at once by this process; each takes up to
    /// [`STATISTICS_CONNECTIONS`] connections of the statistics' pool.
    pub statistics_at_once: usize,
    /// Event streams open at once in this process, and from one client address.
    pub event_streams: usize,
    pub event_streams_per_address: usize,
    /// The abuse limits (hientruong_domain::limits), kept in the database.
    pub limits: hientruong_domain::limits::Limits,
    /// The proxies whose `X-Forwarded-For` tells the client's address (crate::client).
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// The server's public address (`https://host[/prefix]`, no trailing slash) for absolute URLs
    /// in answers; unset, the address the request came to (its `Host`, or a proxy's forwarding
    /// headers).
    pub public_url: String,
    /// The residents' base map; `None` draws the commune outlines without one.
    pub tiles: Option<TileSource>,
    /// The server's VAPID public key (base64url), which browsers subscribe to pushes with.
    pub push_public_key: String,
    /// The push services subscriptions may name.
    pub push_services: hientruong_domain::push::PushServices,
}

/// Where the residents' app loads its base map from (`HIENTRUONG_TILE_URL`): the one other origin
/// the pages' Content-Security-Policy allows, for images only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TileSource {
    /// A tile address template with `{z}`, `{x}`, `{y}` (and optionally `{s}` for subdomains).
    pub url: String,
    /// The credit the tiles' licence asks for, shown on the map.
    pub attribution: String,
}

impl TileSource {
    /// Checks `url`: `http(s)://host[:port]/…` with `{z}`, `{x}` and `{y}`, no quote, space or
    /// angle bracket (it is written into a page and a policy header).
    pub fn new(url: &str, attribution: &str) -> Result<TileSource, String> {
        let url = url.trim();
        let origin_ok = Self::origin_of(url).is_some();
        let placeholders = ["{z}", "{x}", "{y}"].iter().all(|p| url.contains(p));
        if !origin_ok || !placeholders || url.contains(['"', '\'', ' ', '<', '>', ';', ',']) {
            return Err(format!(
                "{url:?} is not a tile address: expected http(s)://host/…{{z}}/{{x}}/{{y}}…"
            ));
        }
        Ok(TileSource {
            url: url.to_owned(),
            attribution: attribution.trim().to_owned(),
        })
    }

    /// The origin the policy allows: `scheme://host[:port]`, with a `{s}` subdomain as `*`.
    pub fn origin(&self) -> String {
        Self::origin_of(&self.url).unwrap_or_default()
    }

    fn origin_of(url: &str) -> Option<String> {
        let (scheme, rest) = url.split_once("://")?;
        if scheme != "http" && scheme != "https" {
            return None;
        }
        let host = rest.split('/').next().filter(|h| !h.is_empty())?;
        let host = host.replace("{s}", "*");
        let wildcard_ok =
            !host.contains('*') || (host.starts_with("*.") && host.matches('*').count() == 1);
        (wildcard_ok && !host.contains(['{', '}', '@'])).then(|| format!("{scheme}://{host}"))
    }
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            jwt_secret: Vec::new(),
            access_ttl_secs: 15 * 60,
            refresh_ttl_days: 30,
            json_limit_bytes: 128 * 1024,
            photo_limits: hientruong_media::Limits::default(),
            photo_workers: None,
            uploads_per_account: 2,
            uploads_per_address: 8,
            statistics_at_once: 2,
            event_streams: 500,
            event_streams_per_address: 10,
            limits: hientruong_domain::limits::Limits::default(),
            trusted_proxies: Vec::new(),
            public_url: "http://127.0.0.1:8080".to_owned(),
            tiles: None,
            push_public_key: String::new(),
            push_services: hientruong_domain::push::PushServices::default(),
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    /// The use cases (and the database pool they run on).
    app: App,
    pub tokens: Arc<TokenKeys>,
    pub settings: Arc<Settings>,
    /// Where photo files go.
    pub media: MediaStore,
    /// Bounded processing of uploaded photos.
    pub photos: ProcessingPool,
    /// Uploads whose bodies may be read into memory at once (each up to 5 photos), four per CPU
    /// core, and so many per account and per address (crate::multipart::admit).
    pub uploads: Slots,
    /// Open event streams (handlers::events).
    pub streams: Slots,
    /// Turns of the statistics ([`AppState::statistic`]).
    statistics: Arc<tokio::sync::Semaphore>,
    /// Anonymous callers' statistics, shared for a minute (handlers::stats).
    pub public_figures: crate::handlers::stats::PublicFigures,
    /// Public ticket events (JSON) from the database's `ticket_events` channel, for the event
    /// stream; fed by [`AppState::follow_events`].
    pub events: tokio::sync::broadcast::Sender<Arc<str>>,
    /// How many answers this process gave, by status class.
    pub answers: Arc<Answers>,
}

/// Answers given, by status class (`1xx` to `5xx`), and how many of them were `429` (a limit)
/// and `503` (back-pressure, with `Retry-After`), counted as they leave: for the operators' view
/// of a process, and for the abuse suite's figures.
#[derive(Debug, Default)]
pub struct Answers {
    classes: [std::sync::atomic::AtomicU64; 5],
    throttled: std::sync::atomic::AtomicU64,
    unavailable: std::sync::atomic::AtomicU64,
}

impl Answers {
    pub fn count(&self, status: actix_web::http::StatusCode) {
        use std::sync::atomic::Ordering::Relaxed;
        let class = usize::from(status.as_u16() / 100).clamp(1, 5) - 1;
        self.classes[class].fetch_add(1, Relaxed);
        if status == actix_web::http::StatusCode::TOO_MANY_REQUESTS {
            self.throttled.fetch_add(1, Relaxed);
        }
        if status == actix_web::http::StatusCode::SERVICE_UNAVAILABLE {
            self.unavailable.fetch_add(1, Relaxed);
        }
    }

    /// The counts of `1xx` .. `5xx`.
    pub fn by_class(&self) -> [u64; 5] {
        std::array::from_fn(|i| self.classes[i].load(std::sync::atomic::Ordering::Relaxed))
    }

    /// The count of `429 Too Many Requests`.
    pub fn throttled(&self) -> u64 {
        self.throttled.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The count of `503 Service Unavailable`.
    pub fn unavailable(&self) -> u64 {
        self.unavailable.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// The thread following the database's ticket events ([`AppState::follow_events`]).
pub struct Following {
    stop: Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Following {
    /// Ends the thread and waits for it (a poll, 100 ms), so that a process never exits while it
    /// is inside the database client: an exit racing it can crash the process.
    pub fn stop(mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl AppState {
    /// # Panics
    /// When the token secret is shorter than 32 bytes: tokens signed with it could be forged. The
    /// binary's configuration refuses such secrets before this point.
    pub fn new(pool: DbPool, settings: Settings, media: MediaStore) -> AppState {
        assert!(
            settings.jwt_secret.len() >= 32,
            "the token-signing secret must be at least 32 bytes"
        );
        AppState {
            app: App::with_limits(pool, settings.limits.clone())
                .with_push_services(settings.push_services.clone()),
            tokens: Arc::new(TokenKeys::new(
                &settings.jwt_secret,
                settings.access_ttl_secs,
            )),
            photos: match settings.photo_workers {
                Some(n) => ProcessingPool::new(n, settings.photo_limits),
                None => ProcessingPool::sized_to_machine(settings.photo_limits),
            },
            uploads: Slots::new(
                4 * std::thread::available_parallelism()
                    .map(|n| n.get())
                    .unwrap_or(2),
            ),
            streams: Slots::new(settings.event_streams),
            statistics: Arc::new(tokio::sync::Semaphore::new(settings.statistics_at_once)),
            public_figures: crate::handlers::stats::PublicFigures::new(),
            settings: Arc::new(settings),
            media,
            events: tokio::sync::broadcast::channel(1024).0,
            answers: Arc::default(),
        }
    }

    /// Follows the database's `ticket_events` channel on a thread of its own, holding one
    /// pooled connection for it (reconnecting after a failure), and broadcasts each event to the
    /// streams open in this process. Returns once the subscription is in place (or after 5 s);
    /// the thread ends within a poll once the state is gone or [`Following::stop`] is called.
    pub fn follow_events(&self) -> std::io::Result<Following> {
        let pool = self.app.pool().clone();
        let weak = self.events.downgrade();
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopped = stop.clone();
        let keep_going =
            move || weak.strong_count() > 0 && !stopped.load(std::sync::atomic::Ordering::Relaxed);
        let weak = self.events.downgrade();
        let (ready, listening) = std::sync::mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("ticket-events".into())
            .spawn(move || {
                while keep_going() {
                    let ready = ready.clone();
                    let result =
                        pool.get()
                            .map_err(hientruong_db::Error::from)
                            .and_then(|mut conn| {
                                hientruong_db::events::listen(
                                    &mut conn,
                                    std::time::Duration::from_millis(100),
                                    move || {
                                        let _ = ready.send(());
                                    },
                                    &keep_going,
                                    |payload| match weak.upgrade() {
                                        Some(sender) => {
                                            // No open stream is not an error.
                                            let _ = sender.send(Arc::from(payload));
                                            true
                                        }
                                        None => false,
                                    },
                                )
                            });
                    if let Err(e) = result {
                        // The state gone, the process is stopping (and may be stopping its
                        // database too): the connection's end is expected, not a failure.
                        if !keep_going() {
                            break;
                        }
                        tracing::warn!(error = %e, "ticket event listener failed; reconnecting");
                        std::thread::sleep(std::time::Duration::from_secs(1));
                    }
                }
            })?;
        // Events committed after this point reach the streams.
        let _ = listening.recv_timeout(std::time::Duration::from_secs(5));
        Ok(Following {
            stop,
            thread: Some(thread),
        })
    }

    /// The use cases, for those that are async themselves (they hash passwords).
    pub fn app(&self) -> &App {
        &self.app
    }

    /// Runs a (synchronous) use case on the blocking threads ([`App::blocking`]).
    pub async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce(&App) -> Result<T, hientruong_db::Error> + Send + 'static,
        T: Send + 'static,
    {
        Ok(self.app.blocking(work).await?)
    }

    /// Runs a statistic ([`AppState::run`]) once one of the statistics' turns is free: as many
    /// run at once as the settings say, each with the connections it needs from the statistics'
    /// own pool, so that a crowd asking for figures waits here (`503 service_unavailable` after
    /// 10 s) instead of holding connections that intake and the inbox need.
    pub async fn statistic<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce(&App) -> Result<T, hientruong_db::Error> + Send + 'static,
        T: Send + 'static,
    {
        let _turn = tokio::time::timeout(STATISTICS_WAIT, self.statistics.acquire())
            .await
            .ok()
            .and_then(Result::ok)
            .ok_or_else(|| {
                ApiError::new(hientruong_domain::Error::ServiceUnavailable).retry_after(5)
            })?;
        self.run(work).await
    }

    /// Statistics read through `pool` (sized for [`Settings::statistics_at_once`] of them).
    pub fn with_stats_pool(mut self, pool: DbPool) -> AppState {
        self.app = self.app.with_stats_pool(pool);
        self
    }
}
