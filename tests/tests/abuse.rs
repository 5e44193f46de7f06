//! Abuse: the limits an attacker with a script runs into, kept in PostgreSQL so that they hold
//! across server processes (every test here runs two on one database and alternates between
//! them), and the client address they are counted by. Addresses are told by `X-Forwarded-For`
//! from a trusted proxy (the tests' loopback).

use hientruong_domain::limits::{Limited, Limits, Quota};
use hientruong_tests::figures::Figures;
use hientruong_tests::{TEST_PASSWORD, TestApp, error_code, report_at};
use serde_json::{Value, json};
use uuid::Uuid;

/// Two server processes on one database, with these limits (the others off), trusting the
/// loopback as their proxy.
async fn servers(limits: &[(Limited, Quota)]) -> (TestApp, TestApp) {
    let mut set = Limits::none();
    for &(limited, quota) in limits {
        let mut quotas = set.quotas(limited).to_vec();
        quotas.push(quota);
        set.set(limited, quotas);
    }
    let app = TestApp::spawn_with(hientruong_api::Settings {
        limits: set,
        trusted_proxies: vec!["127.0.0.1/32".parse().expect("net")],
        ..hientruong_tests::settings()
    })
    .await;
    let beside = app.spawn_beside().await;
    (app, beside)
}

/// A report at the Citadel with one small photo, as a multipart form.
fn report_with_photo() -> reqwest::multipart::Form {
    let photo = reqwest::multipart::Part::bytes(hientruong_tests::photos::jpeg(64, 48))
        .file_name("a.jpg")
        .mime_str("image/jpeg")
        .expect("mime");
    reqwest::multipart::Form::new()
        .text(
            "report",
            report_at("traffic", 16.4698, 107.5786).to_string(),
        )
        .part("photo", photo)
}

/// What an answer says: status, error code (empty for a success), `Retry-After`.
async fn outcome(res: reqwest::Response) -> (u16, String, Option<u64>) {
    let retry = res
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok());
    if res.status().is_success() {
        return (res.status().as_u16(), String::new(), retry);
    }
    let (status, code) = error_code(res).await;
    (status, code, retry)
}

async fn post_from(app: &TestApp, from: &str, path: &str, body: &Value) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .header("X-Forwarded-For", from)
        .json(body)
        .send()
        .await
        .expect("request")
}

async fn log_in_from(
    app: &TestApp,
    from: &str,
    login: &str,
    password: &str,
) -> (u16, String, Option<u64>) {
    outcome(
        post_from(
            app,
            from,
            "/api/v1/auth/login",
            &json!({"login": login, "password": password}),
        )
        .await,
    )
    .await
}

#[tokio::test]
async fn a_stranger_cannot_lock_the_owner_out_and_unknown_logins_fail_like_known_ones() {
    let (a, b) = servers(&[
        (Limited::LoginsPerLoginAndAddress, Quota::new(10, 900)),
        (Limited::LoginsPerAddress, Quota::new(30, 3600)),
    ])
    .await;
    let _figures = Figures::of(
        "a_stranger_cannot_lock_the_owner_out_and_unknown_logins_fail_like_known_ones",
        &[&a, &b],
    );
    a.resident("khoa@example.vn").await;
    let attacker = "198.51.100.7";
    // Ten wrong guesses on a known login and on an unknown one, from one address, alternating
    // between the servers: the same answer each time.
    for login in ["khoa@example.vn", "nobody@example.vn"] {
        for n in 0..10 {
            let server = if n % 2 == 0 { &a } else { &b };
            assert_eq!(
                log_in_from(server, attacker, login, "doan-mo-thoi").await,
                (401, "invalid_credentials".into(), None),
                "{login} #{n}"
            );
        }
        // The eleventh is refused whatever the password, with a time to come back; the same for
        // a login nobody has.
        let (status, code, retry) = log_in_from(&b, attacker, login, TEST_PASSWORD).await;
        assert_eq!((status, code.as_str()), (429, "account_locked"), "{login}");
        assert!(retry.is_some_and(|s| (1..=900).contains(&s)), "{retry:?}");
    }
    // The owner, elsewhere, is not locked out.
    assert_eq!(
        log_in_from(&a, "203.0.113.5", "khoa@example.vn", TEST_PASSWORD)
            .await
            .0,
        200
    );
    // A success gives the login's attempts back: ten more mistakes are answered as mistakes.
    let owner = "203.0.113.6";
    for _ in 0..5 {
        assert_eq!(
            log_in_from(&b, owner, "khoa@example.vn", "nham").await.0,
            401
        );
    }
    assert_eq!(
        log_in_from(&a, owner, "khoa@example.vn", TEST_PASSWORD)
            .await
            .0,
        200
    );
    for _ in 0..10 {
        assert_eq!(
            log_in_from(&b, owner, "khoa@example.vn", "nham").await.0,
            401
        );
    }
    // The attacker's address has made 20 attempts of its 30 (the refused ones took nothing): ten
    // more on other logins, then every login is refused from there.
    for n in 0..10 {
        assert_eq!(
            log_in_from(&a, attacker, &format!("ai{n}@example.vn"), "x")
                .await
                .0,
            401
        );
    }
    let (status, code, retry) = log_in_from(&b, attacker, "someone@example.vn", "x").await;
    assert_eq!((status, code.as_str()), (429, "rate_limited"));
    assert!(retry.is_some_and(|s| (1..=3600).contains(&s)), "{retry:?}");
}

#[tokio::test]
async fn reports_are_limited_per_account_and_per_address_and_a_retry_always_answers() {
    let (a, b) = servers(&[
        (Limited::ReportsPerAccount, Quota::new(3, 3600)),
        (Limited::ReportsPerAccount, Quota::new(4, 86_400)),
        (Limited::ReportsPerAddress, Quota::new(5, 3600)),
    ])
    .await;
    let _figures = Figures::of(
        "reports_are_limited_per_account_and_per_address_and_a_retry_always_answers",
        &[&a, &b],
    );
    let lan = a.resident("0905000001").await;
    let submit = |app: &TestApp, token: &str, key: Uuid, from: &str| {
        app.client
            .post(app.url("/api/v1/reports"))
            .bearer_auth(token)
            .header("Idempotency-Key", key.to_string())
            .header("X-Forwarded-For", from)
            .json(&report_at("traffic", 16.4698, 107.5786))
            .send()
    };
    let home = "203.0.113.20";
    let mut keys = Vec::new();
    for n in 0..3 {
        let key = Uuid::new_v4();
        let server = if n % 2 == 0 { &a } else { &b };
        assert_eq!(
            outcome(submit(server, &lan, key, home).await.expect("send"))
                .await
                .0,
            201
        );
        keys.push(key);
    }
    // The fourth within the hour is refused, and nothing is stored for it.
    let (status, code, retry) =
        outcome(submit(&b, &lan, Uuid::new_v4(), home).await.expect("send")).await;
    assert_eq!((status, code.as_str()), (429, "rate_limited"));
    assert!(retry.is_some_and(|s| (1..=3600).contains(&s)), "{retry:?}");
    assert_eq!(a.db.count("reports"), 3);
    // A retry of a stored report is answered as before, limits or not.
    let res = submit(&a, &lan, keys[0], home).await.expect("send");
    assert_eq!(res.status(), 201);
    assert_eq!(res.headers()["idempotent-replayed"], "true");
    // Another resident at the same address has their own budget, until the address's is spent.
    let minh = b.resident("0905000002").await;
    for _ in 0..2 {
        assert_eq!(
            outcome(submit(&a, &minh, Uuid::new_v4(), home).await.expect("send"))
                .await
                .0,
            201
        );
    }
    let (status, code, _) =
        outcome(submit(&b, &minh, Uuid::new_v4(), home).await.expect("send")).await;
    assert_eq!((status, code.as_str()), (429, "rate_limited"));
    // Elsewhere, they go on.
    assert_eq!(
        outcome(
            submit(&b, &minh, Uuid::new_v4(), "203.0.113.21")
                .await
                .expect("send")
        )
        .await
        .0,
        201
    );
    assert_eq!(a.db.count("reports"), 6);
    // A photo upload over the limit is refused before its photos are read.
    let form = report_with_photo();
    let res = a
        .client
        .post(a.url("/api/v1/reports"))
        .bearer_auth(&lan)
        .header("Idempotency-Key", Uuid::new_v4().to_string())
        .header("X-Forwarded-For", "203.0.113.22")
        .multipart(form)
        .send()
        .await
        .expect("send");
    assert_eq!(error_code(res).await, (429, "rate_limited".into()));
    assert_eq!(a.db.count("photos"), 0);
    // A day's quota counts too: the hour's passed (as if), the fourth of the day goes, the fifth
    // not.
    diesel::RunQueryDsl::execute(
        diesel::sql_query("DELETE FROM rate_limits WHERE key LIKE 'reports/account:3/h:%'"),
        &mut a.db.conn(),
    )
    .expect("an hour later");
    assert_eq!(
        outcome(
            submit(&a, &lan, Uuid::new_v4(), "203.0.113.23")
                .await
                .expect("send")
        )
        .await
        .0,
        201
    );
    let (status, code, retry) = outcome(
        submit(&b, &lan, Uuid::new_v4(), "203.0.113.23")
            .await
            .expect("send"),
    )
    .await;
    assert_eq!((status, code.as_str()), (429, "rate_limited"));
    assert!(
        retry.is_some_and(|s| s > 3600),
        "the day's quota: {retry:?}"
    );
}

#[tokio::test]
async fn registrations_are_limited_per_address() {
    let (a, b) = servers(&[(Limited::RegistrationsPerAddress, Quota::new(3, 3600))]).await;
    let _figures = Figures::of("registrations_are_limited_per_address", &[&a, &b]);
    async fn register(app: &TestApp, n: u32, from: &str) -> (u16, String, Option<u64>) {
        let body = json!({"login": format!("0905100{n:03}"), "password": TEST_PASSWORD, "full_name": "Nguyễn Văn A"});
        outcome(post_from(app, from, "/api/v1/auth/register", &body).await).await
    }
    for n in 0..3 {
        let server = if n % 2 == 0 { &a } else { &b };
        assert_eq!(register(server, n, "198.51.100.30").await.0, 201);
    }
    let (status, code, retry) = register(&a, 3, "198.51.100.30").await;
    assert_eq!((status, code.as_str()), (429, "rate_limited"));
    assert!(retry.is_some());
    assert_eq!(register(&b, 4, "198.51.100.31").await.0, 201);
    // Residents only, created once each.
    let count: i64 = diesel::RunQueryDsl::get_result::<Count>(
        diesel::sql_query("SELECT count(*) AS n FROM users WHERE login LIKE '+84905100%'"),
        &mut a.db.conn(),
    )
    .expect("count")
    .n;
    assert_eq!(count, 4);
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

#[tokio::test]
async fn wrong_open311_keys_are_limited_per_address_before_any_key_is_looked_up() {
    let (a, b) = servers(&[(Limited::Open311KeyFailuresPerAddress, Quota::new(3, 3600))]).await;
    let _figures = Figures::of(
        "wrong_open311_keys_are_limited_per_address_before_any_key_is_looked_up",
        &[&a, &b],
    );
    let admin = a.staff("admin", None).await;
    let created: Value = a
        .post_auth(
            "/api/v1/admin/api-keys",
            &admin.token,
            &json!({"name": "Cổng dịch vụ công"}),
        )
        .await
        .json()
        .await
        .expect("json");
    let good = created["api_key"].as_str().expect("key").to_owned();
    let post = |app: &TestApp, key: String, from: &'static str| {
        let form = [
            ("api_key", key),
            ("service_code", "traffic".to_owned()),
            ("lat", "16.4698".to_owned()),
            ("long", "107.5786".to_owned()),
            ("description", "Đèn giao thông hỏng".to_owned()),
        ];
        app.client
            .post(app.url("/open311/v2/requests.json"))
            .header("X-Forwarded-For", from)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(serde_urlencoded::to_string(form).expect("form"))
            .send()
    };
    let code = |res: reqwest::Response| async move {
        let status = res.status().as_u16();
        let body: Value = res.json().await.expect("json");
        (status, body)
    };
    for n in 0..3 {
        let server = if n % 2 == 0 { &a } else { &b };
        let (status, _) = code(
            post(server, format!("ht_wrong{n}"), "198.51.100.40")
                .await
                .expect("send"),
        )
        .await;
        assert_eq!(status, 403, "a wrong key #{n}");
    }
    // Spent: even the right key is not looked at from there for now.
    let (status, body) = code(post(&a, good.clone(), "198.51.100.40").await.expect("send")).await;
    assert_eq!(status, 429, "{body}");
    assert_eq!(a.db.count("reports"), 0);
    // From elsewhere, the right key posts.
    let (status, body) = code(post(&b, good, "198.51.100.41").await.expect("send")).await;
    assert_eq!(status, 201, "{body}");
}

#[tokio::test]
async fn a_forwarded_address_counts_only_from_a_trusted_proxy() {
    // No trusted proxy: the header is the client's own word, and every request is the loopback's.
    let mut limits = Limits::none();
    limits.set(Limited::RegistrationsPerAddress, vec![Quota::new(1, 3600)]);
    let app = TestApp::spawn_with(hientruong_api::Settings {
        limits,
        ..hientruong_tests::settings()
    })
    .await;
    let _figures = Figures::of(
        "a_forwarded_address_counts_only_from_a_trusted_proxy",
        &[&app],
    );
    let body = |n: u32| json!({"login": format!("0905200{n:03}"), "password": TEST_PASSWORD, "full_name": "Trần Thị B"});
    assert_eq!(
        outcome(post_from(&app, "198.51.100.50", "/api/v1/auth/register", &body(1)).await)
            .await
            .0,
        201
    );
    let (status, code, _) =
        outcome(post_from(&app, "198.51.100.51", "/api/v1/auth/register", &body(2)).await).await;
    assert_eq!(
        (status, code.as_str()),
        (429, "rate_limited"),
        "a changed header is no new address"
    );
}

#[tokio::test]
async fn the_worker_forgets_budgets_that_are_whole_again() {
    let (a, _b) = servers(&[(Limited::RegistrationsPerAddress, Quota::new(2, 3600))]).await;
    let _figures = Figures::of(
        "the_worker_forgets_budgets_that_are_whole_again",
        &[&a, &_b],
    );
    let body = json!({"login": "0905300001", "password": TEST_PASSWORD, "full_name": "Lê Văn C"});
    assert_eq!(
        outcome(post_from(&a, "198.51.100.60", "/api/v1/auth/register", &body).await)
            .await
            .0,
        201
    );
    // One budget in use; another whose time has passed (as an hour later).
    diesel::RunQueryDsl::execute(
        diesel::sql_query("INSERT INTO rate_limits (key, tat) VALUES ('registrations/address:2/h:old', now() - interval '1 second')"),
        &mut a.db.conn(),
    )
    .expect("an old budget");
    let worker = a.worker(&hientruong_tests::temp_dir("mail"));
    assert_eq!(worker.sweep_limits().expect("sweep"), 1);
    assert_eq!(a.db.count("rate_limits"), 1);
    // The one in use still counts: its address has one registration left, not two.
    let again = json!({"login": "0905300002", "password": TEST_PASSWORD, "full_name": "Lê Văn D"});
    assert_eq!(
        outcome(post_from(&a, "198.51.100.60", "/api/v1/auth/register", &again).await)
            .await
            .0,
        201
    );
    let third = json!({"login": "0905300003", "password": TEST_PASSWORD, "full_name": "Lê Văn E"});
    assert_eq!(
        outcome(post_from(&a, "198.51.100.60", "/api/v1/auth/register", &third).await)
            .await
            .0,
        429
    );
}

/// A request written by hand on a socket, its body sent only in part and then held: what a client
/// holding a slot on purpose (or a phone losing its network) does. Answers the status line the
/// server eventually writes.
async fn held_upload(app: &TestApp, token: &str, from: &str) -> tokio::task::JoinHandle<String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let address = app.base.trim_start_matches("http://").to_owned();
    let mut socket = tokio::net::TcpStream::connect(&address)
        .await
        .expect("connect");
    let report = report_at("traffic", 16.4698, 107.5786).to_string();
    let start = format!(
        "--held\r\nContent-Disposition: form-data; name=\"report\"\r\n\r\n{report}\r\n\
         --held\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\n\
         Content-Type: image/jpeg\r\n\r\n\u{ff}\u{d8}"
    );
    let head = format!(
        "POST /api/v1/reports HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {token}\r\n\
         Idempotency-Key: {}\r\nX-Forwarded-For: {from}\r\n\
         Content-Type: multipart/form-data; boundary=held\r\nContent-Length: 1000000\r\n\r\n",
        Uuid::new_v4()
    );
    socket.write_all(head.as_bytes()).await.expect("head");
    socket.write_all(start.as_bytes()).await.expect("start");
    tokio::spawn(async move {
        let mut answer = vec![0u8; 512];
        let n = socket.read(&mut answer).await.unwrap_or(0);
        String::from_utf8_lossy(&answer[..n])
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned()
    })
}

#[tokio::test]
async fn a_held_upload_takes_only_its_accounts_slot_and_is_cut_off_within_seconds() {
    let app = TestApp::spawn_with(hientruong_api::Settings {
        uploads_per_account: 1,
        uploads_per_address: 2,
        trusted_proxies: vec!["127.0.0.1/32".parse().expect("net")],
        ..hientruong_tests::settings()
    })
    .await;
    let _figures = Figures::of(
        "a_held_upload_takes_only_its_accounts_slot_and_is_cut_off_within_seconds",
        &[&app],
    );
    let slow = app.resident("0905400001").await;
    let other = app.resident("0905400002").await;
    let third = app.resident("0905400003").await;
    let started = std::time::Instant::now();
    let held = held_upload(&app, &slow, "198.51.100.70").await;
    // Wait until the server holds its slot (the upload is being read).
    let in_use = |app: &TestApp| app.state.uploads.in_use();
    while in_use(&app) == 0 {
        assert!(
            started.elapsed().as_secs() < 5,
            "the upload never took a slot"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let upload = |token: &str, from: &str| {
        let form = report_with_photo();
        app.client
            .post(app.url("/api/v1/reports"))
            .bearer_auth(token)
            .header("Idempotency-Key", Uuid::new_v4().to_string())
            .header("X-Forwarded-For", from.to_owned())
            .multipart(form)
            .send()
    };
    // The same account cannot open a second one meanwhile, from anywhere.
    let res = upload(&slow, "198.51.100.71").await.expect("send");
    assert_eq!(res.headers()["retry-after"], "5");
    assert_eq!(error_code(res).await, (429, "too_many_uploads".into()));
    // Others upload meanwhile; from its address, up to the address's share.
    assert_eq!(
        upload(&other, "198.51.100.72")
            .await
            .expect("send")
            .status(),
        201
    );
    assert_eq!(
        upload(&third, "198.51.100.70")
            .await
            .expect("send")
            .status(),
        201
    );
    // The held upload is cut off once it falls behind the minimum rate (10 s of grace), with a
    // clear answer, and its slot is free again.
    let status = held.await.expect("answer");
    let took = started.elapsed();
    assert!(status.starts_with("HTTP/1.1 408"), "{status}");
    assert!(took.as_secs() >= 9 && took.as_secs() < 30, "{took:?}");
    assert_eq!(in_use(&app), 0);
    assert_eq!(
        upload(&slow, "198.51.100.70").await.expect("send").status(),
        201
    );
    assert_eq!(app.db.count("reports"), 3);
}

#[tokio::test]
async fn event_streams_are_bounded_per_address_and_in_all_and_freed_when_closed() {
    let app = TestApp::spawn_with(hientruong_api::Settings {
        event_streams: 3,
        event_streams_per_address: 2,
        trusted_proxies: vec!["127.0.0.1/32".parse().expect("net")],
        ..hientruong_tests::settings()
    })
    .await;
    let _figures = Figures::of(
        "event_streams_are_bounded_per_address_and_in_all_and_freed_when_closed",
        &[&app],
    );
    let open = |from: &'static str| {
        app.client
            .get(app.url("/api/v1/events"))
            .header("X-Forwarded-For", from)
            .send()
    };
    let mut a1 = open("198.51.100.80").await.expect("a1");
    assert_eq!(a1.status(), 200);
    assert!(a1.chunk().await.expect("first").is_some());
    let a2 = open("198.51.100.80").await.expect("a2");
    assert_eq!(a2.status(), 200);
    let refused = open("198.51.100.80").await.expect("a3");
    assert!(refused.headers().contains_key("retry-after"));
    assert_eq!(error_code(refused).await, (429, "too_many_streams".into()));
    let b1 = open("198.51.100.81").await.expect("b1");
    assert_eq!(b1.status(), 200);
    // The process's three are open: another address is refused too.
    assert_eq!(
        error_code(open("198.51.100.82").await.expect("c1")).await,
        (429, "too_many_streams".into())
    );
    // A closed stream gives its slot back, once the server writes to it again: a keep-alive
    // line every 15 s, the second write failing.
    drop(a1);
    let started = std::time::Instant::now();
    while app.state.streams.in_use() == 3 {
        assert!(
            started.elapsed().as_secs() < 40,
            "the closed stream's slot never came back"
        );
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    eprintln!(
        "a closed stream's slot came back after {:?}",
        started.elapsed()
    );
    assert_eq!(open("198.51.100.82").await.expect("c1").status(), 200);
    drop((a2, b1));
}

#[tokio::test]
async fn a_crowd_asking_for_public_figures_does_not_stop_intake_or_the_inbox() {
    let app = TestApp::spawn().await;
    let _figures = Figures::of(
        "a_crowd_asking_for_public_figures_does_not_stop_intake_or_the_inbox",
        &[&app],
    );
    // A year of history, so that a year's figures are real work for the database.
    let out = hientruong_tests::process::command()
        .args([
            "generate",
            "--reports",
            "20000",
            "--days",
            "366",
            "--seed",
            "3",
        ])
        .env("DATABASE_URL", &app.db.url)
        .output()
        .expect("generate");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let resident = app.resident("0905500001").await;
    let ioc = app.staff("ioc_operator", None).await;
    let today = chrono::Utc::now().date_naive();

    // Fifty anonymous callers at once, each for the longest public period, each a different one
    // (so that no cached answer helps).
    let started = std::time::Instant::now();
    let crowd = {
        let client = app.client.clone();
        let base = app.base.clone();
        tokio::spawn(async move {
            let asks = (0..50u64).map(|n| {
                let to = today - chrono::Days::new(n);
                let from = to - chrono::Days::new(365);
                client
                    .get(format!("{base}/api/v1/stats/summary?from={from}&to={to}"))
                    .send()
            });
            let answers = futures::future::join_all(asks).await;
            let statuses: Vec<u16> = answers
                .into_iter()
                .map(|r| r.map(|r| r.status().as_u16()).unwrap_or(0))
                .collect();
            (statuses, started.elapsed())
        })
    };
    // Meanwhile, residents report and officers read their inbox, promptly.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let mut slowest = std::time::Duration::ZERO;
    for n in 0..5 {
        let t = std::time::Instant::now();
        let res = app
            .submit(
                &resident,
                Uuid::new_v4(),
                &report_at("traffic", 16.4698, 107.5786),
            )
            .await;
        assert_eq!(res.status(), 201, "report {n}");
        let inbox = app.get("/api/v1/tickets?limit=20", Some(&ioc.token)).await;
        assert_eq!(inbox.status(), 200, "inbox {n}");
        slowest = slowest.max(t.elapsed());
    }
    let meanwhile = started.elapsed();
    let (statuses, crowd_took) = crowd.await.expect("crowd");
    eprintln!(
        "50 public year-long summaries took {crowd_took:?}; meanwhile 5 reports and 5 inbox \
         reads finished by {meanwhile:?}, the slowest pair in {slowest:?}; answers {statuses:?}"
    );
    assert!(
        crowd_took > meanwhile,
        "the crowd ({crowd_took:?}) was over before intake was tried ({meanwhile:?})"
    );
    // The crowd is answered too, or told to come back: never an error of the server's.
    assert!(
        statuses.iter().all(|s| [200, 503].contains(s)),
        "{statuses:?}"
    );
    assert!(
        statuses.iter().filter(|s| **s == 200).count() >= 25,
        "{statuses:?}"
    );
    assert!(slowest < std::time::Duration::from_secs(5), "{slowest:?}");
}

#[tokio::test]
async fn public_figures_are_shared_for_a_minute_and_capped_at_a_year_without_signing_in() {
    let app = TestApp::spawn().await;
    let _figures = Figures::of(
        "public_figures_are_shared_for_a_minute_and_capped_at_a_year_without_signing_in",
        &[&app],
    );
    let resident = app.resident("0905500002").await;
    app.report(&resident, "traffic", (16.4698, 107.5786)).await;
    let path = "/api/v1/stats/summary?category=traffic";
    let first = app.get(path, None).await;
    assert_eq!(first.status(), 200);
    assert_eq!(first.headers()["cache-control"], "public, max-age=60");
    let tag = first.headers()["etag"].to_str().expect("etag").to_owned();
    let figures: Value = first.json().await.expect("json");
    assert_eq!(figures["received"], 1);
    // Another report within the minute: anonymous callers are still given the same figures.
    app.report(&resident, "traffic", (16.4698, 107.5786)).await;
    let again = app.get(path, None).await;
    assert_eq!(again.headers()["etag"].to_str().expect("etag"), tag);
    assert_eq!(again.json::<Value>().await.expect("json")["received"], 1);
    let unchanged = app
        .client
        .get(app.url(path))
        .header("If-None-Match", &tag)
        .send()
        .await
        .expect("revalidate");
    assert_eq!(unchanged.status(), 304);
    // Staff see the figures of now, never a shared copy.
    let ioc = app.staff("ioc_operator", None).await;
    let staff = app.get(path, Some(&ioc.token)).await;
    assert!(staff.headers().get("etag").is_none());
    assert_eq!(staff.json::<Value>().await.expect("json")["received"], 2);
    // The longest period: a year for anyone, three for staff.
    let long = "/api/v1/stats/summary?from=2024-01-01&to=2025-12-31";
    assert_eq!(
        error_code(app.get(long, None).await).await,
        (400, "invalid_query".into())
    );
    assert_eq!(app.get(long, Some(&ioc.token)).await.status(), 200);
}

#[tokio::test]
async fn staff_lock_an_abusive_account_which_is_told_why_at_login() {
    let app = TestApp::spawn().await;
    let _figures = Figures::of(
        "staff_lock_an_abusive_account_which_is_told_why_at_login",
        &[&app],
    );
    let abuser = app.resident("0905600001").await;
    let session = app.login("0905600001").await;
    app.report(&abuser, "traffic", (16.4698, 107.5786)).await;
    let ioc = app.staff("ioc_operator", None).await;
    let admin = app.staff("admin", None).await;
    let officer = app.staff("officer", Some("csgt")).await;

    // The IOC finds the account by (part of) its phone number; an officer may not look.
    let found = app
        .get_json("/api/v1/admin/users?q=905600001", Some(&ioc.token))
        .await;
    let found = found.as_array().expect("accounts");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["role"], "resident");
    let id = found[0]["id"].as_str().expect("id").to_owned();
    assert_eq!(
        error_code(
            app.get("/api/v1/admin/users?q=0905", Some(&officer.token))
                .await
        )
        .await,
        (403, "forbidden".into())
    );
    // A reason is required; an IOC operator cannot lock an administrator, nor an officer anyone.
    async fn lock(app: &TestApp, token: &str, id: &str, reason: &str) -> reqwest::Response {
        app.post_auth(
            &format!("/api/v1/admin/users/{id}/lock"),
            token,
            &json!({"reason": reason}),
        )
        .await
    }
    assert_eq!(
        error_code(lock(&app, &ioc.token, &id, "  ").await).await,
        (422, "note_required".into())
    );
    assert_eq!(
        error_code(lock(&app, &ioc.token, &admin.id.to_string(), "x").await).await,
        (403, "forbidden".into())
    );
    assert_eq!(
        error_code(lock(&app, &officer.token, &id, "x").await).await,
        (403, "forbidden".into())
    );
    let reason = "Gửi nhiều phản ánh sai sự thật";
    let locked = lock(&app, &ioc.token, &id, reason).await;
    assert_eq!(locked.status(), 200);
    let locked: Value = locked.json().await.expect("json");
    assert_eq!(locked["lock_reason"], reason);

    // Its sessions are over: it can no longer report, and its refresh token is refused.
    let res = app
        .submit(
            &abuser,
            Uuid::new_v4(),
            &report_at("traffic", 16.4698, 107.5786),
        )
        .await;
    assert_eq!(res.status(), 401);
    let res = app
        .post_json(
            "/api/v1/auth/refresh",
            &json!({"refresh_token": session["refresh_token"]}),
        )
        .await;
    assert_eq!(res.status(), 401);
    // At login, with the right password, it is told why; a wrong password learns nothing.
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"login": "0905600001", "password": TEST_PASSWORD}),
        )
        .await;
    assert_eq!(res.status(), 403);
    let body: Value = res.json().await.expect("json");
    assert_eq!(body["error"], "account_locked_by_staff");
    assert_eq!(body["detail"], reason);
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"login": "0905600001", "password": "sai-mat-khau"}),
        )
        .await;
    assert_eq!(error_code(res).await, (401, "invalid_credentials".into()));
    assert_eq!(app.db.count("reports"), 1);

    // Unlocked, it logs in and reports again.
    let res = app
        .post_auth(
            &format!("/api/v1/admin/users/{id}/unlock"),
            &ioc.token,
            &json!({}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let token = app.login("0905600001").await["access_token"]
        .as_str()
        .expect("token")
        .to_owned();
    app.report(&token, "traffic", (16.4698, 107.5786)).await;
    assert_eq!(app.db.count("reports"), 2);
}

/// The point of keeping limits in PostgreSQL, with two real `hientruong serve` processes on one
/// database (one token secret, as a deployment sets it): guesses at a password and reports
/// alternate between them, and each budget is spent once across both.
#[tokio::test]
async fn limits_hold_across_two_server_processes() {
    use hientruong_tests::process::{ServerProcess, free_port};
    let db = hientruong_tests::TestDb::new();
    let secret = format!("{}{}", Uuid::new_v4().simple(), Uuid::new_v4().simple());
    let settings = [
        ("HIENTRUONG_JWT_SECRET", secret.as_str()),
        ("HIENTRUONG_LIMIT_LOGINS_PER_LOGIN_AND_ADDRESS", "4/15min"),
        ("HIENTRUONG_LIMIT_REPORTS_PER_ACCOUNT", "3/h"),
    ];
    let client = reqwest::Client::new();
    let mut servers = Vec::new();
    for name in ["a", "b"] {
        let data = hientruong_tests::temp_dir(&format!("two-processes-{name}"));
        let mut server = ServerProcess::start_with(&db.url, free_port(), &data, &settings);
        server.wait_ready(&client).await;
        servers.push(server);
    }
    let base = |n: usize| servers[n % 2].base.clone();
    let post = |n: usize, path: &str, body: Value, token: Option<&str>| {
        let mut req = client
            .post(format!("{}{path}", base(n)))
            .header("Idempotency-Key", Uuid::new_v4().to_string())
            .json(&body);
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        async move { req.send().await.expect("request") }
    };
    let login = "hai.tien.trinh@example.vn";
    let res = post(
        0,
        "/api/v1/auth/register",
        json!({"login": login, "password": TEST_PASSWORD, "full_name": "Hai Tiến Trình"}),
        None,
    )
    .await;
    assert_eq!(res.status(), 201);
    let account: Value = res.json().await.expect("json");
    db.verify_account(account["id"].as_str().expect("id").parse().expect("uuid"));

    // Four wrong passwords, alternating: the fifth attempt is refused by either process.
    let wrong = json!({"login": login, "password": "sai-mat-khau"});
    for n in 0..4 {
        let res = post(n, "/api/v1/auth/login", wrong.clone(), None).await;
        assert_eq!(res.status(), 401, "guess {n}");
    }
    for n in 0..2 {
        let right = json!({"login": login, "password": TEST_PASSWORD});
        let res = post(n, "/api/v1/auth/login", right, None).await;
        assert_eq!(
            error_code(res).await,
            (429, "account_locked".into()),
            "process {n}"
        );
    }

    // The owner waits (the test forgets the spent budget), then reports: three, alternating, and
    // the fourth is refused by either process; nothing is stored for it.
    diesel::RunQueryDsl::execute(
        diesel::sql_query("DELETE FROM rate_limits WHERE key LIKE 'logins%'"),
        &mut db.conn(),
    )
    .expect("time passes");
    let res = post(
        1,
        "/api/v1/auth/login",
        json!({"login": login, "password": TEST_PASSWORD}),
        None,
    )
    .await;
    assert_eq!(res.status(), 200);
    let session: Value = res.json().await.expect("json");
    let token = session["access_token"].as_str().expect("token");
    for n in 0..3 {
        let res = post(
            n,
            "/api/v1/reports",
            report_at("traffic", 16.4698, 107.5786),
            Some(token),
        )
        .await;
        assert_eq!(res.status(), 201, "report {n}");
    }
    for n in 0..2 {
        let res = post(
            n,
            "/api/v1/reports",
            report_at("traffic", 16.4698, 107.5786),
            Some(token),
        )
        .await;
        assert!(res.headers().contains_key("retry-after"));
        assert_eq!(
            error_code(res).await,
            (429, "rate_limited".into()),
            "process {n}"
        );
    }
    assert_eq!(db.count("reports"), 3);
}
