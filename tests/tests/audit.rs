//! The audit log: every staff action that changes the set-up or an account, or that discloses
//! personal data, is one row (and a refused action none); administrators read it with filters,
//! in pages and as CSV; nobody can change or delete a row, not even connected as the server.

use diesel::RunQueryDsl;
use hientruong_tests::figures::Figures;
use hientruong_tests::photos::jpeg;
use hientruong_tests::{CITADEL, TestApp, error_code};
use reqwest::Method;
use serde_json::{Value, json};

/// Sends a request that must succeed.
async fn ok(app: &TestApp, method: Method, path: &str, token: &str, body: Value) -> Value {
    let res = app.send(method.clone(), path, token, body).await;
    let status = res.status();
    let text = res.text().await.unwrap_or_default();
    assert!(status.is_success(), "{method} {path}: {status} {text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// Every row of the log, oldest first, as the API gives them.
async fn log(app: &TestApp, admin: &str, query: &str) -> Vec<Value> {
    let page = app
        .get_json(
            &format!("/api/v1/admin/audit?limit=200{query}"),
            Some(admin),
        )
        .await;
    let mut rows = page["items"].as_array().expect("items").clone();
    rows.reverse();
    rows
}

#[tokio::test]
async fn every_recorded_action_is_one_row_and_a_refused_one_none() {
    let app = TestApp::spawn().await;
    let _figures = Figures::of(
        "every_recorded_action_is_one_row_and_a_refused_one_none",
        &[&app],
    );
    let admin = app.staff("admin", None).await;
    let ioc = app.staff("ioc_operator", None).await;
    let officer = app.staff("officer", Some("ubnd-19753")).await;
    let resident = app.resident("0905800001").await;
    let report = app.report(&resident, "environment", CITADEL).await;
    let res = app
        .upload(
            &resident,
            &format!("/api/v1/reports/{report}/photos"),
            jpeg(320, 240),
        )
        .await;
    assert_eq!(res.status(), 201);
    let photo = res.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("photo id")
        .to_owned();
    let resident_id = app.login("0905800001").await["user"]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    assert_eq!(app.db.count("audit_log"), 0, "nothing recorded yet");

    // What officers and residents do is not in this log (ticket events are the tickets' trail),
    // and an officer sees no reporter's identity.
    app.get_json(&format!("/api/v1/tickets/{report}"), Some(&officer.token))
        .await;
    let res = app
        .get("/api/v1/tickets/export", Some(&officer.token))
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(app.db.count("audit_log"), 0);

    let a = &admin.token;
    let created = ok(
        &app,
        Method::POST,
        "/api/v1/admin/users",
        a,
        json!({"login": "canbo.kiemtra", "full_name": "Trần Văn Kiểm", "password": "mat-khau-dai-du", "role": "officer", "unit": "ubnd-19753"}),
    )
    .await;
    let user = created["id"].as_str().expect("id").to_owned();
    ok(
        &app,
        Method::PATCH,
        &format!("/api/v1/admin/users/{user}"),
        a,
        json!({"role": "unit_manager", "unit": "ubnd-19753"}),
    )
    .await;
    ok(
        &app,
        Method::PUT,
        "/api/v1/admin/units/cay-xanh",
        a,
        json!({"kind": "department", "name_vi": "Công ty Cây xanh Huế", "name_en": "Huế Parks", "email": "cayxanh@hue.hientruong.invalid"}),
    )
    .await;
    ok(
        &app,
        Method::PUT,
        "/api/v1/admin/categories/trees",
        a,
        json!({"name_vi": "Cây xanh", "name_en": "Trees"}),
    )
    .await;
    let rule = ok(
        &app,
        Method::POST,
        "/api/v1/admin/routing-rules",
        a,
        json!({"category": "trees", "target_kind": "unit", "target_unit": "cay-xanh"}),
    )
    .await;
    let rule = rule["id"].to_string();
    ok(
        &app,
        Method::POST,
        &format!("/api/v1/admin/routing-rules/{rule}/end"),
        a,
        json!({}),
    )
    .await;
    let policy = ok(
        &app,
        Method::PUT,
        "/api/v1/admin/sla-policies",
        a,
        json!({"category": "trees", "urgent": false, "clock": "wall_clock", "accept_minutes": 60, "resolve_minutes": 600}),
    )
    .await;
    ok(
        &app,
        Method::PUT,
        "/api/v1/admin/holidays",
        a,
        json!([{"day": "2027-09-02", "name": "Quốc khánh"}]),
    )
    .await;
    ok(
        &app,
        Method::DELETE,
        "/api/v1/admin/holidays/2027-09-02",
        a,
        json!({}),
    )
    .await;
    ok(
        &app,
        Method::PUT,
        "/api/v1/admin/populations/19753",
        a,
        json!({"population": 30000, "as_of": "2025-07-01"}),
    )
    .await;
    let key = ok(
        &app,
        Method::POST,
        "/api/v1/admin/api-keys",
        a,
        json!({"name": "Cổng dịch vụ công"}),
    )
    .await;
    let key = key["id"].as_str().expect("key id").to_owned();
    ok(
        &app,
        Method::DELETE,
        &format!("/api/v1/admin/api-keys/{key}"),
        a,
        json!({}),
    )
    .await;
    // IOC operators: moderation, and what discloses personal data.
    let i = &ioc.token;
    let hide = format!("/api/v1/admin/reports/{report}/hide");
    ok(
        &app,
        Method::POST,
        &hide,
        i,
        json!({"what": "photo", "photo_id": photo, "reason": "Lộ biển số xe"}),
    )
    .await;
    ok(
        &app,
        Method::POST,
        &format!("/api/v1/admin/reports/{report}/unhide"),
        i,
        json!({"what": "photo", "photo_id": photo}),
    )
    .await;
    ok(
        &app,
        Method::POST,
        &format!("/api/v1/admin/users/{resident_id}/lock"),
        i,
        json!({"reason": "Gửi phản ánh sai sự thật nhiều lần"}),
    )
    .await;
    ok(
        &app,
        Method::POST,
        &format!("/api/v1/admin/users/{resident_id}/unlock"),
        i,
        json!({}),
    )
    .await;
    let ticket = app
        .get_json(&format!("/api/v1/tickets/{report}"), Some(i))
        .await;
    let login = ticket["reporter"]["login"]
        .as_str()
        .expect("the IOC sees who");
    let res = app.get("/api/v1/tickets/export", Some(i)).await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.expect("csv").contains(login));
    app.get_json(&format!("/api/v1/photos/{photo}"), Some(i))
        .await;
    let res = app
        .get(&format!("/api/v1/photos/{photo}/original"), Some(i))
        .await;
    assert_eq!(res.status(), 200);

    // Refused actions leave no row: an invalid change, a forbidden one, one on nothing.
    let before = app.db.count("audit_log");
    for (method, path, token, body, status) in [
        (
            Method::PATCH,
            format!("/api/v1/admin/users/{user}"),
            a,
            json!({"role": "chief"}),
            422,
        ),
        (
            Method::PUT,
            "/api/v1/admin/units/cay-xanh".to_owned(),
            i,
            json!({"kind": "department", "name_vi": "X", "name_en": "X", "email": "x@y.vn"}),
            403,
        ),
        (
            Method::POST,
            format!("/api/v1/admin/users/{}/lock", admin.id),
            i,
            json!({"reason": "thử"}),
            403,
        ),
        (
            Method::POST,
            format!("/api/v1/admin/reports/{}/hide", uuid::Uuid::new_v4()),
            i,
            json!({"what": "text", "reason": "thử"}),
            404,
        ),
        (
            Method::POST,
            "/api/v1/admin/routing-rules/999999/end".to_owned(),
            a,
            json!({}),
            404,
        ),
    ] {
        let res = app.send(method.clone(), &path, token, body).await;
        assert_eq!(res.status(), status, "{method} {path}");
    }
    let res = app
        .get(
            &format!("/api/v1/photos/{photo}/original"),
            Some(&officer.token),
        )
        .await;
    assert_eq!(res.status(), 403);
    assert_eq!(
        app.db.count("audit_log"),
        before,
        "refusals are not recorded"
    );

    let rows = log(&app, a, "").await;
    let seen: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["action"].as_str().expect("action"),
                r["target"].as_str().expect("target"),
                r["actor_id"].as_str().expect("actor"),
            )
        })
        .collect();
    let (admin_id, ioc_id) = (admin.id.to_string(), ioc.id.to_string());
    let policy = policy["id"].to_string();
    let expected: Vec<(&str, &str, &str)> = vec![
        ("user.create", &user, &admin_id),
        ("user.update", &user, &admin_id),
        ("unit.put", "cay-xanh", &admin_id),
        ("category.put", "trees", &admin_id),
        ("routing_rule.add", &rule, &admin_id),
        ("routing_rule.end", &rule, &admin_id),
        ("sla_policy.put", &policy, &admin_id),
        ("holiday.put", "2027-09-02", &admin_id),
        ("holiday.delete", "2027-09-02", &admin_id),
        ("population.put", "19753", &admin_id),
        ("api_key.create", &key, &admin_id),
        ("api_key.revoke", &key, &admin_id),
        ("report.hide", &report, &ioc_id),
        ("report.unhide", &report, &ioc_id),
        ("user.lock", &resident_id, &ioc_id),
        ("user.unlock", &resident_id, &ioc_id),
        ("ticket.view_identity", &report, &ioc_id),
        ("ticket.export_identity", "*", &ioc_id),
        ("photo.evidence", &photo, &ioc_id),
        ("photo.original", &photo, &ioc_id),
    ];
    assert_eq!(seen, expected);
    assert_eq!(
        expected.len(),
        hientruong_domain::audit::Action::ALL.len(),
        "every action is exercised"
    );

    // What each row keeps.
    let by = |action: &str| {
        rows.iter()
            .find(|r| r["action"] == action)
            .expect("row")
            .clone()
    };
    let update = by("user.update");
    assert_eq!(update["actor_role"], "admin");
    assert_eq!(update["detail"]["before"]["role"], "officer");
    assert_eq!(update["detail"]["after"]["role"], "unit_manager");
    assert_eq!(
        by("unit.put")["detail"]["email"],
        "cayxanh@hue.hientruong.invalid"
    );
    assert_eq!(by("report.hide")["detail"]["reason"], "Lộ biển số xe");
    assert_eq!(by("report.hide")["detail"]["photo_id"], photo.as_str());
    assert_eq!(
        by("user.lock")["detail"]["reason"],
        "Gửi phản ánh sai sự thật nhiều lần"
    );
    assert_eq!(by("ticket.export_identity")["detail"]["tickets"], 1);
    assert_eq!(by("ticket.export_identity")["detail"]["reporters"], 1);
    assert_eq!(by("photo.original")["detail"]["report_id"], report.as_str());
    assert!(
        !by("api_key.create").to_string().contains("secret"),
        "the key's secret is never kept"
    );
}

#[tokio::test]
async fn administrators_read_the_log_by_actor_action_and_period_in_pages_and_as_csv() {
    let app = TestApp::spawn().await;
    let _figures = Figures::of(
        "administrators_read_the_log_by_actor_action_and_period_in_pages_and_as_csv",
        &[&app],
    );
    let admin = app.staff("admin", None).await;
    let other = app.staff("admin", None).await;
    let ioc = app.staff("ioc_operator", None).await;
    for n in 0..5 {
        ok(
            &app,
            Method::PUT,
            "/api/v1/admin/populations/19753",
            &admin.token,
            json!({"population": 30000 + n, "as_of": "2025-07-01"}),
        )
        .await;
    }
    ok(
        &app,
        Method::POST,
        "/api/v1/admin/api-keys",
        &other.token,
        json!({"name": "Cổng dịch vụ công"}),
    )
    .await;

    // Administrators only.
    for token in [&ioc.token] {
        assert_eq!(
            error_code(app.get("/api/v1/admin/audit", Some(token)).await).await,
            (403, "forbidden".into())
        );
    }
    assert_eq!(
        error_code(app.get("/api/v1/admin/audit", None).await).await,
        (401, "missing_token".into())
    );
    for bad in [
        "action=user.delete",
        "actor=nobody",
        "from=yesterday",
        "format=xml",
        "limit=0",
        "colour=red",
    ] {
        assert_eq!(
            error_code(
                app.get(&format!("/api/v1/admin/audit?{bad}"), Some(&admin.token))
                    .await
            )
            .await,
            (400, "invalid_query".into()),
            "{bad}"
        );
    }
    assert_eq!(
        error_code(
            app.get("/api/v1/admin/audit?cursor=abc", Some(&admin.token))
                .await
        )
        .await,
        (400, "invalid_cursor".into())
    );

    let a = &admin.token;
    assert_eq!(log(&app, a, "").await.len(), 6);
    assert_eq!(log(&app, a, "&action=population.put").await.len(), 5);
    let theirs = log(&app, a, &format!("&actor={}", other.id)).await;
    assert_eq!(theirs.len(), 1);
    assert_eq!(theirs[0]["action"], "api_key.create");
    assert_eq!(
        log(
            &app,
            a,
            "&from=2000-01-01T00:00:00Z&to=2001-01-01T00:00:00Z"
        )
        .await
        .len(),
        0
    );
    let since = log(&app, a, "").await[2]["at"]
        .as_str()
        .expect("at")
        .to_owned();
    let since = url_encode(&since);
    assert_eq!(log(&app, a, &format!("&from={since}")).await.len(), 4);
    assert_eq!(log(&app, a, &format!("&to={since}")).await.len(), 2);

    // Pages of 4, newest first, each row once.
    let first = app.get_json("/api/v1/admin/audit?limit=4", Some(a)).await;
    assert_eq!(first["items"].as_array().expect("items").len(), 4);
    let cursor = first["next_cursor"].as_str().expect("cursor");
    let second = app
        .get_json(
            &format!("/api/v1/admin/audit?limit=4&cursor={cursor}"),
            Some(a),
        )
        .await;
    assert_eq!(second["items"].as_array().expect("items").len(), 2);
    assert!(second["next_cursor"].is_null());
    let ids: Vec<i64> = first["items"]
        .as_array()
        .into_iter()
        .chain(second["items"].as_array())
        .flatten()
        .map(|r| r["id"].as_i64().expect("id"))
        .collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first: {ids:?}");

    // The same as a download.
    let res = app
        .get(
            "/api/v1/admin/audit?format=csv&action=api_key.create",
            Some(a),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .expect("type")
            .starts_with("text/csv")
    );
    let text = res.text().await.expect("csv");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("id,at,actor_id,actor_role,action,target,detail")
    );
    let line = lines.next().expect("a row");
    assert!(line.contains("api_key.create") && line.contains(&other.id.to_string()));
    assert!(lines.next().is_none());
    // Reading the log is not itself a recorded action.
    assert_eq!(app.db.count("audit_log"), 6);
}

fn url_encode(text: &str) -> String {
    text.replace('+', "%2B").replace(':', "%3A")
}

#[tokio::test]
async fn the_log_is_append_only_even_for_the_servers_own_database_user() {
    let app = TestApp::spawn().await;
    let _figures = Figures::of(
        "the_log_is_append_only_even_for_the_servers_own_database_user",
        &[&app],
    );
    let admin = app.staff("admin", None).await;
    ok(
        &app,
        Method::PUT,
        "/api/v1/admin/populations/19753",
        &admin.token,
        json!({"population": 30000, "as_of": "2025-07-01"}),
    )
    .await;
    let mut conn = app.db.conn();
    for sql in [
        "UPDATE audit_log SET target = 'khác'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
    ] {
        let err = diesel::sql_query(sql)
            .execute(&mut conn)
            .expect_err("refused");
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    assert_eq!(app.db.count("audit_log"), 1);
    let rows = log(&app, &admin.token, "").await;
    assert_eq!(rows[0]["target"], "19753");
}
