//! Configuration from the environment (and an optional `.env`), checked at start: every setting
//! the commands use is read here, once, into [`Config`].

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::net::SocketAddr;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use hientruong_domain::limits::{Limited, Limits, Quota};

/// Every setting the product reads. Any other `HIENTRUONG_*` variable is a mistake (a typo would
/// otherwise be silently ignored) and stops the start.
pub const KNOWN: &[(&str, &str, &str)] = &[
    (
        "DATABASE_URL",
        "(managed cluster)",
        "PostgreSQL+PostGIS URL; unset: a private cluster in $HIENTRUONG_DATA_DIR/pg",
    ),
    (
        "HIENTRUONG_BIND",
        "127.0.0.1:8080",
        "address and port the HTTP server listens on",
    ),
    (
        "HIENTRUONG_DATA_DIR",
        "./.data",
        "directory for the managed database, secrets and media",
    ),
    (
        "HIENTRUONG_JWT_SECRET",
        "(generated)",
        "secret for signing access tokens, at least 32 bytes; unset: generated once into $HIENTRUONG_DATA_DIR/jwt.secret (0600)",
    ),
    (
        "HIENTRUONG_LOG",
        "info",
        "log filter (tracing EnvFilter syntax, e.g. `info,hientruong_api=debug`)",
    ),
    (
        "HIENTRUONG_LOG_FORMAT",
        "text",
        "`text` or `json` (one JSON object per line)",
    ),
    (
        "HIENTRUONG_DB_POOL_SIZE",
        "16",
        "maximum database connections of one server process",
    ),
    ("HIENTRUONG_WORKERS", "(CPU cores)", "HTTP worker threads"),
    (
        "HIENTRUONG_MEDIA_DIR",
        "$HIENTRUONG_DATA_DIR/media",
        "directory of the photo store (originals and variants)",
    ),
    (
        "HIENTRUONG_MEDIA_STORE",
        "(the directory)",
        "photo store URL instead of the directory: s3://bucket[/prefix]; settings from AWS_* variables",
    ),
    (
        "HIENTRUONG_PHOTO_MAX_BYTES",
        "10485760",
        "largest photo accepted, bytes",
    ),
    (
        "HIENTRUONG_PHOTO_MAX_PIXELS",
        "50000000",
        "most pixels a photo may have (checked before decoding)",
    ),
    (
        "HIENTRUONG_PHOTOS_PER_REPORT",
        "5",
        "most photos one report may have",
    ),
    (
        "HIENTRUONG_MEDIA_SWEEP_SECS",
        "3600",
        "how often files no photo refers to (left by a crash) are removed",
    ),
    (
        "HIENTRUONG_SMTP_URL",
        "(none: .eml files)",
        "SMTP relay for outgoing email, e.g. smtp://user:pass@host:587?tls=required or smtps://host; never logged",
    ),
    (
        "HIENTRUONG_MAIL_FROM",
        "Hiện Trường <no-reply@localhost>",
        "sender of outgoing email",
    ),
    (
        "HIENTRUONG_MAIL_DIR",
        "$HIENTRUONG_DATA_DIR/mail",
        "where email goes as .eml files when no SMTP relay is set",
    ),
    (
        "HIENTRUONG_SMS_URL",
        "(none: .txt files)",
        "SMS gateway: a JSON POST {to, text} for each text message (password-reset codes to phone logins)",
    ),
    (
        "HIENTRUONG_SMS_TOKEN",
        "(none)",
        "sent to the SMS gateway as Authorization: Bearer; never logged",
    ),
    (
        "HIENTRUONG_SMS_DIR",
        "$HIENTRUONG_DATA_DIR/sms",
        "where text messages go as .txt files when no SMS gateway is set",
    ),
    (
        "HIENTRUONG_VAPID_PRIVATE_KEY",
        "(generated)",
        "the Web Push (VAPID) private key, base64url, the same for every server and worker; unset: generated once into $HIENTRUONG_DATA_DIR/vapid.key (0600); never logged",
    ),
    (
        "HIENTRUONG_VAPID_SUBJECT",
        "$HIENTRUONG_PUBLIC_URL if https, else mailto: the sender's address",
        "how push services reach the operator: a mailto: or https: address (the VAPID `sub`)",
    ),
    (
        "HIENTRUONG_PUSH_SERVICES",
        hientruong_domain::push::DEFAULT_PUSH_SERVICES,
        "the push services whose endpoints browsers' subscriptions may name (origins, `*.` for any subdomain, `:*` for any port): the server posts nowhere else",
    ),
    (
        "HIENTRUONG_JOB_WORKERS",
        "1",
        "background job threads of `serve` (escalations, email); 0 when separate `hientruong worker` processes run them",
    ),
    (
        "HIENTRUONG_PUBLIC_URL",
        "http://$HIENTRUONG_BIND on a loopback address; required otherwise",
        "the server's public address, e.g. https://hientruong.example.vn, for absolute URLs in answers (never taken from a request's headers)",
    ),
    (
        "HIENTRUONG_TILE_URL",
        OSM_TILES,
        "the residents' base map: a tile address with {z}/{x}/{y} ({s} for subdomains), the one other origin the pages may load images from; `none` for no base map (the commune outlines only)",
    ),
    (
        "HIENTRUONG_TILE_ATTRIBUTION",
        OSM_ATTRIBUTION,
        "the credit the tiles' licence asks for, shown on the map",
    ),
    (
        "HIENTRUONG_OPEN311_POSTS_PER_MINUTE",
        "60",
        "Open311 requests each API key may post per minute (bursts up to as many)",
    ),
    (
        "HIENTRUONG_LIMIT_REPORTS_PER_ACCOUNT",
        "10/h,30/d",
        "new reports one account may submit (quotas `N/unit`, units s, min, h, d; `off` for none)",
    ),
    (
        "HIENTRUONG_LIMIT_REPORTS_PER_ADDRESS",
        "120/h",
        "new reports from one client address, any account (addresses are shared behind mobile NAT)",
    ),
    (
        "HIENTRUONG_LIMIT_REGISTRATIONS_PER_ADDRESS",
        "20/h",
        "accounts created from one client address",
    ),
    (
        "HIENTRUONG_LIMIT_LOGINS_PER_LOGIN_AND_ADDRESS",
        "10/15min",
        "login attempts on one login from one address, then `account_locked` there (a success clears them)",
    ),
    (
        "HIENTRUONG_LIMIT_LOGINS_PER_ADDRESS",
        "300/h",
        "login attempts from one client address on any login",
    ),
    (
        "HIENTRUONG_LIMIT_OPEN311_KEY_FAILURES_PER_ADDRESS",
        "20/h",
        "Open311 postings with a wrong API key from one address, before keys are looked up",
    ),
    (
        "HIENTRUONG_LIMIT_PASSWORD_RESETS_PER_LOGIN",
        "3/h,10/d",
        "password-reset codes asked for one login (each a message to its owner)",
    ),
    (
        "HIENTRUONG_LIMIT_PASSWORD_RESETS_PER_ADDRESS",
        "30/h",
        "password-reset codes asked for from one client address, any login",
    ),
    (
        "HIENTRUONG_LIMIT_VERIFICATION_CODES_PER_ACCOUNT",
        "3/h,10/d",
        "new account-verification codes one account asks for (beyond the one sent at registration)",
    ),
    (
        "HIENTRUONG_LIMIT_VERIFICATION_CODES_PER_ADDRESS",
        "30/h",
        "new account-verification codes asked for from one client address, any account",
    ),
    (
        "HIENTRUONG_UPLOADS_PER_ACCOUNT",
        "2",
        "photo uploads one account may have being received at once",
    ),
    (
        "HIENTRUONG_UPLOADS_PER_ADDRESS",
        "8",
        "photo uploads one client address may have being received at once",
    ),
    (
        "HIENTRUONG_STATISTICS_AT_ONCE",
        "2",
        "statistics one server process computes at once, each with up to 4 connections of a pool of their own",
    ),
    (
        "HIENTRUONG_EVENT_STREAMS",
        "500",
        "event streams (GET /api/v1/events) one server process keeps open at once",
    ),
    (
        "HIENTRUONG_EVENT_STREAMS_PER_ADDRESS",
        "10",
        "event streams one client address may keep open at once",
    ),
    (
        "HIENTRUONG_TRUSTED_PROXIES",
        "(none)",
        "addresses or networks (CIDR) of the proxies whose X-Forwarded-For names the client, comma-separated",
    ),
    (
        "HIENTRUONG_JOB_POLL_MS",
        "1000",
        "how often an idle job worker looks for due jobs, milliseconds",
    ),
];

/// OpenStreetMap's standard tiles, under their tile usage policy (fair use, attribution).
const OSM_TILES: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
const OSM_ATTRIBUTION: &str = "© OpenStreetMap contributors";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: Option<String>,
    pub bind: SocketAddr,
    pub data_dir: PathBuf,
    jwt_secret: Option<Vec<u8>>,
    pub log_filter: String,
    pub log_format: LogFormat,
    pub pool_size: u32,
    pub workers: Option<usize>,
    pub media_dir: PathBuf,
    /// The photo store's URL (`HIENTRUONG_MEDIA_STORE`, `s3://bucket[/prefix]`) instead of
    /// `media_dir`.
    pub media_store: Option<String>,
    /// With `media_store`, the object store's settings, from the standard `AWS_*` variables
    /// (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_REGION`, `AWS_ENDPOINT`,
    /// `AWS_ALLOW_HTTP`...; see docs/operations.md) under object_store's names: lower-cased, and
    /// `allow_http` for `AWS_ALLOW_HTTP`. Empty without `media_store`.
    pub media_store_options: Vec<(String, String)>,
    pub photo_limits: hientruong_media::Limits,
    pub media_sweep_secs: u64,
    smtp_url: Option<String>,
    pub mail_from: String,
    pub mail_dir: PathBuf,
    sms_url: Option<String>,
    sms_token: Option<String>,
    pub sms_dir: PathBuf,
    pub job_workers: usize,
    pub job_poll_ms: u64,
    /// The abuse limits: the `HIENTRUONG_LIMIT_*` settings and the Open311 posting rate.
    pub limits: Limits,
    pub uploads_per_account: usize,
    pub uploads_per_address: usize,
    pub statistics_at_once: usize,
    pub event_streams: usize,
    pub event_streams_per_address: usize,
    pub trusted_proxies: Vec<ipnet::IpNet>,
    pub public_url: String,
    vapid_key: Option<String>,
    pub vapid_subject: String,
    pub push_services: hientruong_domain::push::PushServices,
    /// The residents' base map (`None`: `HIENTRUONG_TILE_URL=none`).
    pub tiles: Option<hientruong_api::TileSource>,
}

fn var(name: &str) -> Result<Option<String>> {
    match std::env::var(name) {
        Ok(v) if v.trim().is_empty() => Ok(None),
        Ok(v) => Ok(Some(v)),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => bail!("{name} is not valid UTF-8"),
    }
}

fn parsed<T: std::str::FromStr>(
    name: &str,
    default: T,
    check: impl Fn(&T) -> bool,
    expect: &str,
) -> Result<T> {
    match var(name)? {
        None => Ok(default),
        Some(raw) => match raw.trim().parse::<T>() {
            Ok(v) if check(&v) => Ok(v),
            _ => bail!("{name}={raw:?} is invalid: expected {expect}"),
        },
    }
}

/// Each limit's setting (its default is the domain's, written in [`KNOWN`] as well).
const LIMIT_SETTINGS: &[(Limited, &str)] = &[
    (
        Limited::ReportsPerAccount,
        "HIENTRUONG_LIMIT_REPORTS_PER_ACCOUNT",
    ),
    (
        Limited::ReportsPerAddress,
        "HIENTRUONG_LIMIT_REPORTS_PER_ADDRESS",
    ),
    (
        Limited::RegistrationsPerAddress,
        "HIENTRUONG_LIMIT_REGISTRATIONS_PER_ADDRESS",
    ),
    (
        Limited::LoginsPerLoginAndAddress,
        "HIENTRUONG_LIMIT_LOGINS_PER_LOGIN_AND_ADDRESS",
    ),
    (
        Limited::LoginsPerAddress,
        "HIENTRUONG_LIMIT_LOGINS_PER_ADDRESS",
    ),
    (
        Limited::Open311KeyFailuresPerAddress,
        "HIENTRUONG_LIMIT_OPEN311_KEY_FAILURES_PER_ADDRESS",
    ),
    (
        Limited::PasswordResetsPerLogin,
        "HIENTRUONG_LIMIT_PASSWORD_RESETS_PER_LOGIN",
    ),
    (
        Limited::PasswordResetsPerAddress,
        "HIENTRUONG_LIMIT_PASSWORD_RESETS_PER_ADDRESS",
    ),
    (
        Limited::VerificationCodesPerAccount,
        "HIENTRUONG_LIMIT_VERIFICATION_CODES_PER_ACCOUNT",
    ),
    (
        Limited::VerificationCodesPerAddress,
        "HIENTRUONG_LIMIT_VERIFICATION_CODES_PER_ADDRESS",
    ),
];

fn limits() -> Result<Limits> {
    let mut limits = Limits::default();
    for &(limited, name) in LIMIT_SETTINGS {
        if let Some(raw) = var(name)? {
            let quotas = Quota::parse_list(&raw).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
            limits.set(limited, quotas);
        }
    }
    let per_minute = parsed(
        "HIENTRUONG_OPEN311_POSTS_PER_MINUTE",
        60,
        |n| (1..=100_000).contains(n),
        "a number from 1 to 100000",
    )?;
    limits.set(
        Limited::Open311PostsPerKey,
        vec![Quota::new(per_minute, 60)],
    );
    Ok(limits)
}

/// A count from 1 to 100000.
fn count(name: &str, default: usize) -> Result<usize> {
    parsed(
        name,
        default,
        |n| (1..=100_000).contains(n),
        "a number from 1 to 100000",
    )
}

fn trusted_proxies() -> Result<Vec<ipnet::IpNet>> {
    let Some(raw) = var("HIENTRUONG_TRUSTED_PROXIES")? else {
        return Ok(Vec::new());
    };
    raw.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<ipnet::IpNet>()
                .or_else(|_| s.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| {
                    anyhow::anyhow!(
                        "HIENTRUONG_TRUSTED_PROXIES: {s:?} is not an address or a network (10.0.0.0/8)"
                    )
                })
        })
        .collect()
}

/// The `AWS_*` variables among `vars` as object_store's options (see
/// [`Config::media_store_options`]).
fn media_store_options(
    vars: impl Iterator<Item = (std::ffi::OsString, std::ffi::OsString)>,
) -> Result<Vec<(String, String)>> {
    vars.filter(|(k, _)| k.as_encoded_bytes().starts_with(b"AWS_"))
        .map(|(k, v)| {
            let name = k.to_string_lossy().into_owned();
            let (Some(key), Ok(value)) = (k.to_str(), v.into_string()) else {
                bail!("{name} is not valid UTF-8");
            };
            Ok(match key.to_ascii_lowercase().as_str() {
                "aws_allow_http" => ("allow_http".to_owned(), value),
                lower => (lower.to_owned(), value),
            })
        })
        .collect()
}

impl Config {
    /// Reads `.env` (when present) and the environment.
    pub fn from_env() -> Result<Config> {
        match dotenvy::from_path(".env") {
            Ok(_) => {}
            Err(e) if e.not_found() => {}
            Err(e) => bail!("could not read .env: {e}"),
        }
        let known: BTreeSet<&str> = KNOWN.iter().map(|(n, _, _)| *n).collect();
        let unknown: Vec<String> = std::env::vars_os()
            .filter_map(|(k, _)| k.into_string().ok())
            .filter(|k| k.starts_with("HIENTRUONG_") && !known.contains(k.as_str()))
            .collect();
        if !unknown.is_empty() {
            let list: Vec<&str> = known.iter().copied().collect();
            bail!(
                "unknown setting(s) {}; the settings are: {}",
                unknown.join(", "),
                list.join(", ")
            );
        }

        let database_url = var("DATABASE_URL")?;
        if database_url.as_ref().is_some_and(|url| {
            !(url.starts_with("postgres://") || url.starts_with("postgresql://"))
        }) {
            bail!("DATABASE_URL must start with postgres:// or postgresql://");
        }
        let jwt_secret = var("HIENTRUONG_JWT_SECRET")?.map(String::into_bytes);
        if jwt_secret.as_ref().is_some_and(|s| s.len() < 32) {
            bail!(
                "HIENTRUONG_JWT_SECRET is too short: use at least 32 bytes (e.g. `openssl rand -hex 32`)"
            );
        }
        let log_format = match var("HIENTRUONG_LOG_FORMAT")?.as_deref() {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => {
                bail!("HIENTRUONG_LOG_FORMAT={other:?} is invalid: expected `text` or `json`")
            }
        };
        let workers = match var("HIENTRUONG_WORKERS")? {
            None => None,
            Some(_) => Some(parsed(
                "HIENTRUONG_WORKERS",
                1usize,
                |n| (1..=256).contains(n),
                "a number from 1 to 256",
            )?),
        };
        let data_dir =
            PathBuf::from(var("HIENTRUONG_DATA_DIR")?.unwrap_or_else(|| "./.data".into()));
        let photo_limits = hientruong_media::Limits {
            max_bytes: parsed(
                "HIENTRUONG_PHOTO_MAX_BYTES",
                10 * 1024 * 1024,
                |n| (1024..=100 << 20).contains(n),
                "a number of bytes from 1024 to 104857600",
            )?,
            max_pixels: parsed(
                "HIENTRUONG_PHOTO_MAX_PIXELS",
                50_000_000,
                |n| (10_000..=400_000_000).contains(n),
                "a number from 10000 to 400000000",
            )?,
            max_photos: parsed(
                "HIENTRUONG_PHOTOS_PER_REPORT",
                5,
                |n| (1..=50).contains(n),
                "a number from 1 to 50",
            )?,
        };
        let smtp_url = var("HIENTRUONG_SMTP_URL")?;
        if smtp_url
            .as_ref()
            .is_some_and(|u| !(u.starts_with("smtp://") || u.starts_with("smtps://")))
        {
            // The URL may hold a password: it is not repeated in the message.
            bail!("HIENTRUONG_SMTP_URL must start with smtp:// or smtps://");
        }
        let mail_from = var("HIENTRUONG_MAIL_FROM")?
            .unwrap_or_else(|| "Hiện Trường <no-reply@localhost>".into());
        let mail_dir = var("HIENTRUONG_MAIL_DIR")?
            .map(PathBuf::from)
            .unwrap_or_else(|| data_dir.join("mail"));
        let sms_url = var("HIENTRUONG_SMS_URL")?;
        if sms_url
            .as_ref()
            .is_some_and(|u| !(u.starts_with("http://") || u.starts_with("https://")))
        {
            bail!("HIENTRUONG_SMS_URL must start with http:// or https://");
        }
        let sms_token = var("HIENTRUONG_SMS_TOKEN")?;
        let sms_dir = var("HIENTRUONG_SMS_DIR")?
            .map(PathBuf::from)
            .unwrap_or_else(|| data_dir.join("sms"));
        let media_store = var("HIENTRUONG_MEDIA_STORE")?;
        let media_store_options = if media_store.is_some() {
            media_store_options(std::env::vars_os())?
        } else {
            Vec::new()
        };
        let public_url =
            var("HIENTRUONG_PUBLIC_URL")?.map(|u| u.trim().trim_end_matches('/').to_owned());
        if public_url.as_ref().is_some_and(|u| {
            !(u.starts_with("http://") || u.starts_with("https://")) || u.contains(['?', '#', ' '])
        }) {
            bail!(
                "HIENTRUONG_PUBLIC_URL must be an http:// or https:// address without query or fragment"
            );
        }
        let bind = parsed(
            "HIENTRUONG_BIND",
            SocketAddr::from(([127, 0, 0, 1], 8080)),
            |_| true,
            "host:port, e.g. 127.0.0.1:8080",
        )?;
        // Absolute URLs in answers are made from this, never from the request's `Host` or a
        // proxy's headers, which anyone can write. On this machine only, its own address will do.
        let public_url = match public_url {
            Some(url) => url,
            None if bind.ip().is_loopback() => format!("http://{bind}"),
            None => bail!(
                "HIENTRUONG_PUBLIC_URL is required when the server listens on {bind}: the address \
                 (https://…) that residents and client applications reach it at, from which \
                 answers make their absolute URLs"
            ),
        };
        let vapid_subject = match var("HIENTRUONG_VAPID_SUBJECT")? {
            Some(subject) => {
                let subject = subject.trim().to_owned();
                if !(subject.starts_with("mailto:") || subject.starts_with("https://")) {
                    bail!(
                        "HIENTRUONG_VAPID_SUBJECT must be a mailto: or https:// address for push \
                         services to reach the operator: {subject:?}"
                    );
                }
                subject
            }
            // The public address when it is https (a deployment), else the sender's mailbox.
            None if public_url.starts_with("https://") => public_url.clone(),
            None => format!("mailto:{}", mailbox_address(&mail_from)),
        };
        let push_services = hientruong_domain::push::PushServices::parse(
            var("HIENTRUONG_PUSH_SERVICES")?
                .as_deref()
                .unwrap_or(hientruong_domain::push::DEFAULT_PUSH_SERVICES),
        )
        .map_err(|e| anyhow::anyhow!("HIENTRUONG_PUSH_SERVICES: {e}"))?;
        let attribution =
            var("HIENTRUONG_TILE_ATTRIBUTION")?.unwrap_or_else(|| OSM_ATTRIBUTION.to_owned());
        let tiles = match var("HIENTRUONG_TILE_URL")?.as_deref().map(str::trim) {
            Some("none") => None,
            url => Some(
                hientruong_api::TileSource::new(url.unwrap_or(OSM_TILES), &attribution)
                    .map_err(|e| anyhow::anyhow!("HIENTRUONG_TILE_URL: {e}"))?,
            ),
        };
        let vapid_key = var("HIENTRUONG_VAPID_PRIVATE_KEY")?;
        if let Some(key) = &vapid_key {
            // Checked now, before anything starts; never printed.
            hientruong_notify::VapidKey::from_base64url(key).map_err(|_| {
                anyhow::anyhow!(
                    "HIENTRUONG_VAPID_PRIVATE_KEY is not a P-256 private key in base64url \
                     (32 bytes); unset it to have one generated"
                )
            })?;
        }
        Ok(Config {
            tiles,
            vapid_key,
            vapid_subject,
            push_services,
            public_url,
            limits: limits()?,
            uploads_per_account: count("HIENTRUONG_UPLOADS_PER_ACCOUNT", 2)?,
            uploads_per_address: count("HIENTRUONG_UPLOADS_PER_ADDRESS", 8)?,
            statistics_at_once: count("HIENTRUONG_STATISTICS_AT_ONCE", 2)?,
            event_streams: count("HIENTRUONG_EVENT_STREAMS", 500)?,
            event_streams_per_address: count("HIENTRUONG_EVENT_STREAMS_PER_ADDRESS", 10)?,
            trusted_proxies: trusted_proxies()?,
            database_url,
            bind,
            media_dir: var("HIENTRUONG_MEDIA_DIR")?
                .map(PathBuf::from)
                .unwrap_or_else(|| data_dir.join("media")),
            data_dir,
            media_store,
            media_store_options,
            jwt_secret,
            log_filter: var("HIENTRUONG_LOG")?.unwrap_or_else(|| "info".into()),
            log_format,
            pool_size: parsed(
                "HIENTRUONG_DB_POOL_SIZE",
                16u32,
                |n| (1..=1000).contains(n),
                "a number from 1 to 1000",
            )?,
            workers,
            photo_limits,
            media_sweep_secs: parsed(
                "HIENTRUONG_MEDIA_SWEEP_SECS",
                3600,
                |n| (10..=604_800).contains(n),
                "seconds from 10 to 604800",
            )?,
            smtp_url,
            mail_from,
            mail_dir,
            sms_url,
            sms_token,
            sms_dir,
            job_workers: parsed(
                "HIENTRUONG_JOB_WORKERS",
                1,
                |n| (0..=16).contains(n),
                "a number from 0 to 16",
            )?,
            job_poll_ms: parsed(
                "HIENTRUONG_JOB_POLL_MS",
                1000,
                |n| (50..=60_000).contains(n),
                "milliseconds from 50 to 60000",
            )?,
        })
    }

    /// Where outgoing email goes: the SMTP relay, or .eml files in the mail directory.
    pub fn mailer(&self) -> Result<hientruong_notify::Mailer> {
        match &self.smtp_url {
            Some(url) => hientruong_notify::Mailer::smtp(url, &self.mail_from).map_err(|e| {
                anyhow::anyhow!("HIENTRUONG_SMTP_URL or HIENTRUONG_MAIL_FROM is invalid: {e}")
            }),
            None => hientruong_notify::Mailer::files(&self.mail_dir, &self.mail_from)
                .with_context(|| format!("could not use {} for email", self.mail_dir.display())),
        }
    }

    /// Where text messages go: the SMS gateway, or .txt files in the SMS directory.
    pub fn sms(&self) -> Result<hientruong_notify::SmsSender> {
        match &self.sms_url {
            Some(url) => hientruong_notify::SmsSender::gateway(url, self.sms_token.clone())
                .map_err(|e| anyhow::anyhow!("HIENTRUONG_SMS_URL is invalid: {e}")),
            None => hientruong_notify::SmsSender::files(&self.sms_dir)
                .with_context(|| format!("could not use {} for SMS", self.sms_dir.display())),
        }
    }

    /// The Web Push key pair: configured, or generated once and kept in the data dir (0600).
    pub fn vapid_key(&self) -> Result<hientruong_notify::VapidKey> {
        if let Some(text) = &self.vapid_key {
            return hientruong_notify::VapidKey::from_base64url(text)
                .map_err(|e| anyhow::anyhow!("HIENTRUONG_VAPID_PRIVATE_KEY is invalid: {e}"));
        }
        let path = self.data_dir.join("vapid.key");
        if let Ok(existing) = fs::read_to_string(&path) {
            fs::set_permissions(&path, fs::Permissions::from_mode(0o600))
                .with_context(|| format!("restricting {}", path.display()))?;
            return hientruong_notify::VapidKey::from_base64url(&existing)
                .map_err(|e| anyhow::anyhow!("{} is not a VAPID key: {e}", path.display()));
        }
        let key = hientruong_notify::VapidKey::generate();
        write_secret(&path, key.private_base64url().as_bytes())?;
        tracing::info!(path = %path.display(), "generated a Web Push (VAPID) key pair");
        Ok(key)
    }

    /// What sends Web Push: the key pair, signed as the operator.
    pub fn push_sender(&self) -> Result<hientruong_notify::PushSender> {
        hientruong_notify::PushSender::new(self.vapid_key()?, self.vapid_subject.clone())
            .map_err(|e| anyhow::anyhow!("could not make the push sender: {e}"))
    }

    /// The token-signing secret: configured, or generated once and kept in the data dir (0600).
    pub fn jwt_secret(&self) -> Result<Vec<u8>> {
        if let Some(secret) = &self.jwt_secret {
            return Ok(secret.clone());
        }
        read_or_create_secret(&self.data_dir.join("jwt.secret"))
    }
}

/// The address of a mailbox written `Name <address>` or plain.
fn mailbox_address(mailbox: &str) -> &str {
    match (mailbox.rfind('<'), mailbox.rfind('>')) {
        (Some(start), Some(end)) if start < end => &mailbox[start + 1..end],
        _ => mailbox.trim(),
    }
}

fn read_or_create_secret(path: &Path) -> Result<Vec<u8>> {
    if let Ok(existing) = fs::read_to_string(path) {
        let existing = existing.trim();
        if existing.len() >= 32 {
            // Whoever created the file, only this user may read the secret.
            fs::set_permissions(path, fs::Permissions::from_mode(0o600))
                .with_context(|| format!("restricting {}", path.display()))?;
            return Ok(existing.as_bytes().to_vec());
        }
    }
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no system randomness: {e}"))?;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    write_secret(path, hex.as_bytes())?;
    tracing::info!(path = %path.display(), "generated a token-signing secret");
    Ok(hex.into_bytes())
}

/// Writes a secret readable by this user only (0600), its directory made if needed; written
/// whole then renamed, so that a process starting at the same moment reads it whole or not at all.
fn write_secret(path: &Path, secret: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)
        .with_context(|| format!("writing {}", tmp.display()))?;
    file.write_all(secret)?;
    file.sync_all()?;
    fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;
    use std::os::unix::ffi::OsStringExt;

    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> Vec<(OsString, OsString)> {
        pairs
            .iter()
            .map(|(k, v)| (OsString::from(k), OsString::from(v)))
            .collect()
    }

    /// The defaults the settings table shows are the ones in force.
    #[test]
    fn each_limits_documented_default_is_the_domains() {
        for &(limited, name) in LIMIT_SETTINGS {
            let (_, shown, _) = KNOWN.iter().find(|(n, _, _)| *n == name).expect(name);
            assert_eq!(
                Quota::parse_list(shown).expect(name),
                limited.default_quotas(),
                "{name}"
            );
        }
        assert_eq!(LIMIT_SETTINGS.len() + 1, Limited::ALL.len());
    }

    #[test]
    fn the_media_stores_options_are_the_aws_variables_under_object_stores_names() {
        let options = media_store_options(
            vars(&[
                ("AWS_REGION", "ap-southeast-1"),
                ("HOME", "/root"),
                ("AWS_ALLOW_HTTP", "true"),
                ("AWS_Endpoint", "http://127.0.0.1:9000"),
                ("HIENTRUONG_MEDIA_STORE", "s3://photos"),
            ])
            .into_iter(),
        );
        assert_eq!(
            options.ok(),
            Some(vec![
                ("aws_region".to_owned(), "ap-southeast-1".to_owned()),
                ("allow_http".to_owned(), "true".to_owned()),
                (
                    "aws_endpoint".to_owned(),
                    "http://127.0.0.1:9000".to_owned()
                ),
            ])
        );
    }

    #[test]
    fn an_aws_variable_that_is_not_utf8_is_refused_by_name() {
        let bad = vec![(
            OsString::from("AWS_SECRET_ACCESS_KEY"),
            OsString::from_vec(vec![0xff, 0xfe]),
        )];
        let error = media_store_options(bad.into_iter())
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            error.as_deref(),
            Some("AWS_SECRET_ACCESS_KEY is not valid UTF-8")
        );
    }
}
