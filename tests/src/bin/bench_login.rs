//! Benchmark: whether a failed login's answer or timing tells a login that exists from one that
//! does not (issue 15). Wrong-password attempts on existing accounts and on logins nobody has,
//! interleaved, one at a time on one keep-alive connection to the release server; the answers are
//! compared byte for byte and the latency distributions by their quantiles and a two-sample
//! Kolmogorov-Smirnov test. See docs/benchmarks.md.
//!
//! Usage: `cargo run --release -p hientruong-tests --bin bench_login -- [--attempts 400]`
//! (after `cargo build --release --bin hientruong`).

use std::time::Instant;

use anyhow::{Context, Result, bail};
use diesel::{Connection, PgConnection, RunQueryDsl};
use hientruong_tests::bench::{BenchEnv, percentile_ms, stop};
use serde_json::json;

/// Accounts that exist (each with a real Argon2id hash), attempted in turn.
const ACCOUNTS: usize = 40;
const PASSWORD: &str = "mat-khau-that-cua-cu-dan";

fn attempts() -> Result<usize> {
    let mut attempts = 400;
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().context("a flag without a value")?;
        match flag.as_str() {
            "--attempts" => attempts = value.parse()?,
            other => bail!("unknown flag {other}"),
        }
    }
    Ok(attempts)
}

/// One failed login: its answer (status and body) and how long it took, in microseconds.
async fn attempt(client: &reqwest::Client, base: &str, login: &str) -> Result<(String, u32)> {
    let started = Instant::now();
    let res = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"login": login, "password": "khong-phai-mat-khau"}))
        .send()
        .await?;
    let status = res.status().as_u16();
    let body = res.text().await?;
    let took = u32::try_from(started.elapsed().as_micros()).unwrap_or(u32::MAX);
    Ok((format!("{status} {body}"), took))
}

/// The two-sample Kolmogorov-Smirnov statistic: the largest gap between the two empirical
/// distribution functions.
fn ks_statistic(a: &[u32], b: &[u32]) -> f64 {
    let (mut i, mut j, mut d) = (0, 0, 0.0_f64);
    while i < a.len() && j < b.len() {
        let x = a[i].min(b[j]);
        while i < a.len() && a[i] <= x {
            i += 1;
        }
        while j < b.len() && b[j] <= x {
            j += 1;
        }
        d = d.max((i as f64 / a.len() as f64 - j as f64 / b.len() as f64).abs());
    }
    d
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<()> {
    let attempts = attempts()?;
    let env = BenchEnv::new(ACCOUNTS)?;
    // Known logins check against a real hash, as a real account's would.
    let hash =
        hientruong_app::password::hash_blocking(PASSWORD).map_err(|e| anyhow::anyhow!("{e}"))?;
    diesel::sql_query("UPDATE users SET password_hash = $1 WHERE role = 'resident'")
        .bind::<diesel::sql_types::Text, _>(&hash)
        .execute(&mut PgConnection::establish(&env.db_url)?)?;
    let client = reqwest::Client::builder().build()?;
    let (server, base) = env.start_server(&client, &[]).await?;
    let known = |i: usize| format!("bench{}@example.vn", 1 + i % ACCOUNTS);
    let unknown = |i: usize| format!("khong-ai-{i}@example.vn");
    // Warm-up: connections, the hashing pool, the unknown logins' stand-in hash.
    for i in 0..20 {
        attempt(&client, &base, &known(i)).await?;
        attempt(&client, &base, &unknown(attempts + i)).await?;
    }
    let (mut known_ms, mut unknown_ms) = (Vec::new(), Vec::new());
    let mut answers = std::collections::BTreeMap::<String, (usize, usize)>::new();
    for i in 0..attempts {
        // Alternate which goes first, so that neither always follows the other.
        let order = if i % 2 == 0 {
            [true, false]
        } else {
            [false, true]
        };
        for is_known in order {
            let login = if is_known { known(i) } else { unknown(i) };
            let (answer, took) = attempt(&client, &base, &login).await?;
            let counts = answers.entry(answer).or_default();
            if is_known {
                counts.0 += 1;
                known_ms.push(took);
            } else {
                counts.1 += 1;
                unknown_ms.push(took);
            }
        }
    }
    stop(server);
    env.finish()?;

    known_ms.sort_unstable();
    unknown_ms.sort_unstable();
    let describe = |name: &str, s: &[u32]| {
        println!(
            "{name:<8} n={}  p10 {:.1} ms  median {:.1} ms  p90 {:.1} ms  p99 {:.1} ms",
            s.len(),
            percentile_ms(s, 0.10),
            percentile_ms(s, 0.50),
            percentile_ms(s, 0.90),
            percentile_ms(s, 0.99),
        );
    };
    println!("failed logins, {attempts} each, interleaved, one connection, release server:");
    describe("known", &known_ms);
    describe("unknown", &unknown_ms);
    let (mk, mu) = (
        percentile_ms(&known_ms, 0.5),
        percentile_ms(&unknown_ms, 0.5),
    );
    println!(
        "medians differ by {:.2} ms ({:+.1} % of the known median)",
        mu - mk,
        (mu - mk) / mk * 100.0
    );
    let d = ks_statistic(&known_ms, &unknown_ms);
    let (n, m) = (known_ms.len() as f64, unknown_ms.len() as f64);
    let critical = 1.358 * ((n + m) / (n * m)).sqrt();
    println!(
        "Kolmogorov-Smirnov D = {d:.3} (distributions told apart at the 5 % level above {critical:.3}: {})",
        if d > critical {
            "TOLD APART"
        } else {
            "not told apart"
        }
    );
    println!("answers (known, unknown):");
    for (answer, (k, u)) in &answers {
        println!("  {k:>5} {u:>5}  {answer}");
    }
    if answers.len() != 1 {
        bail!("known and unknown logins got different answers");
    }
    Ok(())
}
