//! The web app in a real browser: Debian's Chromium driven by Playwright (`playwright-core`),
//! against a server and database of each test's own. Each test prepares its data through the API,
//! then runs one scenario script of `web/tests/` with Node; the script drives the pages, asserts,
//! and leaves screenshots in `tests/artifacts/web/<test>/`.
//!
//! Needs `web/node_modules` and `web/dist` (`npm ci && npm run build` in `web/`, which
//! `scripts/test` does first).

use std::path::PathBuf;
use std::process::Command;

use hientruong_tests::photos::jpeg;
use hientruong_tests::{CITADEL, TEST_PASSWORD, TestApp, report_at, workspace};
use serde_json::{Value, json};
use uuid::Uuid;

fn web_dir() -> PathBuf {
    workspace().join("web")
}

/// Runs `web/tests/<script>` with `env`; fails the test with the script's output when it fails.
fn run_scenario(test: &str, script: &str, env: &[(&str, String)]) {
    let web = web_dir();
    assert!(
        web.join("dist/index.html").is_file() && web.join("node_modules/playwright-core").is_dir(),
        "the web app is not built: run `npm ci && npm run build` in web/ (scripts/test does)"
    );
    let artifacts = workspace().join("tests/artifacts/web").join(test);
    let _ = std::fs::remove_dir_all(&artifacts);
    std::fs::create_dir_all(&artifacts).expect("artifacts dir");
    let out = Command::new("node")
        .arg(format!("tests/{script}"))
        .current_dir(&web)
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .env("HT_ARTIFACTS", &artifacts)
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{script} failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
    let shots = std::fs::read_dir(&artifacts)
        .map(|d| d.flatten().count())
        .unwrap_or(0);
    assert!(shots > 0, "{script} left no screenshot in {artifacts:?}");
}

/// A traffic report at the Citadel (unit `csgt`): its id and tracking code.
async fn traffic_report(app: &TestApp, resident: &str, text: &str) -> (String, String) {
    let mut body = report_at("traffic", CITADEL.0, CITADEL.1);
    body["description"] = json!(text);
    let res = app.submit(resident, Uuid::new_v4(), &body).await;
    assert_eq!(res.status(), 201);
    let report: Value = res.json().await.expect("json");
    (
        report["id"].as_str().expect("id").to_owned(),
        report["tracking_code"].as_str().expect("code").to_owned(),
    )
}

#[tokio::test]
async fn an_officer_resolves_a_ticket_with_an_after_photo() {
    let app = TestApp::spawn().await;
    let officer = app.staff("officer", Some("csgt")).await;
    let resident = app.resident("0905111222").await;
    // Another ticket in the inbox, so that the right one has to be found.
    traffic_report(&app, &resident, "Đèn tín hiệu giao thông hỏng ở ngã tư.").await;
    let (id, code) = traffic_report(
        &app,
        &resident,
        "Cây đổ chắn ngang đường Lê Duẩn, xe máy không qua được.",
    )
    .await;
    let photo = std::env::temp_dir().join(format!("after-{}.jpg", Uuid::new_v4().simple()));
    std::fs::write(&photo, jpeg(800, 600)).expect("photo");

    run_scenario(
        "officer_resolves",
        "officer-resolves.mjs",
        &[
            ("HT_BASE_URL", app.base.clone()),
            ("HT_OFFICER_LOGIN", officer.login.clone()),
            ("HT_OFFICER_PASSWORD", TEST_PASSWORD.to_owned()),
            ("HT_TRACKING_CODE", code),
            ("HT_PHOTO", photo.display().to_string()),
        ],
    );
    let _ = std::fs::remove_file(&photo);

    // What the browser did is in the database: resolved, with the after photo and the answer.
    let ticket = app
        .get_json(&format!("/api/v1/tickets/{id}"), Some(&officer.token))
        .await;
    assert_eq!(ticket["status"], "resolved", "{ticket}");
    assert!(
        ticket["public_answer"]
            .as_str()
            .is_some_and(|a| !a.is_empty())
    );
    let kinds: Vec<&str> = ticket["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .collect();
    assert_eq!(
        kinds,
        ["received", "accept", "start", "resolve"],
        "{ticket}"
    );
    let after_photos = ticket["photos"]
        .as_array()
        .expect("photos")
        .iter()
        .filter(|p| p["kind"] == "resolution")
        .count();
    assert_eq!(after_photos, 1, "{ticket}");
}

#[tokio::test]
async fn the_ioc_dashboard_follows_a_resolution_live() {
    let app = TestApp::spawn().await;
    let ioc = app.staff("ioc_operator", None).await;
    let officer = app.staff("officer", Some("csgt")).await;
    let resident = app.resident("0905333444").await;
    // One resolved ticket already, and one in progress with its after photo: the script resolves
    // it through the API while the dashboard is open.
    let (done, _) = traffic_report(&app, &resident, "Ổ gà lớn giữa đường Trần Hưng Đạo.").await;
    let (id, _) = traffic_report(&app, &resident, "Biển báo bị đổ trên đường Lê Lợi.").await;
    for ticket in [&done, &id] {
        app.act_ok(&officer.token, ticket, json!({"action": "accept"}))
            .await;
        app.act_ok(&officer.token, ticket, json!({"action": "start"}))
            .await;
        let res = app
            .upload(
                &officer.token,
                &format!("/api/v1/tickets/{ticket}/photos"),
                jpeg(640, 480),
            )
            .await;
        assert_eq!(res.status(), 201);
    }
    app.act_ok(
        &officer.token,
        &done,
        json!({"action": "resolve", "public_answer": "Đã vá ổ gà."}),
    )
    .await;

    run_scenario(
        "ioc_dashboard",
        "ioc-dashboard.mjs",
        &[
            ("HT_BASE_URL", app.base.clone()),
            ("HT_IOC_LOGIN", ioc.login.clone()),
            ("HT_IOC_PASSWORD", TEST_PASSWORD.to_owned()),
            ("HT_OFFICER_LOGIN", officer.login.clone()),
            ("HT_OFFICER_PASSWORD", TEST_PASSWORD.to_owned()),
            ("HT_REPORT_ID", id.clone()),
        ],
    );
    let summary = app.get_json("/api/v1/stats/summary", None).await;
    assert_eq!(summary["resolved"], 2, "{summary}");
}

#[tokio::test]
async fn the_pages_pass_an_accessibility_check_and_work_from_the_keyboard() {
    let app = TestApp::spawn().await;
    let ioc = app.staff("ioc_operator", None).await;
    let officer = app.staff("officer", Some("csgt")).await;
    let resident = app.resident("0905555666").await;
    traffic_report(&app, &resident, "Vạch kẻ đường bị mờ trước cổng trường.").await;

    run_scenario(
        "a11y_smoke",
        "a11y-smoke.mjs",
        &[
            ("HT_BASE_URL", app.base.clone()),
            ("HT_OFFICER_LOGIN", officer.login.clone()),
            ("HT_OFFICER_PASSWORD", TEST_PASSWORD.to_owned()),
            ("HT_IOC_LOGIN", ioc.login.clone()),
            ("HT_IOC_PASSWORD", TEST_PASSWORD.to_owned()),
        ],
    );
}

#[tokio::test]
async fn the_app_is_served_with_a_strict_policy_and_its_assets_are_cached_for_good() {
    let app = TestApp::spawn().await;
    let page = app.get("/", None).await;
    assert_eq!(page.status(), 200);
    let policy = page.headers()["content-security-policy"]
        .to_str()
        .expect("policy")
        .to_owned();
    assert!(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"));
    // Scripts fall under default-src 'self': no inline script, nothing from elsewhere.
    assert!(!policy.contains("script-src"), "{policy}");
    assert_eq!(page.headers()["cache-control"], "no-cache");
    let html = page.text().await.expect("html");
    // The page names its script by a hashed asset path; no inline script.
    let script = html
        .split("src=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a script")
        .to_owned();
    assert!(
        script.starts_with("/assets/app-") && script.ends_with(".js"),
        "{script}"
    );
    assert!(!html.contains("<script>"));

    let asset = app.get(&script, None).await;
    assert_eq!(asset.status(), 200);
    assert_eq!(
        asset.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert!(
        asset.headers()["content-type"]
            .to_str()
            .expect("type")
            .contains("javascript")
    );
    let tag = asset.headers()["etag"].to_str().expect("etag").to_owned();
    let again = app
        .client
        .get(app.url(&script))
        .header("If-None-Match", &tag)
        .send()
        .await
        .expect("revalidate");
    assert_eq!(again.status(), 304);

    // Nothing outside the built app is reachable through the assets path.
    for outside in [
        "/assets/../index.html",
        "/assets/%2e%2e/%2e%2e/Cargo.toml",
        "/assets/nothing.js",
    ] {
        let res = app.get(outside, None).await;
        assert_eq!(res.status(), 404, "{outside}");
    }
}
