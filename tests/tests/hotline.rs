//! Hotline intake and channels: an IOC operator enters a caller's report (the caller is its
//! contact, seen only as a reporter's identity is, and the caller is told the tracking code); every
//! report records how it came in (app, web, Open311, hotline), and the statistics count by it.

use hientruong_domain::limits::{Limited, Limits, Quota};
use hientruong_tests::figures::Figures;
use hientruong_tests::{CITADEL, TestApp, error_code, report_at};
use serde_json::{Value, json};
use uuid::Uuid;

fn hotline(description: &str, caller: Value) -> Value {
    let mut body = report_at("environment", CITADEL.0, CITADEL.1);
    body["description"] = json!(description);
    body["caller"] = caller;
    body
}

#[tokio::test]
async fn an_ioc_operator_enters_a_callers_report_whose_contact_only_identity_seers_see() {
    // A resident's limit of 2 reports an hour does not bind the hotline.
    let mut limits = Limits::none();
    limits.set(Limited::ReportsPerAccount, vec![Quota::new(2, 3600)]);
    let app = TestApp::spawn_with(hientruong_api::Settings {
        limits,
        ..hientruong_tests::settings()
    })
    .await;
    let _figures = Figures::of(
        "an_ioc_operator_enters_a_callers_report_whose_contact_only_identity_seers_see",
        &[&app],
    );
    let ioc = app.staff("ioc_operator", None).await;
    let officer = app.staff("officer", Some("ubnd-19753")).await;
    let resident = app.resident("0905900001").await;
    let caller = json!({"name": "Bà Nguyễn Thị Lan", "phone": "0234 3822 123"});

    // Who may: residents not for a caller, IOC operators only for one, other staff never.
    let submit = |token: String, body: Value| {
        let app = &app;
        async move { app.submit(&token, Uuid::new_v4(), &body).await }
    };
    assert_eq!(
        error_code(submit(resident.clone(), hotline("Rác", caller.clone())).await).await,
        (403, "forbidden".into())
    );
    assert_eq!(
        error_code(submit(ioc.token.clone(), hotline("Rác", Value::Null)).await).await,
        (422, "caller_required".into())
    );
    assert_eq!(
        error_code(submit(officer.token.clone(), hotline("Rác", caller.clone())).await).await,
        (403, "forbidden".into())
    );
    for (bad, status, expected) in [
        (
            json!({"name": "", "phone": "0905123456"}),
            422,
            "invalid_caller",
        ),
        (
            json!({"name": "Lan", "phone": "12345"}),
            422,
            "invalid_caller",
        ),
        (
            json!({"name": "x".repeat(101), "phone": "0905123456"}),
            422,
            "invalid_caller",
        ),
        (json!({"name": "Lan"}), 400, "invalid_json"),
    ] {
        let res = submit(ioc.token.clone(), hotline("Rác", bad.clone())).await;
        assert_eq!(error_code(res).await, (status, expected.into()), "{bad}");
    }
    // With photos, the operator is refused before any photo is processed or stored.
    let form = reqwest::multipart::Form::new()
        .text("report", hotline("Rác", Value::Null).to_string())
        .part(
            "photo",
            reqwest::multipart::Part::bytes(hientruong_tests::photos::jpeg(640, 480))
                .file_name("a.jpg")
                .mime_str("image/jpeg")
                .expect("mime"),
        );
    let res = app
        .client
        .post(app.url("/api/v1/reports"))
        .bearer_auth(&ioc.token)
        .header("Idempotency-Key", Uuid::new_v4().to_string())
        .multipart(form)
        .send()
        .await
        .expect("send");
    assert_eq!(error_code(res).await, (422, "caller_required".into()));
    let stored = walk(&app.media_dir);
    assert_eq!(stored, 0, "no photo file stored");
    assert_eq!(app.db.count("reports"), 0, "nothing stored by a refusal");

    // Three calls in a row: no resident's limit applies to the operator.
    let mut ids = Vec::new();
    for n in 0..3 {
        let key = Uuid::new_v4();
        let body = hotline(
            &format!("Rác chất đống trước chợ, cuộc gọi {n}"),
            caller.clone(),
        );
        let res = app.submit(&ioc.token, key, &body).await;
        assert_eq!(res.status(), 201, "call {n}");
        let created: Value = res.json().await.expect("json");
        // What the operator reads back to the caller.
        assert!(created["tracking_code"].is_string());
        ids.push((
            created["id"].as_str().expect("id").to_owned(),
            created["tracking_code"].as_str().expect("code").to_owned(),
        ));
        // A retry of the same call is the same report.
        let again = app.submit(&ioc.token, key, &body).await;
        assert_eq!(again.status(), 201);
        assert_eq!(again.headers()["idempotent-replayed"], "true");
    }
    assert_eq!(app.db.count("reports"), 3);
    assert_eq!(app.db.count("report_callers"), 3);
    let (id, code) = &ids[0];

    // The IOC sees the caller; the unit handling it sees the channel, not who called.
    let seen = app
        .get_json(&format!("/api/v1/tickets/{id}"), Some(&ioc.token))
        .await;
    assert_eq!(seen["channel"], "hotline");
    assert_eq!(seen["caller"]["name"], "Bà Nguyễn Thị Lan");
    assert_eq!(seen["caller"]["phone"], "+842343822123");
    let handled = app
        .get_json(&format!("/api/v1/tickets/{id}"), Some(&officer.token))
        .await;
    assert_eq!(handled["channel"], "hotline");
    assert!(handled.get("caller").is_none(), "{handled}");
    assert!(!handled.to_string().contains("3822123"));

    // The caller, with only the code, finds it; nothing public names or rings them.
    let found = app
        .get_json(&format!("/api/v1/reports/by-code/{code}"), None)
        .await;
    assert_eq!(found["id"], id.as_str());
    for path in [
        format!("/api/v1/reports/by-code/{code}"),
        format!("/api/v1/reports/{id}"),
        "/api/v1/reports".to_owned(),
        format!("/open311/v2/requests/{id}.json"),
    ] {
        let text = app.get(&path, None).await.text().await.expect("body");
        assert!(
            !text.contains("Lan") && !text.contains("3822123") && !text.contains("3822 123"),
            "{path}: {text}"
        );
    }

    // Every resident's report still counts against their limit.
    for _ in 0..2 {
        app.report(&resident, "environment", CITADEL).await;
    }
    assert_eq!(
        error_code(
            app.submit(
                &resident,
                Uuid::new_v4(),
                &report_at("environment", CITADEL.0, CITADEL.1)
            )
            .await
        )
        .await,
        (429, "rate_limited".into())
    );
}

#[tokio::test]
async fn every_report_records_its_channel_and_the_statistics_count_by_it() {
    let app = TestApp::spawn().await;
    let _figures = Figures::of(
        "every_report_records_its_channel_and_the_statistics_count_by_it",
        &[&app],
    );
    let ioc = app.staff("ioc_operator", None).await;
    let admin = app.staff("admin", None).await;
    let officer = app.staff("officer", Some("ubnd-19753")).await;
    let resident = app.resident("0905900002").await;

    // Two through the app (the default and said), three through the web app.
    app.report(&resident, "environment", CITADEL).await;
    let mut body = report_at("environment", CITADEL.0, CITADEL.1);
    body["channel"] = json!("app");
    assert_eq!(
        app.submit(&resident, Uuid::new_v4(), &body).await.status(),
        201
    );
    body["channel"] = json!("web");
    let mut web = Vec::new();
    for _ in 0..3 {
        let res = app.submit(&resident, Uuid::new_v4(), &body).await;
        assert_eq!(res.status(), 201);
        web.push(
            res.json::<Value>().await.expect("json")["id"]
                .as_str()
                .expect("id")
                .to_owned(),
        );
    }
    // A client cannot claim the hotline or Open311.
    for claimed in ["hotline", "open311", "sms"] {
        body["channel"] = json!(claimed);
        let (status, code) = error_code(app.submit(&resident, Uuid::new_v4(), &body).await).await;
        assert_eq!((status, code.as_str()), (400, "invalid_json"), "{claimed}");
    }
    // One call.
    let call = hotline(
        "Cống bị tắc",
        json!({"name": "Ông Trần Văn Bình", "phone": "0905 111 222"}),
    );
    let res = app.submit(&ioc.token, Uuid::new_v4(), &call).await;
    assert_eq!(res.status(), 201);
    let called = res.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    // One posting of a client application.
    let created: Value = app
        .post_auth(
            "/api/v1/admin/api-keys",
            &admin.token,
            &json!({"name": "Cổng dịch vụ công"}),
        )
        .await
        .json()
        .await
        .expect("json");
    let form = [
        ("api_key", created["api_key"].as_str().expect("key")),
        ("service_code", "environment"),
        ("lat", "16.4698"),
        ("long", "107.5786"),
        ("description", "Nước thải chảy ra đường"),
    ];
    let res = app
        .client
        .post(app.url("/open311/v2/requests.json"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(serde_urlencoded::to_string(form).expect("form"))
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), 201);
    let posted: Value = res.json().await.expect("json");
    let posted = posted[0]["service_request_id"]
        .as_str()
        .expect("id")
        .to_owned();
    let channel = |id: String| {
        let app = &app;
        let token = ioc.token.clone();
        async move {
            app.get_json(&format!("/api/v1/tickets/{id}"), Some(&token))
                .await["channel"]
                .as_str()
                .expect("channel")
                .to_owned()
        }
    };
    assert_eq!(channel(web[0].clone()).await, "web");
    assert_eq!(channel(called.clone()).await, "hotline");
    assert_eq!(channel(posted.clone()).await, "open311");

    // Handled tickets carry their channel into the figures of handling.
    for id in [&web[0], &called] {
        app.act_ok(&officer.token, id, json!({"action": "accept"}))
            .await;
        let photo = app
            .upload(
                &officer.token,
                &format!("/api/v1/tickets/{id}/photos"),
                hientruong_tests::photos::jpeg(64, 48),
            )
            .await;
        assert_eq!(photo.status(), 201);
        app.act_ok(
            &officer.token,
            id,
            json!({"action": "resolve", "public_answer": "Đã xử lý xong"}),
        )
        .await;
    }
    // The operator who took the call is the hotline report's reporter of record, but follows
    // nothing: the caller has the tracking code.
    let told = app
        .get_json("/api/v1/me/notifications", Some(&ioc.token))
        .await;
    assert_eq!(told["items"], json!([]), "{told}");

    // By channel: every channel a row, public like the city's summary.
    let rows = app.get_json("/api/v1/stats/channels", None).await;
    let figures: Vec<(String, i64, i64)> = rows["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|r| {
            (
                r["key"].as_str().expect("key").to_owned(),
                r["received"].as_i64().expect("received"),
                r["resolved"].as_i64().expect("resolved"),
            )
        })
        .collect();
    assert_eq!(
        figures,
        vec![
            ("app".to_owned(), 2, 0),
            ("web".to_owned(), 3, 1),
            ("open311".to_owned(), 1, 0),
            ("hotline".to_owned(), 1, 1),
        ]
    );
    // And as a filter of every statistic.
    let hotline_only = app
        .get_json("/api/v1/stats/summary?channel=hotline", None)
        .await;
    assert_eq!(hotline_only["received"], 1);
    assert_eq!(hotline_only["resolved"], 1);
    assert_eq!(hotline_only["time_to_accept"]["count"], 1);
    let web_units = app
        .get_json("/api/v1/stats/units?channel=web", Some(&ioc.token))
        .await;
    let received: i64 = web_units["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|r| r["received"].as_i64().unwrap_or(0))
        .sum();
    assert_eq!(received, 3);
    let csv = app
        .get("/api/v1/stats/channels?format=csv", None)
        .await
        .text()
        .await
        .expect("csv");
    assert_eq!(csv.lines().count(), 5, "{csv}");
    assert_eq!(
        error_code(app.get("/api/v1/stats/summary?channel=sms", None).await).await,
        (400, "invalid_query".into())
    );
}

/// Files under `dir`, recursively.
fn walk(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| {
                    let path = e.path();
                    if path.is_dir() { walk(&path) } else { 1 }
                })
                .sum()
        })
        .unwrap_or(0)
}
