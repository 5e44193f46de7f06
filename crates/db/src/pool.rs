//! The connection pool. Diesel is synchronous; the HTTP crate runs queries on a blocking pool.

use std::time::Duration;

use diesel::PgConnection;
use diesel::connection::SimpleConnection;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool, PooledConnection};

pub type DbPool = Pool<ConnectionManager<PgConnection>>;
pub type PooledConn = PooledConnection<ConnectionManager<PgConnection>>;

#[derive(Debug)]
struct SessionSettings;

impl CustomizeConnection<PgConnection, diesel::r2d2::Error> for SessionSettings {
    fn on_acquire(&self, conn: &mut PgConnection) -> Result<(), diesel::r2d2::Error> {
        // A runaway query must not hold a connection forever; times are always handled in UTC.
        conn.batch_execute("SET statement_timeout = '15s'; SET TIME ZONE 'UTC'; SET application_name = 'hientruong'")
            .map_err(diesel::r2d2::Error::QueryError)
    }
}

/// Builds a pool of at most `max_size` connections. Fails when the database cannot be reached.
pub fn build(database_url: &str, max_size: u32) -> Result<DbPool, diesel::r2d2::PoolError> {
    Pool::builder()
        .max_size(max_size)
        .min_idle(Some(1))
        .connection_timeout(Duration::from_secs(5))
        .connection_customizer(Box::new(SessionSettings))
        .build(ConnectionManager::new(database_url))
}

/// One connection of its own, outside any pool (for commands).
pub fn connect(database_url: &str) -> Result<PgConnection, crate::Error> {
    Ok(diesel::Connection::establish(database_url)?)
}

/// Whether the database answers on this connection.
pub fn ping(conn: &mut PgConnection) -> Result<(), crate::Error> {
    conn.batch_execute("SELECT 1")?;
    Ok(())
}
