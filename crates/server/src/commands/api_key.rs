//! `hientruong api-key create|list|revoke`: the API keys of client applications.

use anyhow::Result;
use hientruong_db::PgConnection;
use hientruong_db::open311;

use super::{migrated, refusal, with_database};
use crate::cli::ApiKeyAction;
use crate::config::Config;

pub fn run(config: &Config, action: ApiKeyAction) -> Result<()> {
    with_database(config, |url| act(&mut migrated(url)?, action))
}

fn act(conn: &mut PgConnection, action: ApiKeyAction) -> Result<()> {
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
