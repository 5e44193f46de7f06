//! What the benchmarks share: a database of their own on a durable managed cluster, residents with
//! tokens, the release server as a child process, and measurements of it.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use diesel::prelude::*;
use diesel::{self, Connection, PgConnection};
use hientruong_api::auth::jwt::TokenKeys;
use hientruong_db::cluster::{Durability, ManagedCluster};
use hientruong_domain::role::Role;
use uuid::Uuid;

pub struct BenchEnv {
    cluster: ManagedCluster,
    db_name: String,
    pub db_url: String,
    secret: String,
    /// Access tokens of the residents `user_id(1..=n)`.
    pub tokens: Vec<String>,
}

/// Resident `i`'s id: fixed, so that a pgbench script can name it.
pub fn user_id(i: usize) -> Uuid {
    Uuid::parse_str(&format!("00000000-0000-0000-0000-{i:012}")).expect("uuid")
}

impl BenchEnv {
    /// A fresh database (migrated, Huế imported) with `residents` residents, on a cluster with
    /// production durability (fsync on).
    pub fn new(residents: usize) -> Result<BenchEnv> {
        let dir = crate::scratch_dir().join("bench-cluster");
        let cluster = ManagedCluster::ensure(&dir, "postgres", Durability::Full)?;
        let db_name = format!("bench_{}", Uuid::new_v4().simple());
        {
            let mut admin = PgConnection::establish(&cluster.database_url("postgres"))?;
            diesel::sql_query(format!("CREATE DATABASE {db_name}")).execute(&mut admin)?;
        }
        let db_url = cluster.database_url(&db_name);
        let secret = Uuid::new_v4().to_string() + &Uuid::new_v4().to_string();
        let keys = TokenKeys::new(secret.as_bytes(), 3600);
        let mut tokens = Vec::new();
        let mut conn = PgConnection::establish(&db_url)?;
        hientruong_db::migrations::run_pending(&mut conn).map_err(|e| anyhow::anyhow!("{e}"))?;
        hientruong_db::geography::import_hue_if_empty(&mut conn)?;
        for i in 1..=residents {
            diesel::sql_query(
                "INSERT INTO users \
                 (id, login, login_kind, password_hash, full_name, role, verified_at) \
                 VALUES ($1, $2, 'email', 'x', 'Bench', 'resident', now())",
            )
            .bind::<diesel::sql_types::Uuid, _>(user_id(i))
            .bind::<diesel::sql_types::Text, _>(format!("bench{i}@example.vn"))
            .execute(&mut conn)?;
            tokens.push(keys.issue(user_id(i), Role::Resident, None, 0)?);
        }
        Ok(BenchEnv {
            cluster,
            db_name,
            db_url,
            secret,
            tokens,
        })
    }

    /// A staff account of `role` (no unit) in the benchmark database and its access token.
    pub fn staff_token(&self, role: Role) -> Result<String> {
        let id = Uuid::new_v4();
        let mut conn = PgConnection::establish(&self.db_url)?;
        diesel::sql_query(
            "INSERT INTO users \
             (id, login, login_kind, password_hash, full_name, role, verified_at) \
             VALUES ($1, $2, 'username', 'x', 'Bench', $3, now())",
        )
        .bind::<diesel::sql_types::Uuid, _>(id)
        .bind::<diesel::sql_types::Text, _>(format!("bench.{}", id.simple()))
        .bind::<diesel::sql_types::Text, _>(role.as_str())
        .execute(&mut conn)?;
        let keys = TokenKeys::new(self.secret.as_bytes(), 3600);
        Ok(keys.issue(id, role, None, 0)?)
    }

    /// Starts the release server on this database; returns it and its base URL once ready.
    pub async fn start_server(
        &self,
        client: &reqwest::Client,
        env: &[(&str, String)],
    ) -> Result<(Child, String)> {
        let server_bin = crate::target_dir().join("release/hientruong");
        if !server_bin.is_file() {
            bail!("build the server first: cargo build --release --bin hientruong");
        }
        let port = crate::process::free_port();
        let data_dir = crate::scratch_dir().join(format!("bench-data-{}", Uuid::new_v4().simple()));
        std::fs::create_dir_all(&data_dir)?;
        let mut cmd = Command::new(&server_bin);
        cmd.arg("serve")
            .env("DATABASE_URL", &self.db_url)
            .env("HIENTRUONG_BIND", format!("127.0.0.1:{port}"))
            .env("HIENTRUONG_JWT_SECRET", &self.secret)
            .env("HIENTRUONG_DATA_DIR", &data_dir)
            .env("HIENTRUONG_LOG", "warn")
            // The outbox is drained by `hientruong worker` processes in a deployment; the
            // benchmarks measure the API alone.
            .env("HIENTRUONG_JOB_WORKERS", "0")
            .envs(crate::process::WIDE_LIMITS.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .current_dir(&data_dir);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let server = cmd.spawn()?;
        let base = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        while !client
            .get(format!("{base}/readyz"))
            .send()
            .await
            .is_ok_and(|r| r.status() == 200)
        {
            if started.elapsed() > Duration::from_secs(60) {
                bail!("the server did not start");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Ok((server, base))
    }

    /// `(user, password, host, port, database)` of the benchmark database, for pgbench.
    pub fn pg_params(&self) -> Result<(String, String, String, String, String)> {
        let rest = self.db_url.trim_start_matches("postgres://");
        let (userpass, hostdb) = rest.split_once('@').context("url")?;
        let (user, password) = userpass.split_once(':').context("url")?;
        let (hostport, db) = hostdb.split_once('/').context("url")?;
        let (host, port) = hostport.split_once(':').context("url")?;
        Ok((
            user.into(),
            password.into(),
            host.into(),
            port.into(),
            db.into(),
        ))
    }

    /// Drops the database and stops the benchmark cluster (even one an earlier run left running).
    pub fn finish(self) -> Result<()> {
        let mut admin = PgConnection::establish(&self.cluster.database_url("postgres"))?;
        diesel::sql_query(format!("DROP DATABASE {} WITH (FORCE)", self.db_name))
            .execute(&mut admin)?;
        self.cluster.stop_server()?;
        Ok(())
    }
}

/// Stops a server child with SIGTERM and waits for it.
pub fn stop(mut server: Child) {
    let _ = Command::new("kill")
        .arg("-TERM")
        .arg(server.id().to_string())
        .status();
    let _ = server.wait();
}

/// Peak resident set size of a live process (VmHWM), KiB.
pub fn peak_rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// The `p` quantile of sorted microsecond samples, in milliseconds.
pub fn percentile_ms(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    f64::from(sorted[idx]) / 1000.0
}

/// A program of the newest installed PostgreSQL.
pub fn pg_bin(name: &str) -> Result<String> {
    let mut versions: Vec<_> = std::fs::read_dir("/usr/lib/postgresql")?
        .flatten()
        .filter_map(|e| e.file_name().to_str().and_then(|v| v.parse::<u32>().ok()))
        .collect();
    versions.sort();
    let v = versions.last().context("no PostgreSQL installed")?;
    Ok(format!("/usr/lib/postgresql/{v}/bin/{name}"))
}
