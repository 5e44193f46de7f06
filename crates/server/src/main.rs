//! `hientruong`: the Hiện Trường server and its administration commands.
//!
//! `serve` runs the API (and, with no `DATABASE_URL`, a private PostgreSQL it manages);
//! `migrate` applies database migrations; `import-units` loads commune boundaries; `db` controls
//! the managed database. This file only dispatches: the command line is `cli.rs`, the settings
//! `config.rs`, and each command lives in `commands/`.

mod cli;
mod commands;
mod config;
mod logging;

use anyhow::Result;
use clap::Parser;

use cli::{Cli, Command};
use config::Config;

fn main() -> Result<()> {
    let cli = Cli::parse();
    if let Command::Openapi = cli.command {
        // Needs no configuration: the document is the code's.
        commands::docs::openapi();
        return Ok(());
    }
    let config = Config::from_env()?;
    logging::init(&config)?;
    match cli.command {
        Command::Serve { demo } => commands::serve::run(&config, demo),
        Command::Worker => commands::worker::run(&config),
        Command::Migrate => commands::maintenance::migrate(&config),
        Command::ImportUnits {
            file,
            valid_from,
            source,
        } => commands::maintenance::import_units(
            &config,
            &file,
            valid_from,
            source.as_deref().unwrap_or("imported file"),
        ),
        Command::RebuildFacts => commands::maintenance::rebuild_facts(&config),
        Command::Db { action } => commands::db::run(&config, action),
        Command::Generate {
            reports,
            days,
            seed,
        } => commands::generate::run(&config, reports, days, seed),
        Command::User { action } => commands::user::run(&config, action),
        Command::ApiKey { action } => commands::api_key::run(&config, action),
        Command::Settings => {
            commands::docs::settings();
            Ok(())
        }
        Command::Openapi => Ok(()),
    }
}
