//! `hientruong worker`: background jobs (escalations, email) as a process of their own; also the
//! job threads that `serve` runs beside the API.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;

use anyhow::{Context, Result};

use super::{migrated, with_database};
use crate::config::Config;

/// Connections for `workers` job threads: one each, and one to spare.
pub fn job_pool_size(workers: usize) -> u32 {
    u32::try_from(workers + 1).unwrap_or(u32::MAX)
}

/// Starts `n` job worker threads; they stop when `stop` is set.
pub fn start(
    config: &Config,
    pool: &hientruong_db::DbPool,
    n: usize,
    stop: &Arc<AtomicBool>,
) -> Result<Vec<JoinHandle<()>>> {
    let mailer = config.mailer()?;
    let sms = config.sms()?;
    let push = config.push_sender()?;
    (0..n)
        .map(|_| {
            hientruong_worker::Worker::new(pool.clone(), mailer.clone())
                .with_sms(sms.clone())
                .with_push(push.clone())
                .with_public_url(&config.public_url)
                .spawn(
                    std::time::Duration::from_millis(config.job_poll_ms),
                    stop.clone(),
                )
                .context("could not start a job worker")
        })
        .collect()
}

/// Tells the job threads to stop and waits for them.
pub fn stop(stop: &AtomicBool, handles: Vec<JoinHandle<()>>) {
    stop.store(true, Ordering::Relaxed);
    for handle in handles {
        handle.join().ok();
    }
}

/// Job workers only, until SIGINT/SIGTERM.
pub fn run(config: &Config) -> Result<()> {
    with_database(config, |url| {
        drop(migrated(url)?);
        let workers = config.job_workers.max(1);
        let pool = hientruong_db::pool::build(url, job_pool_size(workers))
            .context("could not open the connection pool")?;
        let stopping = Arc::new(AtomicBool::new(false));
        let handles = start(config, &pool, workers, &stopping)?;
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
        stop(&stopping, handles);
        tracing::info!("workers stopped");
        Ok(())
    })
}
