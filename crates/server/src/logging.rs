//! Logging to standard error: `tracing`, filtered by `HIENTRUONG_LOG`, as text or JSON.

use anyhow::{Result, anyhow};
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::format::FmtSpan;

use crate::config::{Config, LogFormat};

pub fn init(config: &Config) -> Result<()> {
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
