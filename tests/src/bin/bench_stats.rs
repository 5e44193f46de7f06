//! Benchmark: the statistics at scale. Generates a history of reports (default 1,000,000, two
//! years, flood-season peaks) with `hientruong generate`, then measures `GET /api/v1/stats/summary`
//! and `GET /api/v1/stats/communes` through the release server, one request at a time, for
//! several periods, against the same figures computed by a plain SQL aggregate over the events
//! (no `ticket_facts`) in the same run. The two must agree (counts exactly, times and rates to
//! 1e-9), so the run also checks the figures at scale. See docs/benchmarks.md.
//!
//! Usage: `cargo run --release -p hientruong-tests --bin bench_stats -- [--reports 1000000]
//!         [--requests 200] [--reference-runs 5]` (after `cargo build --release --bin hientruong`).

use std::collections::HashMap;
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use chrono::{DateTime, Datelike, Days, NaiveDate, TimeZone, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Double, Nullable, Text, Timestamptz};
use diesel::{self, Connection, PgConnection};
use hientruong_domain::role::Role;
use hientruong_domain::sla::vn_offset;
use hientruong_tests::bench::{BenchEnv, percentile_ms, stop};
use serde_json::Value;

struct Args {
    reports: usize,
    requests: usize,
    reference_runs: usize,
}

fn args() -> Result<Args> {
    let mut a = Args {
        reports: 1_000_000,
        requests: 200,
        reference_runs: 5,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().context("a flag without a value")?;
        match flag.as_str() {
            "--reports" => a.reports = value.parse()?,
            "--requests" => a.requests = value.parse()?,
            "--reference-runs" => a.reference_runs = value.parse()?,
            other => bail!("unknown flag {other}"),
        }
    }
    Ok(a)
}

/// The figures both sides compute, for one group.
#[derive(Debug, Clone, QueryableByName)]
struct Figures {
    #[diesel(sql_type = Text)]
    key: String,
    #[diesel(sql_type = BigInt)]
    received: i64,
    #[diesel(sql_type = BigInt)]
    reporters: i64,
    #[diesel(sql_type = BigInt)]
    received_resolved: i64,
    #[diesel(sql_type = BigInt)]
    resolved: i64,
    #[diesel(sql_type = BigInt)]
    judged: i64,
    #[diesel(sql_type = BigInt)]
    on_time: i64,
    #[diesel(sql_type = BigInt)]
    accepted: i64,
    #[diesel(sql_type = Nullable<Double>)]
    accept_median_wall_h: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    accept_p90_wall_h: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    resolve_median_wall_h: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    resolve_p90_wall_h: Option<f64>,
    #[diesel(sql_type = BigInt)]
    ratings: i64,
    #[diesel(sql_type = Nullable<Double>)]
    mean_rating: Option<f64>,
    #[diesel(sql_type = BigInt)]
    transferred: i64,
    #[diesel(sql_type = BigInt)]
    hops: i64,
    #[diesel(sql_type = BigInt)]
    open_backlog: i64,
}

/// The reference: what one writes without `ticket_facts`. Each ticket's handling is derived from
/// all of its events in one grouped pass (first acceptance, last resolution unless reopened after
/// it, the deadline running at that resolution, transfers), joined with the reports and ratings,
/// and aggregated for `[$1, $2)`. Working hours need the holiday calendar and office hours, which
/// plain SQL does not have: the reference computes the wall-clock times only.
fn reference_sql(by_commune: bool) -> String {
    let key = if by_commune { "commune_code" } else { "''" };
    let period = |col: &str| format!("{col} >= $1 AND {col} < $2");
    let received = period("created_at");
    let resolved = period("resolved_at");
    let accepted = period("accepted_at");
    let rated = period("rated_at");
    format!(
        "WITH per_ticket AS ( \
           SELECT e.report_id, \
                  min(e.at) FILTER (WHERE e.kind = 'accept') AS accepted_at, \
                  max(e.at) FILTER (WHERE e.kind = 'resolve') AS last_resolve, \
                  (array_agg(e.due_at ORDER BY e.at DESC, e.id DESC) FILTER (WHERE e.kind = 'resolve'))[1] AS resolve_due, \
                  max(e.at) FILTER (WHERE e.to_status = 'reopened') AS last_reopen, \
                  count(*) FILTER (WHERE e.kind = 'transfer') AS transfers \
           FROM report_events e GROUP BY e.report_id), \
         t AS ( \
           SELECT r.commune_code, r.created_at, r.status, r.reporter_id, p.accepted_at, p.transfers, \
                  CASE WHEN p.last_resolve > coalesce(p.last_reopen, '-infinity') THEN p.last_resolve END AS resolved_at, \
                  p.resolve_due, g.score, g.created_at AS rated_at \
           FROM reports r JOIN per_ticket p ON p.report_id = r.id \
                LEFT JOIN ratings g ON g.report_id = r.id) \
         SELECT {key} AS key, \
           count(*) FILTER (WHERE {received}) AS received, \
           count(DISTINCT reporter_id) FILTER (WHERE {received}) AS reporters, \
           count(*) FILTER (WHERE {received} AND status IN ('resolved', 'closed')) AS received_resolved, \
           count(*) FILTER (WHERE {resolved}) AS resolved, \
           count(*) FILTER (WHERE {resolved} AND resolve_due IS NOT NULL) AS judged, \
           count(*) FILTER (WHERE {resolved} AND resolved_at <= resolve_due) AS on_time, \
           count(*) FILTER (WHERE {accepted}) AS accepted, \
           percentile_cont(0.5) WITHIN GROUP (ORDER BY floor(extract(epoch FROM accepted_at - created_at)) / 3600.0) \
             FILTER (WHERE {accepted}) AS accept_median_wall_h, \
           percentile_cont(0.9) WITHIN GROUP (ORDER BY floor(extract(epoch FROM accepted_at - created_at)) / 3600.0) \
             FILTER (WHERE {accepted}) AS accept_p90_wall_h, \
           percentile_cont(0.5) WITHIN GROUP (ORDER BY floor(extract(epoch FROM resolved_at - created_at)) / 3600.0) \
             FILTER (WHERE {resolved}) AS resolve_median_wall_h, \
           percentile_cont(0.9) WITHIN GROUP (ORDER BY floor(extract(epoch FROM resolved_at - created_at)) / 3600.0) \
             FILTER (WHERE {resolved}) AS resolve_p90_wall_h, \
           count(*) FILTER (WHERE {rated}) AS ratings, \
           (avg(score) FILTER (WHERE {rated}))::float8 AS mean_rating, \
           count(*) FILTER (WHERE {received} AND transfers > 0) AS transferred, \
           coalesce(sum(transfers) FILTER (WHERE {received}), 0)::bigint AS hops, \
           count(*) FILTER (WHERE status NOT IN ('resolved', 'closed', 'rejected', 'duplicate')) AS open_backlog \
         FROM t GROUP BY 1 ORDER BY 1"
    )
}

/// The same figures read from an API row (`summary` or an item of `/stats/communes`).
fn from_api(key: &str, v: &Value) -> Figures {
    let int = |k: &str| v[k].as_i64().unwrap_or(-1);
    let num = |a: &str, b: &str| v[a][b].as_f64();
    let resolved = int("resolved");
    Figures {
        key: key.to_owned(),
        received: int("received"),
        reporters: int("reporters"),
        received_resolved: v["resolution_rate"]
            .as_f64()
            .map_or(0, |r| (r * int("received") as f64).round() as i64),
        resolved,
        judged: -1,
        on_time: v["on_time_rate"]
            .as_f64()
            .map_or(0, |r| (r * resolved as f64).round() as i64),
        accepted: v["time_to_accept"]["count"].as_i64().unwrap_or(-1),
        accept_median_wall_h: num("time_to_accept", "median_wall_h"),
        accept_p90_wall_h: num("time_to_accept", "p90_wall_h"),
        resolve_median_wall_h: num("time_to_resolve", "median_wall_h"),
        resolve_p90_wall_h: num("time_to_resolve", "p90_wall_h"),
        ratings: int("ratings"),
        mean_rating: v["mean_rating"].as_f64(),
        transferred: v["transfer_rate"]
            .as_f64()
            .map_or(0, |r| (r * int("received") as f64).round() as i64),
        hops: int("hops"),
        open_backlog: int("open_backlog"),
    }
}

/// Whether the API's figures are the reference's (every resolution in the generated history has
/// a deadline, so the on-time count is over all resolutions on both sides).
fn agree(api: &Figures, reference: &Figures) -> Result<()> {
    let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
        (None, None) => true,
        _ => false,
    };
    let counts = [
        ("received", api.received, reference.received),
        ("reporters", api.reporters, reference.reporters),
        (
            "received_resolved",
            api.received_resolved,
            reference.received_resolved,
        ),
        ("resolved", api.resolved, reference.resolved),
        ("on_time", api.on_time, reference.on_time),
        ("accepted", api.accepted, reference.accepted),
        ("ratings", api.ratings, reference.ratings),
        ("transferred", api.transferred, reference.transferred),
        ("hops", api.hops, reference.hops),
        ("open_backlog", api.open_backlog, reference.open_backlog),
    ];
    for (name, a, r) in counts {
        if a != r {
            bail!("{} {name}: API {a}, reference {r}", reference.key);
        }
    }
    if reference.judged != reference.resolved {
        bail!("{}: a resolution without a deadline", reference.key);
    }
    let times = [
        (
            "accept_median_wall_h",
            api.accept_median_wall_h,
            reference.accept_median_wall_h,
        ),
        (
            "accept_p90_wall_h",
            api.accept_p90_wall_h,
            reference.accept_p90_wall_h,
        ),
        (
            "resolve_median_wall_h",
            api.resolve_median_wall_h,
            reference.resolve_median_wall_h,
        ),
        (
            "resolve_p90_wall_h",
            api.resolve_p90_wall_h,
            reference.resolve_p90_wall_h,
        ),
        ("mean_rating", api.mean_rating, reference.mean_rating),
    ];
    for (name, a, r) in times {
        if !close(a, r) {
            bail!("{} {name}: API {a:?}, reference {r:?}", reference.key);
        }
    }
    Ok(())
}

/// A period: Huế dates, both included, and the same as instants.
struct Period {
    name: &'static str,
    from: NaiveDate,
    to: NaiveDate,
}

impl Period {
    fn instants(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        let start = |d: NaiveDate| {
            vn_offset()
                .from_local_datetime(&d.and_hms_opt(0, 0, 0).expect("midnight"))
                .single()
                .expect("instant")
                .with_timezone(&Utc)
        };
        (
            start(self.from),
            start(self.to.checked_add_days(Days::new(1)).expect("date")),
        )
    }

    fn query(&self) -> String {
        format!("from={}&to={}", self.from, self.to)
    }
}

/// Latency samples in microseconds, sorted.
fn sorted(mut samples: Vec<u32>) -> Vec<u32> {
    samples.sort_unstable();
    samples
}

fn micros(t: Instant) -> u32 {
    u32::try_from(t.elapsed().as_micros()).unwrap_or(u32::MAX)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<()> {
    let args = args()?;
    let env = BenchEnv::new(0)?;
    let server_bin = hientruong_tests::target_dir().join("release/hientruong");
    if !server_bin.is_file() {
        bail!("build the server first: cargo build --release --bin hientruong");
    }

    // The history, through the product's own generator (its progress bar shows on a terminal).
    let started = Instant::now();
    let status = Command::new(&server_bin)
        .args(["generate", "--reports", &args.reports.to_string()])
        .args(["--days", "730", "--seed", "1"])
        .env("DATABASE_URL", &env.db_url)
        .env("HIENTRUONG_LOG", "warn")
        .status()?;
    if !status.success() {
        bail!("hientruong generate failed");
    }
    let generated_s = started.elapsed().as_secs_f64();
    let mut conn = PgConnection::establish(&env.db_url)?;
    let (events, facts): (i64, i64) = diesel::select((
        diesel::dsl::sql::<BigInt>("(SELECT count(*) FROM report_events)"),
        diesel::dsl::sql::<BigInt>("(SELECT count(*) FROM ticket_facts)"),
    ))
    .get_result(&mut conn)?;
    println!(
        "generated {} reports, {events} events, {facts} facts in {generated_s:.0} s",
        args.reports
    );

    let token = env.staff_token(Role::IocOperator)?;
    // The server closes idle keep-alive connections after 5 s (and the reference runs take longer
    // than that): never reuse one that old.
    let client = reqwest::Client::builder()
        .pool_idle_timeout(std::time::Duration::from_secs(2))
        .build()?;
    let (server, base) = env.start_server(&client, &[]).await?;

    let today = Utc::now().with_timezone(&vn_offset()).date_naive();
    let back = |days: u64| today.checked_sub_days(Days::new(days)).expect("date");
    let flood_month = {
        // The last full October: the flood season's peak.
        let year = if today.month() >= 11 {
            today.year()
        } else {
            today.year() - 1
        };
        (
            NaiveDate::from_ymd_opt(year, 10, 1).expect("date"),
            NaiveDate::from_ymd_opt(year, 10, 31).expect("date"),
        )
    };
    let periods = [
        Period {
            name: "last 30 days (the dashboard's default)",
            from: back(29),
            to: today,
        },
        Period {
            name: "October (flood-season peak)",
            from: flood_month.0,
            to: flood_month.1,
        },
        Period {
            name: "last 365 days",
            from: back(364),
            to: today,
        },
    ];

    println!(
        "| period | endpoint | API p50 | API p95 | API p99 | reference p50 | reference p95 | ratio (p95) | reports in period |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for period in &periods {
        let (from, to) = period.instants();
        for (endpoint, by_commune) in [("summary", false), ("communes", true)] {
            let url = format!("{base}/api/v1/stats/{endpoint}?{}", period.query());
            let get = || async {
                let res = client.get(&url).bearer_auth(&token).send().await?;
                if res.status() != 200 {
                    bail!("{url}: {}", res.status());
                }
                Ok::<Value, anyhow::Error>(res.json().await?)
            };
            for _ in 0..5 {
                get().await?;
            }
            let mut api = Vec::with_capacity(args.requests);
            let mut last = Value::Null;
            for _ in 0..args.requests {
                let t = Instant::now();
                last = get().await?;
                api.push(micros(t));
            }
            let api = sorted(api);

            let sql = reference_sql(by_commune);
            let run = |conn: &mut PgConnection| -> Result<Vec<Figures>> {
                Ok(diesel::sql_query(&sql)
                    .bind::<Timestamptz, _>(from)
                    .bind::<Timestamptz, _>(to)
                    .load(conn)?)
            };
            let mut reference = Vec::with_capacity(args.reference_runs);
            let mut rows = Vec::new();
            for _ in 0..args.reference_runs {
                let t = Instant::now();
                rows = run(&mut conn)?;
                reference.push(micros(t));
            }
            let reference = sorted(reference);

            // Same figures on both sides.
            let api_rows: HashMap<String, Figures> = if by_commune {
                last["items"]
                    .as_array()
                    .context("items")?
                    .iter()
                    .map(|item| {
                        let key = item["key"].as_str().unwrap_or_default().to_owned();
                        (key.clone(), from_api(&key, item))
                    })
                    .collect()
            } else {
                HashMap::from([(String::new(), from_api("", &last))])
            };
            for row in &rows {
                let api_row = api_rows
                    .get(&row.key)
                    .with_context(|| format!("no API row for {:?}", row.key))?;
                agree(api_row, row)?;
            }
            let in_period: i64 = rows.iter().map(|r| r.received).sum();
            let api_p95 = percentile_ms(&api, 0.95);
            let ref_p95 = percentile_ms(&reference, 0.95);
            println!(
                "| {} | `/stats/{endpoint}` | {:.1} ms | {api_p95:.1} ms | {:.1} ms | {:.0} ms | {ref_p95:.0} ms | **{:.3}** | {in_period} |",
                period.name,
                percentile_ms(&api, 0.5),
                percentile_ms(&api, 0.99),
                percentile_ms(&reference, 0.5),
                api_p95 / ref_p95,
            );
        }
    }
    stop(server);
    env.finish()?;
    Ok(())
}
