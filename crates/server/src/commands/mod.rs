//! The commands of `hientruong`, a module each. Every command that needs the database gets it
//! from [`with_database`], and its connection from [`migrated`]; `db` alone drives the managed
//! cluster itself (it starts and stops it on purpose).

pub mod api_key;
pub mod db;
pub mod docs;
pub mod generate;
pub mod maintenance;
pub mod serve;
pub mod user;
pub mod worker;

use anyhow::{Context, Result, anyhow};
use hientruong_db::PgConnection;
use hientruong_db::cluster::{Durability, ManagedCluster};

use crate::config::Config;

/// The database of the managed cluster.
const MANAGED_DATABASE: &str = "hientruong";

/// Runs `run` with the URL of the database: the configured one (`DATABASE_URL`), or the managed
/// cluster, started if needed, and then stopped again once `run` has returned, whether it
/// succeeded or not.
pub fn with_database<T>(config: &Config, run: impl FnOnce(&str) -> Result<T>) -> Result<T> {
    let (url, cluster) = match &config.database_url {
        Some(url) => (url.clone(), None),
        None => {
            let cluster =
                ManagedCluster::ensure(&config.data_dir, MANAGED_DATABASE, Durability::Full)
                    .context("could not run the managed PostgreSQL")?;
            (cluster.database_url(MANAGED_DATABASE), Some(cluster))
        }
    };
    let result = run(&url);
    if let Some(Err(e)) = cluster.map(|c| c.stop()) {
        tracing::error!(error = %e, "could not stop the managed PostgreSQL");
    }
    result
}

/// A connection to `url`, with every pending migration applied first.
pub fn migrated(url: &str) -> Result<PgConnection> {
    let mut conn =
        hientruong_db::pool::connect(url).context("could not connect to the database")?;
    let applied = hientruong_db::migrations::run_pending(&mut conn)
        .map_err(|e| anyhow!("migration failed: {e}"))?;
    for version in &applied {
        tracing::info!(%version, "migration applied");
    }
    Ok(conn)
}

/// A domain refusal as the person at the terminal should read it: `code: English message`.
pub fn refusal(e: hientruong_db::Error) -> anyhow::Error {
    match e {
        hientruong_db::Error::Domain(d) => {
            anyhow!("{}: {}", d.code(), d.message(hientruong_domain::Lang::En))
        }
        other => anyhow!(other),
    }
}
