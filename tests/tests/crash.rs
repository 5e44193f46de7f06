//! SIGKILL the server while residents submit with retries and idempotency keys: after restarts,
//! every acknowledged report exists exactly once, and no retry made a duplicate.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use diesel::prelude::*;
use diesel::{self, sql_types};
use hientruong_tests::process::{ServerProcess, free_port};
use hientruong_tests::{TEST_PASSWORD, TestDb, report_at};
use serde_json::{Value, json};
use tokio::sync::Mutex;
use uuid::Uuid;

const CLIENTS: usize = 8;
const REPORTS_PER_CLIENT: usize = 30;

/// Submits one report, retrying with the same key through connection failures and restarts, until
/// the server acknowledges it; returns the acknowledged id and how many attempts it took.
async fn submit_until_acknowledged(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    key: Uuid,
    body: &Value,
) -> (String, u32) {
    let mut attempts = 0;
    loop {
        attempts += 1;
        let sent = client
            .post(format!("{base}/api/v1/reports"))
            .bearer_auth(token)
            .header("Idempotency-Key", key.to_string())
            .json(body)
            .timeout(Duration::from_secs(10))
            .send()
            .await;
        if let Ok(res) = sent {
            let status = res.status().as_u16();
            if status == 201 {
                if let Ok(v) = res.json::<Value>().await {
                    return (v["id"].as_str().expect("id").to_owned(), attempts);
                }
            } else {
                assert!(status >= 500, "a submission was refused with {status}");
            }
        }
        assert!(
            attempts < 600,
            "no acknowledgement after {attempts} attempts"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn acknowledged_reports_survive_sigkill_exactly_once() {
    let db = TestDb::new();
    let data = hientruong_tests::temp_dir("crash");
    let port = free_port();
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .expect("client");
    let mut server = ServerProcess::start(&db.url, port, &data);
    server.wait_ready(&client).await;
    let base = server.base.clone();

    let mut tokens = Vec::new();
    for i in 0..CLIENTS {
        let login = format!("crash{i}@example.vn");
        let res = client
            .post(format!("{base}/api/v1/auth/register"))
            .json(&json!({"login": login, "password": TEST_PASSWORD, "full_name": "Crash"}))
            .send()
            .await
            .expect("register");
        assert_eq!(res.status(), 201);
        let account: Value = res.json().await.expect("json");
        db.verify_account(account["id"].as_str().expect("id").parse().expect("uuid"));
        let session: Value = client
            .post(format!("{base}/api/v1/auth/login"))
            .json(&json!({"login": login, "password": TEST_PASSWORD}))
            .send()
            .await
            .expect("login")
            .json()
            .await
            .expect("json");
        tokens.push(session["access_token"].as_str().expect("token").to_owned());
    }

    let acknowledged: Arc<Mutex<HashMap<Uuid, String>>> = Arc::default();
    let mut tasks = Vec::new();
    for token in tokens {
        let client = client.clone();
        let base = base.clone();
        let acknowledged = acknowledged.clone();
        tasks.push(tokio::spawn(async move {
            let mut retries = 0;
            for n in 0..REPORTS_PER_CLIENT {
                let key = Uuid::new_v4();
                let body = report_at(["flooding", "fire", "traffic"][n % 3], 16.4698, 107.5786);
                let (id, attempts) =
                    submit_until_acknowledged(&client, &base, &token, key, &body).await;
                retries += attempts - 1;
                acknowledged.lock().await.insert(key, id);
            }
            retries
        }));
    }

    // Kill the server twice while the clients work (at a third and at two thirds of the reports),
    // restarting it each time on the same port.
    let total = CLIENTS * REPORTS_PER_CLIENT;
    let mut kills = 0;
    for threshold in [total / 3, 2 * total / 3] {
        while acknowledged.lock().await.len() < threshold {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        server.kill();
        kills += 1;
        tokio::time::sleep(Duration::from_millis(300)).await;
        server = ServerProcess::start(&db.url, port, &data);
        server.wait_ready(&client).await;
    }
    let mut retries = 0;
    for task in tasks {
        retries += task.await.expect("client task");
    }
    assert_eq!(kills, 2);
    assert!(
        retries > 0,
        "the kills happened while nothing was being submitted"
    );

    let acknowledged = acknowledged.lock().await;
    assert_eq!(acknowledged.len(), CLIENTS * REPORTS_PER_CLIENT);
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = sql_types::Uuid)]
        id: Uuid,
        #[diesel(sql_type = sql_types::Uuid)]
        idempotency_key: Uuid,
        #[diesel(sql_type = sql_types::BigInt)]
        events: i64,
    }
    let rows: Vec<Row> = diesel::sql_query(
        "SELECT r.id, r.idempotency_key, (SELECT count(*) FROM report_events e WHERE e.report_id = r.id) AS events FROM reports r",
    )
    .load(&mut db.conn())
    .expect("reports");
    assert_eq!(
        rows.len(),
        acknowledged.len(),
        "every stored report was acknowledged, and the reverse"
    );
    for row in &rows {
        let acked = acknowledged
            .get(&row.idempotency_key)
            .expect("a stored report nobody acknowledged");
        assert_eq!(
            acked,
            &row.id.to_string(),
            "the acknowledged id is the stored one"
        );
        assert_eq!(row.events, 1, "exactly one received event");
    }
    eprintln!(
        "{} reports, {retries} retries across {kills} kills",
        rows.len()
    );
}
