//! `hientruong generate`: synthetic history for trying and measuring the statistics at scale
//! (also what `serve --demo` puts behind its demo tickets).

use anyhow::{Result, anyhow};
use hientruong_db::PgConnection;
use indicatif::{ProgressBar, ProgressStyle};

use super::{migrated, with_database};
use crate::config::Config;

/// Reports go in by batches of this many, each batch one transaction (an interruption loses at
/// most the batch under way).
const GENERATE_BATCH: usize = 5_000;

pub fn run(config: &Config, reports: usize, days: i64, seed: u64) -> Result<()> {
    with_database(config, |url| {
        let mut conn = migrated(url)?;
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
        let done = history(&mut conn, reports, days, seed, |n| {
            bar.set_position(n as u64)
        })?;
        bar.finish_with_message("generated");
        println!("added {done} synthetic reports over {days} days (seed {seed})");
        Ok(())
    })
}

/// Writes `reports` synthetic reports over the last `days` days, batch by batch (`progress` is
/// told how many are done), then refreshes the planner's statistics and the visibility map
/// (which lets the statistics read their indexes alone; autovacuum would get there, later).
pub fn history(
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
    let settings = hientruong_db::fixtures::synthetic::Settings {
        reports,
        days,
        end: chrono::Utc::now(),
        seed,
    };
    let mut world = hientruong_db::fixtures::synthetic::prepare(conn, settings, &hash)?;
    let mut done = 0;
    while done < reports {
        let n = GENERATE_BATCH.min(reports - done);
        hientruong_db::fixtures::synthetic::write_batch(conn, &mut world, n)?;
        done += n;
        progress(done);
    }
    hientruong_db::fixtures::vacuum_analyze(conn)?;
    Ok(done)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
