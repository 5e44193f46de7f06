//! The application layer of Hiện Trường: one function per use case (submit a report, act on a
//! ticket, rate, upload photos, ...), each owning its transaction and its policy check and
//! returning domain values and read models. Handlers (api) and commands (server) call these;
//! nothing here knows HTTP, and nothing here writes SQL: queries are the `db` crate's, rules the
//! `domain` crate's.
//!
//! Use cases are methods of [`App`], synchronous (diesel is), run by the HTTP layer on its
//! blocking pool. [`password`] is the hashing that registration, login and account creation
//! share.

mod accounts;
pub mod password;
mod reports;
mod tickets;

pub use accounts::AccountChange;
pub use hientruong_db::Error;
pub use reports::Photo;
pub use tickets::Export;

use hientruong_db::{DbPool, PooledConn};

/// What every use case runs against: the database pool.
#[derive(Clone)]
pub struct App {
    pool: DbPool,
}

impl App {
    pub fn new(pool: DbPool) -> App {
        App { pool }
    }

    /// The pool itself, for the infrastructure that holds connections of its own (the event
    /// listener) and the reads not yet expressed as use cases.
    pub fn pool(&self) -> &DbPool {
        &self.pool
    }

    /// Whether the database answers: the instance can serve traffic.
    pub fn ready(&self) -> Result<(), Error> {
        hientruong_db::pool::ping(&mut *self.conn()?)
    }

    fn conn(&self) -> Result<PooledConn, Error> {
        self.pool.get().map_err(Error::from)
    }
}
