//! The application layer of Hiện Trường: one function per use case (submit a report, act on a
//! ticket, rate, upload photos, ...), each owning its transaction and its policy check and
//! returning domain values and read models. Handlers (api) and commands (server) call these;
//! nothing here knows HTTP, and nothing here writes SQL: queries are the `db` crate's, rules the
//! `domain` crate's.
//!
//! Use cases are methods of [`App`], one module per area: most are synchronous (diesel is), run
//! by the HTTP layer on the blocking threads through [`App::blocking`]; those that hash a
//! password (registering, logging in, making an account) are async and hop to those threads for
//! their queries. [`password`] is the hashing they share. Every access decision is asked of
//! `hientruong_domain::policy` here, not by the callers.

mod accounts;
mod api_keys;
mod audit;
mod catalog;
mod deadlines;
mod media;
mod notifications;
pub mod open311;
pub mod password;
mod password_reset;
mod reports;
pub mod sessions;
pub mod stats;
mod templates;
mod tickets;
mod verification;

pub use accounts::AccountChange;
pub use hientruong_db::Error;
pub use notifications::NotificationPage;
pub use reports::{Photo, ReportPage, ReportPageView, Support};
pub use tickets::Export;

use std::sync::Arc;

use hientruong_db::{DbPool, PooledConn};
use hientruong_domain::limits::Limits;
use hientruong_domain::push::PushServices;

/// What every use case runs against: the database pool (and the statistics' own, so that heavy
/// figures never take the connections intake and the inbox need), and the abuse limits (kept in
/// the database, so they hold across processes).
#[derive(Clone)]
pub struct App {
    pool: DbPool,
    stats_pool: Option<DbPool>,
    limits: Arc<Limits>,
    /// The push services browsers' subscriptions may name.
    push_services: Arc<PushServices>,
}

impl App {
    /// An application with the default limits.
    pub fn new(pool: DbPool) -> App {
        App::with_limits(pool, Limits::default())
    }

    pub fn with_limits(pool: DbPool, limits: Limits) -> App {
        App {
            pool,
            stats_pool: None,
            limits: Arc::new(limits),
            push_services: Arc::new(PushServices::default()),
        }
    }

    /// Subscriptions taken only on `services`.
    pub fn with_push_services(mut self, services: PushServices) -> App {
        self.push_services = Arc::new(services);
        self
    }

    /// Statistics read through `pool` rather than the main pool.
    pub fn with_stats_pool(mut self, pool: DbPool) -> App {
        self.stats_pool = Some(pool);
        self
    }

    /// The pool the statistics read through: their own when there is one.
    pub fn stats_pool(&self) -> &DbPool {
        self.stats_pool.as_ref().unwrap_or(&self.pool)
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The pool itself, for the infrastructure that holds a connection of its own (the event
    /// listener) and the statistics' concurrent queries.
    pub fn pool(&self) -> &DbPool {
        &self.pool
    }

    /// Runs synchronous work (a use case: diesel is synchronous) on the runtime's blocking
    /// threads, carrying the caller's tracing span so that what the work logs carries the
    /// request's id. The one way the async world calls the use cases.
    pub async fn blocking<T, F>(&self, work: F) -> Result<T, Error>
    where
        F: FnOnce(&App) -> Result<T, Error> + Send + 'static,
        T: Send + 'static,
    {
        let app = self.clone();
        let span = tracing::Span::current();
        tokio::task::spawn_blocking(move || {
            let _entered = span.enter();
            work(&app)
        })
        .await
        .map_err(|_| {
            tracing::error!("the blocking thread pool is gone");
            hientruong_domain::Error::ServiceUnavailable
        })?
    }

    /// Whether the database answers: the instance can serve traffic.
    pub fn ready(&self) -> Result<(), Error> {
        hientruong_db::pool::ping(&mut *self.conn()?)
    }

    fn conn(&self) -> Result<PooledConn, Error> {
        self.pool.get().map_err(Error::from)
    }
}
