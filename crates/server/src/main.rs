//! `hientruong`: the Hiện Trường server and its administration commands.
//!
//! `serve` runs the API (and, with no `DATABASE_URL`, a private PostgreSQL it manages);
//! `migrate` applies database migrations; `import-units` loads commune boundaries; `db` controls
//! the managed database.

mod config;

use std::net::TcpListener;
use std::path::PathBuf;

use anyhow::{Context, Result, anyhow};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use hientruong_db::PgConnection;
use hientruong_db::cluster::{Durability, ManagedCluster};
use hientruong_db::diesel::Connection;
use indicatif::{ProgressBar, ProgressStyle};
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::format::FmtSpan;

use config::{Config, LogFormat};

const MANAGED_DATABASE: &str = "hientruong";

#[derive(Parser)]
#[command(
    name = "hientruong",
    version,
    about = "Hiện Trường: citizen field reports for Huế"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
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
enum ApiKeyAction {
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
enum UserAction {
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
enum DbAction {
    /// Start it (if needed) and leave it running.
    Start,
    /// Stop it.
    Stop,
    /// Print its connection URL (contains the password: handle with care).
    Url,
}

fn init_logging(config: &Config) -> Result<()> {
    let filter = EnvFilter::try_new(&config.log_filter)
        .map_err(|e| anyhow!("HIENTRUONG_LOG={:?} is invalid: {e}", config.log_filter))?;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_span_events(FmtSpan::CLOSE)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr);
    match config.log_format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
    Ok(())
}

/// The database to use: the configured one, or the managed cluster (started if needed).
fn database(config: &Config) -> Result<(String, Option<ManagedCluster>)> {
    match &config.database_url {
        Some(url) => Ok((url.clone(), None)),
        None => {
            let cluster =
                ManagedCluster::ensure(&config.data_dir, MANAGED_DATABASE, Durability::Full)
                    .context("could not run the managed PostgreSQL")?;
            Ok((cluster.database_url(MANAGED_DATABASE), Some(cluster)))
        }
    }
}

fn migrate(url: &str) -> Result<PgConnection> {
    let mut conn = PgConnection::establish(url).context("could not connect to the database")?;
    let applied = hientruong_db::migrations::run_pending(&mut conn)
        .map_err(|e| anyhow!("migration failed: {e}"))?;
    for version in &applied {
        tracing::info!(%version, "migration applied");
    }
    Ok(conn)
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    if let Command::Openapi = cli.command {
        // Needs no configuration: the document is the code's.
        print!("{}", hientruong_api::openapi::document_json());
        return Ok(());
    }
    let config = Config::from_env()?;
    init_logging(&config)?;
    match cli.command {
        Command::Serve { demo } => serve(&config, demo),
        Command::Migrate => {
            let (url, cluster) = database(&config)?;
            let result = migrate(&url).map(|_| ());
            stop(cluster);
            result
        }
        Command::ImportUnits {
            file,
            valid_from,
            source,
        } => {
            let (url, cluster) = database(&config)?;
            let result = import_units(
                &url,
                &file,
                valid_from,
                source.as_deref().unwrap_or("imported file"),
            );
            stop(cluster);
            result
        }
        Command::Db { action } => db_command(&config, action),
        Command::RebuildFacts => {
            let (url, cluster) = database(&config)?;
            let result = migrate(&url).and_then(|mut conn| {
                let n = hientruong_db::facts::rebuild(&mut conn).map_err(refusal)?;
                println!("recomputed the facts of {n} tickets");
                Ok(())
            });
            stop(cluster);
            result
        }
        Command::Generate {
            reports,
            days,
            seed,
        } => {
            let (url, cluster) = database(&config)?;
            let result = generate(&url, reports, days, seed);
            stop(cluster);
            result
        }
        Command::Worker => {
            let (url, cluster) = database(&config)?;
            let result = run_workers(&config, &url);
            stop(cluster);
            result
        }
        Command::User {
            action:
                UserAction::Create {
                    role,
                    unit,
                    login,
                    full_name,
                    password_stdin,
                },
        } => {
            if !password_stdin {
                return Err(anyhow!(
                    "pass --password-stdin and give the password on standard input (never on the command line)"
                ));
            }
            let mut password = String::new();
            std::io::stdin()
                .read_line(&mut password)
                .context("reading the password from standard input")?;
            let password = password.trim_end_matches(['\n', '\r']).to_owned();
            let (url, cluster) = database(&config)?;
            let result = create_user(&url, &role, unit.as_deref(), &login, &full_name, &password);
            stop(cluster);
            result
        }
        Command::ApiKey { action } => {
            let (url, cluster) = database(&config)?;
            let result = migrate(&url).and_then(|mut conn| api_key(&mut conn, action));
            stop(cluster);
            result
        }
        Command::Openapi => Ok(()),
        Command::Settings => {
            for (name, default, meaning) in config::KNOWN {
                println!("{name:<36} default {default:<18} {meaning}");
            }
            Ok(())
        }
    }
}

/// Reports go in by batches of this many, each batch one transaction (an interruption loses at
/// most the batch under way).
const GENERATE_BATCH: usize = 5_000;

fn generate(url: &str, reports: usize, days: i64, seed: u64) -> Result<()> {
    let mut conn = migrate(url)?;
    if let Some(summary) = hientruong_db::geography::import_hue_if_empty(&mut conn)? {
        tracing::info!(communes = summary.inserted, "imported Huế's communes");
    }
    let bar = ProgressBar::new(reports as u64).with_style(
        ProgressStyle::with_template(
            "{msg} [{bar:40}] {human_pos}/{human_len} reports, {per_sec}, {eta} left",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    bar.set_message("generating");
    let done = generate_history(&mut conn, reports, days, seed, |n| {
        bar.set_position(n as u64)
    })?;
    bar.finish_with_message("generated");
    println!("added {done} synthetic reports over {days} days (seed {seed})");
    Ok(())
}

/// Writes `reports` synthetic reports over the last `days` days, batch by batch (`progress` is
/// told how many are done), then refreshes the planner's statistics and the visibility map
/// (which lets the statistics read their indexes alone; autovacuum would get there, later).
fn generate_history(
    conn: &mut PgConnection,
    reports: usize,
    days: i64,
    seed: u64,
    progress: impl Fn(usize),
) -> Result<usize> {
    // The synthetic accounts can never log in: their password is random and forgotten.
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret).map_err(|e| anyhow!("no randomness: {e}"))?;
    let hash =
        hientruong_app::password::hash_blocking(&hex(&secret)).map_err(|e| anyhow!("{e}"))?;
    let settings = hientruong_db::synthetic::Settings {
        reports,
        days,
        end: chrono::Utc::now(),
        seed,
    };
    let mut world = hientruong_db::synthetic::prepare(conn, settings, &hash)?;
    let mut done = 0;
    while done < reports {
        let n = GENERATE_BATCH.min(reports - done);
        hientruong_db::synthetic::write_batch(conn, &mut world, n)?;
        done += n;
        progress(done);
    }
    hientruong_db::diesel::RunQueryDsl::execute(
        hientruong_db::diesel::sql_query(
            "VACUUM ANALYZE reports, report_events, ticket_facts, ratings, users",
        ),
        conn,
    )?;
    Ok(done)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn stop(cluster: Option<ManagedCluster>) {
    if let Some(Err(e)) = cluster.map(|c| c.stop()) {
        tracing::error!(error = %e, "could not stop the managed PostgreSQL");
    }
}

fn db_command(config: &Config, action: DbAction) -> Result<()> {
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
        DbAction::Start => println!("managed PostgreSQL running on 127.0.0.1:{}", cluster.port()),
        DbAction::Url => println!("{}", cluster.database_url(MANAGED_DATABASE)),
        DbAction::Stop => {}
    }
    Ok(())
}

fn import_units(
    url: &str,
    file: &std::path::Path,
    valid_from: NaiveDate,
    source: &str,
) -> Result<()> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let total = hientruong_db::geography::count_features(&text)?;
    let mut conn = migrate(url)?;
    let bar = ProgressBar::new(total as u64).with_style(
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} communes")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message("importing");
    let summary =
        hientruong_db::geography::import_units(&mut conn, &text, valid_from, source, |done| {
            bar.set_position(done as u64)
        })?;
    bar.finish_with_message("imported");
    println!(
        "{} new, {} replaced, {} unchanged, {} legacy links",
        summary.inserted, summary.replaced, summary.unchanged, summary.legacy_links
    );
    Ok(())
}

/// A domain refusal as the person at the terminal should read it.
fn refusal(e: hientruong_db::Error) -> anyhow::Error {
    match e {
        hientruong_db::Error::Domain(d) => {
            anyhow!("{}: {}", d.code(), d.message(hientruong_domain::Lang::En))
        }
        other => anyhow!(other),
    }
}

fn create_user(
    url: &str,
    role: &str,
    unit: Option<&str>,
    login: &str,
    full_name: &str,
    password: &str,
) -> Result<()> {
    // The role first, with its own message listing the roles (the other rules in the domain's
    // order).
    if hientruong_domain::role::Role::parse_assignable(role.trim()).is_none() {
        return Err(anyhow!(
            "unknown role {role:?}: use resident, officer, unit_manager, ioc_operator or admin"
        ));
    }
    let account = hientruong_domain::login::NewAccount {
        login,
        full_name,
        password,
    }
    .staff(role, unit)
    .map_err(|e| refusal(e.into()))?;
    let hash = hientruong_app::password::hash_blocking(password).map_err(|e| anyhow!("{e}"))?;
    let mut conn = migrate(url)?;
    let user = hientruong_db::users::create_staff(
        &mut conn,
        &account.login,
        &account.full_name,
        &hash,
        account.role,
        account.unit.as_deref(),
    )
    .map_err(refusal)?;
    println!(
        "created {} {} ({}{})",
        user.role,
        user.login,
        user.id,
        user.unit_code
            .as_deref()
            .map(|u| format!(", unit {u}"))
            .unwrap_or_default()
    );
    Ok(())
}

fn api_key(conn: &mut PgConnection, action: ApiKeyAction) -> Result<()> {
    use hientruong_db::open311;
    let show = |k: &open311::ApiKey| {
        format!(
            "{}  {}  {:<30}  created {}{}",
            k.id,
            k.prefix,
            k.name,
            k.created_at.format("%Y-%m-%d %H:%M"),
            k.revoked_at
                .map(|at| format!(", revoked {}", at.format("%Y-%m-%d %H:%M")))
                .unwrap_or_default()
        )
    };
    match action {
        ApiKeyAction::Create { name } => {
            let (key, secret) = open311::create_key(conn, &name, None).map_err(refusal)?;
            eprintln!(
                "created API key {} for {:?}; it is shown once, keep it now:",
                key.id, key.name
            );
            println!("{secret}");
        }
        ApiKeyAction::List => {
            for key in open311::keys(conn)? {
                println!("{}", show(&key));
            }
        }
        ApiKeyAction::Revoke { id } => {
            let key = open311::revoke_key(conn, id).map_err(refusal)?;
            println!("revoked {}", show(&key));
        }
    }
    Ok(())
}

/// Connections for `workers` job threads: one each, and one to spare.
fn job_pool_size(workers: usize) -> u32 {
    u32::try_from(workers + 1).unwrap_or(u32::MAX)
}

/// Starts `n` job worker threads; they stop when `stop` is set.
fn start_workers(
    config: &Config,
    pool: &hientruong_db::DbPool,
    n: usize,
    stop: &std::sync::Arc<std::sync::atomic::AtomicBool>,
) -> Result<Vec<std::thread::JoinHandle<()>>> {
    let mailer = config.mailer()?;
    (0..n)
        .map(|_| {
            hientruong_worker::Worker::new(pool.clone(), mailer.clone())
                .spawn(
                    std::time::Duration::from_millis(config.job_poll_ms),
                    stop.clone(),
                )
                .context("could not start a job worker")
        })
        .collect()
}

/// `hientruong worker`: job workers only, until SIGINT/SIGTERM.
fn run_workers(config: &Config, url: &str) -> Result<()> {
    drop(migrate(url)?);
    let workers = config.job_workers.max(1);
    let pool = hientruong_db::pool::build(url, job_pool_size(workers))
        .context("could not open the connection pool")?;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let handles = start_workers(config, &pool, workers, &stop)?;
    tracing::info!(workers = handles.len(), "running background jobs");
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?
        .block_on(async {
            let mut term =
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            Ok::<_, std::io::Error>(())
        })?;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for handle in handles {
        handle.join().ok();
    }
    tracing::info!("workers stopped");
    Ok(())
}

fn serve(config: &Config, demo: bool) -> Result<()> {
    let (url, cluster) = database(config)?;
    let result = serve_with(config, &url, demo);
    stop(cluster);
    result
}

fn serve_with(config: &Config, url: &str, demo: bool) -> Result<()> {
    let mut conn = migrate(url)?;
    if let Some(summary) = hientruong_db::geography::import_hue_if_empty(&mut conn)? {
        tracing::info!(
            communes = summary.inserted,
            "imported Huế's communes (first start)"
        );
    }
    let settings = hientruong_api::Settings {
        jwt_secret: config.jwt_secret()?,
        photo_limits: config.photo_limits,
        open311_posts_per_minute: config.open311_posts_per_minute,
        public_url: config.public_url.clone(),
        ..hientruong_api::Settings::default()
    };
    let filled = hientruong_db::facts::fill_if_empty(&mut conn)?;
    if filled > 0 {
        tracing::info!(
            tickets = filled,
            "computed statistics facts from the ticket events"
        );
    }
    let backfilled = hientruong_db::tickets::backfill_deadlines(&mut conn)?;
    if backfilled > 0 {
        tracing::info!(
            tickets = backfilled,
            "gave deadlines to tickets stored before deadlines existed"
        );
    }
    if demo {
        let hash = hientruong_app::password::hash_blocking(hientruong_db::demo::DEMO_PASSWORD)
            .map_err(|e| anyhow!("{e}"))?;
        let added = hientruong_db::demo::load(&mut conn, &hash)?;
        if added > 0 {
            // Two years of handled tickets behind the demo's open ones, so that the dashboard,
            // its charts and the league table have something to show.
            let history =
                generate_history(&mut conn, hientruong_db::demo::DEMO_HISTORY, 730, 1, |_| {})?;
            tracing::info!(reports = added, history, "demo data loaded");
        }
    }
    drop(conn);
    let pool = hientruong_db::pool::build(url, config.pool_size)
        .context("could not open the connection pool")?;
    let media = match &config.media_store {
        // S3-compatible storage: object_store takes its settings (aws_access_key_id,
        // aws_secret_access_key, aws_region, aws_endpoint, allow_http...) from AWS_* variables.
        Some(url) => {
            let options = std::env::vars()
                .filter(|(k, _)| k.starts_with("AWS_"))
                .map(|(k, v)| match k.to_ascii_lowercase().as_str() {
                    "aws_allow_http" => ("allow_http".to_owned(), v),
                    lower => (lower.to_owned(), v),
                });
            hientruong_media::store::MediaStore::from_url(url, options)
                .with_context(|| format!("could not open the media store {url}"))?
        }
        None => {
            hientruong_media::store::MediaStore::local(&config.media_dir).with_context(|| {
                format!(
                    "could not open the media store {}",
                    config.media_dir.display()
                )
            })?
        }
    };
    // Job threads get connections of their own: an email send holds one for as long as the relay
    // takes, which must not starve the API.
    let stop_workers = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let workers = if config.job_workers > 0 {
        let job_pool = hientruong_db::pool::build(url, job_pool_size(config.job_workers))
            .context("could not open the job workers' connection pool")?;
        start_workers(config, &job_pool, config.job_workers, &stop_workers)?
    } else {
        Vec::new()
    };
    let state = hientruong_api::AppState::new(pool, settings, media);
    let sweep_state = state.clone();
    let sweep_every = std::time::Duration::from_secs(config.media_sweep_secs);
    let listener = TcpListener::bind(config.bind)
        .with_context(|| format!("could not listen on {}", config.bind))?;
    tracing::info!(address = %config.bind, "serving on http://{}", config.bind);
    actix_web::rt::System::new().block_on(async move {
        // Files left without a photo record by a crash between storing and recording are removed
        // once they are older than the sweep's grace period.
        actix_web::rt::spawn(async move {
            let mut every = actix_web::rt::time::interval(sweep_every);
            loop {
                every.tick().await;
                match hientruong_api::photos::sweep_orphans(
                    &sweep_state,
                    hientruong_api::photos::SWEEP_GRACE,
                )
                .await
                {
                    Ok(0) => {}
                    Ok(removed) => {
                        tracing::info!(removed, "removed media files no photo refers to")
                    }
                    Err(e) => tracing::warn!(error = %e.error, "media sweep failed"),
                }
            }
        });
        hientruong_api::server(listener, state, config.workers, true)?.await
    })?;
    stop_workers.store(true, std::sync::atomic::Ordering::Relaxed);
    for handle in workers {
        handle.join().ok();
    }
    tracing::info!("server stopped");
    Ok(())
}
