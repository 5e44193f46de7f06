//! `hientruong db start|stop|url`: the managed PostgreSQL, when `DATABASE_URL` is unset.

use anyhow::{Result, anyhow};
use hientruong_db::cluster::{Durability, ManagedCluster};

use super::MANAGED_DATABASE;
use crate::cli::DbAction;
use crate::config::Config;

pub fn run(config: &Config, action: DbAction) -> Result<()> {
    if config.database_url.is_some() {
        return Err(anyhow!(
            "DATABASE_URL is set: the database is not managed by hientruong"
        ));
    }
    if let DbAction::Stop = action {
        let stopped = ManagedCluster::stop_existing(&config.data_dir)?;
        println!(
            "{}",
            if stopped {
                "managed PostgreSQL stopped"
            } else {
                "managed PostgreSQL was not running"
            }
        );
        return Ok(());
    }
    let cluster = ManagedCluster::ensure(&config.data_dir, MANAGED_DATABASE, Durability::Full)?;
    match action {
        DbAction::Start => println!(
            "managed PostgreSQL running on 127.0.0.1:{} (files in {})",
            cluster.port(),
            cluster.files().display()
        ),
        DbAction::Url => println!("{}", cluster.database_url(MANAGED_DATABASE)),
        DbAction::Stop => {}
    }
    Ok(())
}
