//! The database's upkeep: `migrate`, `import-units` (commune boundaries) and `rebuild-facts`
//! (the statistics facts, recomputed from the ticket events).

use std::path::Path;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressStyle};

use super::{migrated, refusal, with_database};
use crate::config::Config;

/// `hientruong migrate`: applies the pending migrations.
pub fn migrate(config: &Config) -> Result<()> {
    with_database(config, |url| migrated(url).map(|_| ()))
}

/// `hientruong rebuild-facts`.
pub fn rebuild_facts(config: &Config) -> Result<()> {
    with_database(config, |url| {
        let mut conn = migrated(url)?;
        let n = hientruong_db::facts::rebuild(&mut conn).map_err(refusal)?;
        println!("recomputed the facts of {n} tickets");
        Ok(())
    })
}

/// `hientruong import-units FILE`: the file is read and its communes counted before the
/// migrations run.
pub fn import_units(
    config: &Config,
    file: &Path,
    valid_from: NaiveDate,
    source: &str,
) -> Result<()> {
    with_database(config, |url| {
        let text =
            std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
        let total = hientruong_db::geography::count_features(&text)?;
        let mut conn = migrated(url)?;
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
    })
}
