//! The command line: every command, its flags and its help text.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "hientruong",
    version,
    about = "Hiện Trường: citizen field reports for Huế"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Migrate, import Huế's communes on first start, and serve the API and web app.
    Serve {
        /// Also load demo accounts and sample reports (never use in production).
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Import commune boundaries from a GeoJSON FeatureCollection (idempotent).
    ImportUnits {
        /// GeoJSON file with one MultiPolygon feature per commune (see data/hue/SOURCE.md).
        file: PathBuf,
        /// Local date from which these boundaries are in force.
        #[arg(long, default_value = "2025-07-01")]
        valid_from: NaiveDate,
        /// Provenance recorded with each boundary.
        #[arg(long, default_value = "imported file")]
        source: Option<String>,
    },
    /// Control the managed PostgreSQL (used when DATABASE_URL is unset).
    Db {
        #[command(subcommand)]
        action: DbAction,
    },
    /// List the settings read from the environment.
    Settings,
    /// Print the OpenAPI document of /api/v1 (what mobile-api/openapi.json holds).
    Openapi,
    /// Run background jobs only (escalations, email), as a process of its own.
    Worker,
    /// Recompute every ticket's statistics facts from its events (after the holiday table
    /// changed, for instance).
    RebuildFacts,
    /// Add synthetic history for trying and measuring the statistics at scale: reports spread
    /// over Huế's communes and the last DAYS days with flood-season peaks, each with its handling
    /// (never on a production database: the reports are not real).
    Generate {
        /// How many reports.
        #[arg(long, default_value_t = 1_000_000)]
        reports: usize,
        /// Over how many days, up to now.
        #[arg(long, default_value_t = 730)]
        days: i64,
        /// Seed of the random choices.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Manage accounts.
    User {
        #[command(subcommand)]
        action: UserAction,
    },
    /// Manage the API keys of client applications (Open311 postings).
    #[command(name = "api-key")]
    ApiKey {
        #[command(subcommand)]
        action: ApiKeyAction,
    },
}

#[derive(Subcommand)]
pub enum ApiKeyAction {
    /// Create a key for an application. The key is printed once, alone on standard output; only
    /// its hash is stored.
    Create {
        /// The application's name (unique among active keys).
        #[arg(long)]
        name: String,
    },
    /// List the keys (never their secrets).
    List,
    /// Revoke a key at once.
    Revoke {
        /// The key's id (from `api-key list`).
        id: uuid::Uuid,
    },
}

#[derive(Subcommand)]
pub enum UserAction {
    /// Create an account (staff: officer, unit_manager, ioc_operator, admin). The password is
    /// read from standard input, never from the command line.
    Create {
        /// resident, officer, unit_manager, ioc_operator or admin.
        #[arg(long)]
        role: String,
        /// The handling unit of an officer or unit manager (e.g. csgt, ubnd-19753).
        #[arg(long)]
        unit: Option<String>,
        /// A user name, an email address or a mobile number.
        #[arg(long)]
        login: String,
        #[arg(long = "full-name")]
        full_name: String,
        /// Read the password from standard input (one line).
        #[arg(long = "password-stdin")]
        password_stdin: bool,
    },
}

#[derive(Subcommand)]
pub enum DbAction {
    /// Start it (if needed) and leave it running.
    Start,
    /// Stop it.
    Stop,
    /// Print its connection URL (contains the password: handle with care).
    Url,
}
