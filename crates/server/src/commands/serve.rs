//! `hientruong serve [--demo]`: migrations, first-start data, then the API and web app, with the
//! job threads and the media sweep beside them, until the server stops.

use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use anyhow::{Context, Result, anyhow};
use hientruong_media::store::MediaStore;

use super::{generate, migrated, with_database, worker};
use crate::config::Config;

pub fn run(config: &Config, demo: bool) -> Result<()> {
    with_database(config, |url| serve(config, url, demo))
}

fn serve(config: &Config, url: &str, demo: bool) -> Result<()> {
    let mut conn = migrated(url)?;
    if let Some(summary) = hientruong_db::geography::import_hue_if_empty(&mut conn)? {
        tracing::info!(
            communes = summary.inserted,
            "imported Huế's communes (first start)"
        );
    }
    let settings = hientruong_api::Settings {
        jwt_secret: config.jwt_secret()?,
        photo_limits: config.photo_limits,
        limits: config.limits.clone(),
        uploads_per_account: config.uploads_per_account,
        uploads_per_address: config.uploads_per_address,
        statistics_at_once: config.statistics_at_once,
        event_streams: config.event_streams,
        event_streams_per_address: config.event_streams_per_address,
        trusted_proxies: config.trusted_proxies.clone(),
        public_url: config.public_url.clone(),
        tiles: config.tiles.clone(),
        push_public_key: config.vapid_key()?.public_base64url(),
        push_services: config.push_services.clone(),
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
        let hash =
            hientruong_app::password::hash_blocking(hientruong_db::fixtures::demo::DEMO_PASSWORD)
                .map_err(|e| anyhow!("{e}"))?;
        let added = hientruong_db::fixtures::demo::load(&mut conn, &hash)?;
        if added > 0 {
            // Two years of handled tickets behind the demo's open ones, so that the dashboard,
            // its charts and the league table have something to show.
            let history = generate::history(
                &mut conn,
                hientruong_db::fixtures::demo::DEMO_HISTORY,
                730,
                1,
                |_| {},
            )?;
            tracing::info!(reports = added, history, "demo data loaded");
        }
    }
    drop(conn);
    let pool = hientruong_db::pool::build(url, config.pool_size)
        .context("could not open the connection pool")?;
    let media = match &config.media_store {
        // S3-compatible storage, with its settings from the AWS_* variables.
        Some(url) => MediaStore::from_url(url, config.media_store_options.iter().cloned())
            .with_context(|| format!("could not open the media store {url}"))?,
        None => MediaStore::local(&config.media_dir).with_context(|| {
            format!(
                "could not open the media store {}",
                config.media_dir.display()
            )
        })?,
    };
    // Job threads get connections of their own: an email send holds one for as long as the relay
    // takes, which must not starve the API.
    let stop_workers = Arc::new(AtomicBool::new(false));
    let workers = if config.job_workers > 0 {
        let job_pool = hientruong_db::pool::build(url, worker::job_pool_size(config.job_workers))
            .context("could not open the job workers' connection pool")?;
        worker::start(config, &job_pool, config.job_workers, &stop_workers)?
    } else {
        Vec::new()
    };
    // The statistics' own connections: a crowd asking for figures never takes the ones intake and
    // the inbox need.
    let stats_pool = hientruong_db::pool::build(
        url,
        u32::try_from(config.statistics_at_once * hientruong_api::STATISTICS_CONNECTIONS)
            .unwrap_or(8),
    )
    .context("could not open the statistics' connection pool")?;
    let state = hientruong_api::AppState::new(pool, settings, media).with_stats_pool(stats_pool);
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
        hientruong_api::server(listener, state, config.workers, true)?
            .run()
            .await
    })?;
    worker::stop(&stop_workers, workers);
    tracing::info!("server stopped");
    Ok(())
}
