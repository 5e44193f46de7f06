//! The web app in a real browser: Debian's Chromium driven by Playwright (`playwright-core`),
//! against a server and database of each test's own. Each test prepares its data through the API,
//! then runs one scenario script of `web/tests/` with Node; the script drives the pages, asserts,
//! and leaves screenshots in `tests/artifacts/web/<test>/`.
//!
//! Needs `web/node_modules` and `web/dist` (`npm ci && npm run build` in `web/`, which
//! `scripts/test` does first).

use hientruong_tests::browser::run_scenario;
use hientruong_tests::photos::jpeg;
use hientruong_tests::{CITADEL, TEST_PASSWORD, TestApp, report_at};
use serde_json::{Value, json};
use uuid::Uuid;

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
        script.starts_with("/assets/resident-") && script.ends_with(".js"),
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

    // Scripts go compressed to clients that take it, each encoding with its own tag.
    let compressed = app
        .client
        .get(app.url(&script))
        .header("Accept-Encoding", "br")
        .send()
        .await
        .expect("compressed");
    assert_eq!(compressed.headers()["content-encoding"], "br");
    assert_eq!(compressed.headers()["vary"], "Accept-Encoding");
    assert_ne!(compressed.headers()["etag"].to_str().expect("etag"), tag);
    let gzip = app
        .client
        .get(app.url(&script))
        .header("Accept-Encoding", "gzip;q=0.5, br;q=0")
        .send()
        .await
        .expect("gzip");
    assert_eq!(gzip.headers()["content-encoding"], "gzip");

    // The staff's app, its address without the slash, the service worker and the manifest.
    let staff = app.get("/staff/", None).await;
    assert_eq!(staff.status(), 200);
    assert!(
        staff.headers()["content-security-policy"]
            .to_str()
            .expect("policy")
            .contains("frame-ancestors 'none'")
    );
    assert!(staff.text().await.expect("html").contains("/assets/staff-"));
    let redirect = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .get(app.url("/staff"))
        .send()
        .await
        .expect("staff");
    assert_eq!(redirect.status(), 308);
    assert_eq!(redirect.headers()["location"], "/staff/");
    let worker = app.get("/sw.js", None).await;
    assert_eq!(worker.status(), 200);
    assert_eq!(worker.headers()["cache-control"], "no-cache");
    assert!(
        worker.headers()["content-type"]
            .to_str()
            .expect("type")
            .contains("javascript")
    );
    let worker = worker.text().await.expect("sw");
    // The worker keeps the page and the script this page loads.
    assert!(
        worker.contains(&script),
        "the service worker does not keep {script}"
    );
    let manifest: Value = app.get_json("/manifest.webmanifest", None).await;
    assert_eq!(manifest["display"], "standalone");
    assert_eq!(manifest["start_url"], "/");
    let icons = manifest["icons"].as_array().expect("icons");
    for (size, purpose) in [
        ("192x192", "any"),
        ("512x512", "any"),
        ("192x192", "maskable"),
        ("512x512", "maskable"),
    ] {
        let icon = icons
            .iter()
            .find(|i| i["sizes"] == size && i["purpose"] == purpose)
            .unwrap_or_else(|| panic!("no {purpose} icon of {size}: {manifest}"));
        let png = app.get(icon["src"].as_str().expect("src"), None).await;
        assert_eq!(png.headers()["content-type"], "image/png");
        let bytes = png.bytes().await.expect("png");
        let side: u32 = size
            .split('x')
            .next()
            .and_then(|s| s.parse().ok())
            .expect("size");
        let decoded = image::load_from_memory(&bytes).expect("a PNG");
        assert_eq!((decoded.width(), decoded.height()), (side, side));
    }

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

#[tokio::test]
async fn the_base_map_is_the_one_other_origin_the_pages_may_load() {
    let settings = hientruong_api::Settings {
        tiles: Some(
            hientruong_api::TileSource::new(
                "https://{s}.tiles.example.vn/hue/{z}/{x}/{y}.png",
                "© Bản đồ \"thử\" <b>",
            )
            .expect("tiles"),
        ),
        ..hientruong_tests::settings()
    };
    let app = TestApp::spawn_with(settings).await;
    let page = app.get("/", None).await;
    let policy = page.headers()["content-security-policy"]
        .to_str()
        .expect("policy")
        .to_owned();
    assert!(
        policy.contains("img-src 'self' data: blob: https://*.tiles.example.vn;"),
        "{policy}"
    );
    let html = page.text().await.expect("html");
    assert!(html.contains(r#"content="https://{s}.tiles.example.vn/hue/{z}/{x}/{y}.png""#));
    // The attribution is written as text, never as markup.
    assert!(
        html.contains("© Bản đồ &quot;thử&quot; &lt;b&gt;"),
        "{html}"
    );

    // Without a tile source, images come from this origin only.
    let plain = TestApp::spawn().await;
    let policy = plain.get("/", None).await.headers()["content-security-policy"]
        .to_str()
        .expect("policy")
        .to_owned();
    assert!(policy.contains("img-src 'self' data: blob:;"), "{policy}");

    for bad in [
        "ftp://tiles.example.vn/{z}/{x}/{y}.png",
        "https://tiles.example.vn/{z}/{x}.png",
        "https://tiles.example.vn/{z}/{x}/{y}.png' data:",
        "https://a{s}b.example.vn/{z}/{x}/{y}.png",
    ] {
        assert!(hientruong_api::TileSource::new(bad, "").is_err(), "{bad}");
    }
}
