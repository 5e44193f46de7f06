//! `hientruong user create`: an account made at the terminal, checked like the API's
//! (`NewAccount::staff`), its refusals printed as `code: English message`.

use anyhow::{Context, Result, anyhow};
use hientruong_domain::login::NewAccount;
use hientruong_domain::role::Role;

use super::{migrated, refusal, with_database};
use crate::cli::UserAction;
use crate::config::Config;

pub fn run(config: &Config, action: UserAction) -> Result<()> {
    match action {
        UserAction::Create {
            role,
            unit,
            login,
            full_name,
            password_stdin,
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
            with_database(config, |url| {
                create(url, &role, unit.as_deref(), &login, &full_name, &password)
            })
        }
    }
}

fn create(
    url: &str,
    role: &str,
    unit: Option<&str>,
    login: &str,
    full_name: &str,
    password: &str,
) -> Result<()> {
    // The role first, with its own message listing the roles (the other rules in the domain's
    // order).
    if Role::parse_assignable(role.trim()).is_none() {
        return Err(anyhow!(
            "unknown role {role:?}: use resident, officer, unit_manager, ioc_operator or admin"
        ));
    }
    let account = NewAccount {
        login,
        full_name,
        password,
    }
    .staff(role, unit)
    .map_err(|e| refusal(e.into()))?;
    let hash = hientruong_app::password::hash_blocking(password).map_err(|e| anyhow!("{e}"))?;
    let mut conn = migrated(url)?;
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
