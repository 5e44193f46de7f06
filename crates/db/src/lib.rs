//! Storage for Hiện Trường: the PostgreSQL/PostGIS schema, its embedded migrations, and every query
//! the platform runs, as plain functions over a diesel connection.
//!
//! This crate knows nothing of HTTP and decides nothing: the rules are the domain's, and changes
//! of tickets apply the domain's plans ([`tickets`]). Query functions return [`Error`]; the HTTP
//! crate decides what a client sees. [`read`] holds the read models; `fixtures` (behind the
//! feature of that name) the demo and synthetic data. It also runs the project-managed PostgreSQL cluster ([`cluster`]) used when no
//! `DATABASE_URL` is configured.

pub mod account_codes;
pub mod admin;
pub mod alerts;
pub mod audit;
pub mod catalog;
pub mod cluster;
mod error;
pub mod events;
pub mod facts;
#[cfg(feature = "fixtures")]
pub mod fixtures;
pub mod geography;
pub mod jobs;
pub mod limits;
pub mod migrations;
pub mod models;
pub mod moderation;
mod notices;
pub mod notifications;
pub mod open311;
pub mod photos;
pub mod pool;
pub mod read;
pub mod reports;
pub mod routing;
pub mod schema;
pub mod sla;
pub mod stats;
pub mod supports;
pub mod tickets;
pub mod users;

pub use diesel::PgConnection;
pub use error::Error;
pub use pool::{DbPool, PooledConn};

/// Runs `work` in one transaction: committed when it succeeds, rolled back when it fails.
pub fn transaction<T>(
    conn: &mut PgConnection,
    work: impl FnOnce(&mut PgConnection) -> Result<T, Error>,
) -> Result<T, Error> {
    diesel::Connection::transaction(conn, work)
}
