//! Benchmark: reports per second through `POST /api/v1/reports` (authenticated, routed) at 64
//! concurrent connections on loopback, against the ceiling of the same database work driven by
//! pgbench in the same run. See docs/benchmarks.md.
//!
//! Usage: `cargo run --release -p hientruong-tests --bin bench_reports -- [--seconds 20]
//!         [--connections 64] [--pool-size 16]` (after `cargo build --release --bin hientruong`).

use std::fmt::Write as _;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use hientruong_tests::bench::{BenchEnv, peak_rss_kib, percentile_ms, pg_bin, stop};
use serde_json::json;
use uuid::Uuid;

const CATEGORIES: [&str; 5] = ["flooding", "fire", "traffic", "environment", "health"];
/// Central Huế: every point of this box lies inside one of ten communes (checked in the docs).
const BOX: (f64, f64, f64, f64) = (107.55, 16.43, 107.62, 16.49);

struct Args {
    seconds: u64,
    connections: usize,
    pool_size: u32,
    warmup: u64,
}

fn args() -> Result<Args> {
    let mut a = Args {
        seconds: 20,
        connections: 64,
        pool_size: 16,
        warmup: 3,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().context("a flag without a value")?;
        match flag.as_str() {
            "--seconds" => a.seconds = value.parse()?,
            "--connections" => a.connections = value.parse()?,
            "--pool-size" => a.pool_size = value.parse()?,
            "--warmup" => a.warmup = value.parse()?,
            other => bail!("unknown flag {other}"),
        }
    }
    Ok(a)
}

/// A tiny deterministic generator (xorshift64*), so both sides draw from the same distribution.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The pgbench script: the database work of one submission, as the server does it (idempotency
/// lookup, commune candidates, category and rules, then report and event in one transaction, then
/// the joined read of the stored report).
fn pgbench_script() -> String {
    let (x0, y0, x1, y1) = BOX;
    let mut s = String::new();
    let _ = writeln!(s, "\\set u random(1, 64)");
    let _ = writeln!(s, "\\set c random(1, 5)");
    let _ = writeln!(
        s,
        "\\set lon {x0} + random(0, 1000000) * {:.10}",
        (x1 - x0) / 1e6
    );
    let _ = writeln!(
        s,
        "\\set lat {y0} + random(0, 1000000) * {:.10}",
        (y1 - y0) / 1e6
    );
    let _ = writeln!(
        s,
        "SELECT ('00000000-0000-0000-0000-' || lpad(:u::text, 12, '0'))::uuid AS uid, \
         (ARRAY['flooding','fire','traffic','environment','health'])[:c] AS cat, gen_random_uuid() AS k \\gset"
    );
    // The account check every authenticated request makes.
    let _ = writeln!(
        s,
        "SELECT role, unit_code, disabled_at IS NULL FROM users WHERE id = :uid;"
    );
    let _ = writeln!(
        s,
        "SELECT id, fingerprint FROM reports WHERE reporter_id = :uid AND idempotency_key = :k;"
    );
    let candidates = hientruong_db::routing::CANDIDATES_SQL
        .replace("$1", ":lon")
        .replace("$2", ":lat");
    let _ = writeln!(s, "{candidates} \\gset");
    let rules = hientruong_db::routing::RULES_SQL
        .replace("$1", ":cat")
        .replace("$2", ":code");
    let _ = writeln!(s, "{rules};");
    // The ticket's terms: urgency, policy and holidays, before it is stored.
    let _ = writeln!(
        s,
        "SELECT c.urgent, p.clock, p.accept_minutes, p.resolve_minutes, ARRAY(SELECT day FROM holidays) AS holidays \
         FROM categories c LEFT JOIN LATERAL (SELECT clock, accept_minutes, resolve_minutes FROM sla_policies s \
         WHERE s.urgent = c.urgent AND (s.category_code = c.code OR s.category_code IS NULL) \
         ORDER BY s.category_code ASC NULLS LAST LIMIT 1) p ON true WHERE c.code = :cat;"
    );
    let _ = writeln!(s, "BEGIN;");
    let _ = writeln!(
        s,
        "INSERT INTO reports (id, reporter_id, idempotency_key, fingerprint, category_code, description, address, location, \
         boundary_id, commune_code, commune_reason, commune_distance_m, unit_code, routing_rule_id, unit_reason, \
         created_at, updated_at, urgent, sla_clock, sla_origin, accept_due_at, resolve_due_at, due_at) \
         VALUES (gen_random_uuid(), :uid, :k, sha256(:k::bytea), :cat, 'Nước ngập sâu trước cổng chợ, cần xử lý', NULL, \
         ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), :boundary_id, :code, 'covered', 0, :committee_unit, NULL, 'city_wide_rule', \
         now(), now(), false, 'working', now(), now() + interval '1 day', now() + interval '9 days', now() + interval '1 day') \
         ON CONFLICT (reporter_id, idempotency_key) DO NOTHING RETURNING id AS rid \\gset"
    );
    let _ = writeln!(
        s,
        "INSERT INTO report_events (report_id, kind, from_status, to_status, actor_id, unit_code, note, public) \
         VALUES (:rid, 'received', NULL, 'received', :uid, :committee_unit, NULL, true);"
    );
    // Opening the ticket: the unit's email context, and its jobs (the first escalation check and
    // the unit's email) in one insert.
    let _ = writeln!(
        s,
        "SELECT r.*, c.name_vi, c.name_en, a.full_name, h.email FROM reports r \
         JOIN categories c ON c.code = r.category_code JOIN admin_units a ON a.id = r.boundary_id \
         JOIN handling_units h ON h.code = r.unit_code WHERE r.id = :rid LIMIT 1;"
    );
    let _ = writeln!(
        s,
        "INSERT INTO jobs (kind, payload, run_at) VALUES \
         ('escalate', jsonb_build_object('report_id', :rid::text, 'level', 1), now() + interval '18 hours'), \
         ('email', jsonb_build_object('to', 'unit@example.invalid', 'notice', 'Nước ngập sâu trước cổng chợ, cần xử lý'), now());"
    );
    let _ = writeln!(s, "END;");
    let _ = writeln!(
        s,
        "SELECT r.*, a.full_name, a.full_name_en, h.name_vi, h.name_en, c.name_vi, c.name_en, c.urgent \
         FROM reports r JOIN admin_units a ON a.id = r.boundary_id JOIN handling_units h ON h.code = r.unit_code \
         JOIN categories c ON c.code = r.category_code WHERE r.id = :rid LIMIT 1;"
    );
    let _ = writeln!(
        s,
        "SELECT * FROM photos WHERE report_id = ANY (ARRAY[:rid]::uuid[]) ORDER BY report_id, ordinal, created_at;"
    );
    s
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> Result<()> {
    let args = args()?;
    let env = BenchEnv::new(64)?;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(args.connections)
        .build()?;
    let (server, base) = env
        .start_server(
            &client,
            &[("HIENTRUONG_DB_POOL_SIZE", args.pool_size.to_string())],
        )
        .await?;
    let tokens = env.tokens.clone();

    // Warm-up, then the measured run: each connection submits back to back.
    let tokens = Arc::new(tokens);
    let run = |seconds: u64| {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        let tasks: Vec<_> = (0..args.connections)
            .map(|c| {
                let client = client.clone();
                let url = format!("{base}/api/v1/reports");
                let tokens = tokens.clone();
                tokio::spawn(async move {
                    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ ((c as u64 + 1) * 0x0100_0000_01B3));
                    let mut latencies = Vec::new();
                    let mut errors = 0u64;
                    while Instant::now() < deadline {
                        let (x0, y0, x1, y1) = BOX;
                        let body = json!({
                            "category": CATEGORIES[(rng.next() % 5) as usize],
                            "description": "Nước ngập sâu trước cổng chợ, cần xử lý",
                            "lat": y0 + rng.unit() * (y1 - y0),
                            "lon": x0 + rng.unit() * (x1 - x0),
                        });
                        let token = &tokens[(rng.next() % 64) as usize];
                        let t = Instant::now();
                        let res = client
                            .post(&url)
                            .bearer_auth(token)
                            .header("Idempotency-Key", Uuid::new_v4().to_string())
                            .json(&body)
                            .send()
                            .await;
                        let ok = match res {
                            Ok(r) => r.status() == 201 && r.bytes().await.is_ok(),
                            Err(_) => false,
                        };
                        if ok {
                            latencies
                                .push(u32::try_from(t.elapsed().as_micros()).unwrap_or(u32::MAX));
                        } else {
                            errors += 1;
                        }
                    }
                    (latencies, errors)
                })
            })
            .collect();
        async move {
            let mut all = Vec::new();
            let mut errors = 0;
            for t in tasks {
                let (l, e) = t.await.expect("task");
                all.extend(l);
                errors += e;
            }
            (all, errors)
        }
    };
    let _ = run(args.warmup).await;
    let measured_start = Instant::now();
    let (mut latencies, errors) = run(args.seconds).await;
    let elapsed = measured_start.elapsed().as_secs_f64();
    let rss_kib = peak_rss_kib(server.id());
    stop(server);
    latencies.sort_unstable();
    let api_rps = latencies.len() as f64 / elapsed;

    // The ceiling: the same statements from pgbench (C, prepared statements, no HTTP, no JSON).
    let script = hientruong_tests::scratch_dir().join("submit.sql");
    std::fs::write(&script, pgbench_script())?;
    let (user, password, host, pgport, db) = env.pg_params()?;
    let out = Command::new(pg_bin("pgbench")?)
        .args([
            "-n",
            "-M",
            "prepared",
            "-c",
            &args.connections.to_string(),
            "-j",
            "2",
            "-T",
            &args.seconds.to_string(),
        ])
        .args(["-h", &host, "-p", &pgport, "-U", &user, "-f"])
        .arg(&script)
        .arg(&db)
        .env("PGPASSWORD", &password)
        .output()?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        bail!(
            "pgbench failed: {}{}",
            stdout,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let pg_tps: f64 = stdout
        .lines()
        .find(|l| l.starts_with("tps ="))
        .and_then(|l| l.split_whitespace().nth(2))
        .and_then(|v| v.parse().ok())
        .context("pgbench printed no tps")?;
    let pg_latency = stdout
        .lines()
        .find(|l| l.starts_with("latency average"))
        .unwrap_or("")
        .to_owned();

    env.finish()?;

    println!("connections            {}", args.connections);
    println!("measured seconds       {:.1}", elapsed);
    println!("server pool size       {}", args.pool_size);
    println!("API reports/s          {api_rps:.1}");
    println!("API errors             {errors}");
    println!(
        "API latency p50 ms     {:.2}",
        percentile_ms(&latencies, 0.50)
    );
    println!(
        "API latency p99 ms     {:.2}",
        percentile_ms(&latencies, 0.99)
    );
    println!("server peak RSS MiB    {:.1}", rss_kib as f64 / 1024.0);
    println!("pgbench tps (ceiling)  {pg_tps:.1}");
    println!("pgbench {pg_latency}");
    println!("ratio API / ceiling    {:.2}", api_rps / pg_tps);
    Ok(())
}
