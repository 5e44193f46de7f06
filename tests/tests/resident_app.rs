//! The residents' app in a real browser, on a phone (412 x 915, touch, geolocation granted at a
//! point of Huế), with a base map from a tile server of the test's own: each test prepares its
//! data through the API, runs one scenario of `web/tests/`, and checks the database afterwards.

use hientruong_tests::browser::run_scenario;
use hientruong_tests::photos::jpeg;
use hientruong_tests::tiles::TileServer;
use hientruong_tests::{CITADEL, TEST_PASSWORD, TestApp, report_at};
use serde_json::{Value, json};
use uuid::Uuid;

/// A server whose residents' map loads its tiles from `tiles`.
async fn app_with(tiles: &TileServer) -> TestApp {
    TestApp::spawn_with(hientruong_api::Settings {
        tiles: Some(tiles.source()),
        ..hientruong_tests::settings()
    })
    .await
}

/// A JPEG file in the temporary directory, for a file chooser.
fn photo_file(name: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("{name}-{}.jpg", Uuid::new_v4().simple()));
    std::fs::write(&path, jpeg(1200, 900)).expect("photo");
    path
}

/// `(lat, lon)` moved `north_m` metres north.
fn north_of(at: (f64, f64), north_m: f64) -> (f64, f64) {
    (at.0 + north_m / 111_320.0, at.1)
}

async fn report(app: &TestApp, token: &str, category: &str, at: (f64, f64)) -> String {
    let res = app
        .submit(token, Uuid::new_v4(), &report_at(category, at.0, at.1))
        .await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned()
}

/// A worker delivering the outbox every 200 ms (emails into `mail`) until told to stop.
fn deliver(
    app: &TestApp,
    mail: &std::path::Path,
) -> (
    std::sync::Arc<std::sync::atomic::AtomicBool>,
    std::thread::JoinHandle<()>,
) {
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let worker = app
        .worker(mail)
        .spawn(std::time::Duration::from_millis(200), stop.clone())
        .expect("worker");
    (stop, worker)
}

#[tokio::test]
async fn a_new_resident_reports_with_a_photo_follows_it_and_rates_the_result() {
    let tiles = TileServer::start();
    let app = app_with(&tiles).await;
    let officer = app.staff("officer", Some("csgt")).await;
    let neighbour = app.resident("0905700700").await;
    // The phone stands at the Citadel. Offered: the traffic report 60 m away. Not offered: a
    // flooding report at the same place, a traffic report 2 km away.
    let near = report(&app, &neighbour, "traffic", north_of(CITADEL, 60.0)).await;
    report(&app, &neighbour, "flooding", CITADEL).await;
    report(&app, &neighbour, "traffic", north_of(CITADEL, 2_000.0)).await;
    let photo = photo_file("scene");
    let after = photo_file("after");
    let login = format!("cu-dan-{}@example.vn", Uuid::new_v4().simple());
    // The outbox is delivered while the resident waits for the verification code, as a
    // deployment's worker does.
    let mail = hientruong_tests::temp_dir("mail");
    let (stop, worker) = deliver(&app, &mail);

    let out = run_scenario(
        "resident_journey",
        "resident-journey.mjs",
        &[
            ("HT_BASE_URL", app.base.clone()),
            ("HT_LAT", CITADEL.0.to_string()),
            ("HT_LON", CITADEL.1.to_string()),
            ("HT_CATEGORY", "traffic".to_owned()),
            ("HT_NEARBY_ID", near.clone()),
            ("HT_RESIDENT_LOGIN", login.clone()),
            ("HT_PASSWORD", TEST_PASSWORD.to_owned()),
            ("HT_OFFICER_LOGIN", officer.login.clone()),
            ("HT_PHOTO", photo.display().to_string()),
            ("HT_AFTER_PHOTO", after.display().to_string()),
            ("HT_MAIL_DIR", mail.display().to_string()),
        ],
    );
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    worker.join().expect("worker");
    let _ = std::fs::remove_file(&photo);
    let _ = std::fs::remove_file(&after);
    assert!(tiles.served() > 0, "the map loaded no tile");

    // Supported twice through the app, counted once.
    let supported = app.get_json(&format!("/api/v1/reports/{near}"), None).await;
    assert_eq!(supported["support_count"], 1, "{supported}");

    // What the browser did is in the database: one report from the resident, with its photo,
    // resolved, rated 4, closed.
    let id = out
        .lines()
        .find_map(|l| l.strip_prefix("REPORT_ID="))
        .expect("the scenario names its report");
    let token = app.login(&login).await["access_token"]
        .as_str()
        .expect("token")
        .to_owned();
    let mine = app.get_json("/api/v1/me/reports", Some(&token)).await;
    let items = mine["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "{mine}");
    assert_eq!(items[0]["id"], id);
    assert_eq!(items[0]["status"], "closed", "{mine}");
    assert_eq!(items[0]["location_source"], "device");
    let kinds: Vec<&str> = items[0]["photos"]
        .as_array()
        .expect("photos")
        .iter()
        .filter_map(|p| p["kind"].as_str())
        .collect();
    assert_eq!(
        kinds.iter().filter(|k| **k == "report").count(),
        1,
        "{mine}"
    );
    let ticket = app
        .get_json(&format!("/api/v1/tickets/{id}"), Some(&officer.token))
        .await;
    assert_eq!(ticket["rating"]["score"], 4, "{ticket}");
}

#[tokio::test]
async fn a_report_made_offline_is_sent_once_and_a_cut_answer_makes_no_second_report() {
    let tiles = TileServer::start();
    let app = app_with(&tiles).await;
    let login = "0905800800";
    let token = app.resident(login).await;
    let photo = photo_file("offline");

    run_scenario(
        "resident_offline",
        "resident-offline.mjs",
        &[
            ("HT_BASE_URL", app.base.clone()),
            ("HT_LAT", CITADEL.0.to_string()),
            ("HT_LON", CITADEL.1.to_string()),
            ("HT_CATEGORY", "flooding".to_owned()),
            ("HT_RESIDENT_LOGIN", login.to_owned()),
            ("HT_PASSWORD", TEST_PASSWORD.to_owned()),
            ("HT_PHOTO", photo.display().to_string()),
        ],
    );
    let _ = std::fs::remove_file(&photo);

    // Two reports (the one queued offline, the one whose answer was cut), each exactly once and
    // each with its one photo.
    let mine = app.get_json("/api/v1/me/reports", Some(&token)).await;
    let items = mine["items"].as_array().expect("items");
    let mut descriptions: Vec<&str> = items
        .iter()
        .filter_map(|r| r["description"].as_str())
        .collect();
    descriptions.sort_unstable();
    assert_eq!(
        descriptions,
        ["Cắt kết nối sau khi máy chủ lưu", "Ngập khi mất mạng"],
        "{mine}"
    );
    for item in items {
        assert_eq!(item["photos"].as_array().map(Vec::len), Some(1), "{item}");
    }
    let stored: i64 = app.db.count("reports");
    assert_eq!(stored, 2);
    let photos = app.db.count("photos");
    assert_eq!(photos, 2);
}

#[tokio::test]
async fn a_resident_who_forgot_the_password_sets_a_new_one_with_the_emailed_code() {
    let tiles = TileServer::start();
    let app = app_with(&tiles).await;
    let login = format!("quen-{}@example.vn", Uuid::new_v4().simple());
    app.resident(&login).await;
    // The outbox is delivered while the resident waits for the code, as a deployment's worker does.
    let mail = hientruong_tests::temp_dir("mail");
    let (stop, worker) = deliver(&app, &mail);
    let new_password = "mat-khau-moi-cua-toi";
    run_scenario(
        "resident_reset",
        "resident-reset.mjs",
        &[
            ("HT_BASE_URL", app.base.clone()),
            ("HT_LAT", CITADEL.0.to_string()),
            ("HT_LON", CITADEL.1.to_string()),
            ("HT_LOGIN", login.clone()),
            ("HT_NEW_PASSWORD", new_password.to_owned()),
            ("HT_MAIL_DIR", mail.display().to_string()),
        ],
    );
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    worker.join().expect("worker");
    let status = |password: &'static str| {
        let (app, login) = (&app, login.clone());
        async move {
            app.post_json(
                "/api/v1/auth/login",
                &serde_json::json!({"login": login, "password": password}),
            )
            .await
            .status()
        }
    };
    assert_eq!(status(new_password).await, 200);
    assert_eq!(status(TEST_PASSWORD).await, 401);
    assert_eq!(
        app.db
            .count("account_codes WHERE purpose = 'password_reset'"),
        1
    );
}

#[tokio::test]
async fn a_report_refused_before_verification_stays_queued_and_goes_once_the_code_is_entered() {
    let tiles = TileServer::start();
    let app = app_with(&tiles).await;
    let login = format!("chua-xac-minh-{}@example.vn", Uuid::new_v4().simple());
    app.unverified_resident(&login).await;
    let mail = hientruong_tests::temp_dir("mail");
    let (stop, worker) = deliver(&app, &mail);
    let out = run_scenario(
        "resident_verify",
        "resident-verify.mjs",
        &[
            ("HT_BASE_URL", app.base.clone()),
            ("HT_LAT", CITADEL.0.to_string()),
            ("HT_LON", CITADEL.1.to_string()),
            ("HT_CATEGORY", "environment".to_owned()),
            ("HT_RESIDENT_LOGIN", login.clone()),
            ("HT_PASSWORD", TEST_PASSWORD.to_owned()),
            ("HT_MAIL_DIR", mail.display().to_string()),
        ],
    );
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    worker.join().expect("worker");
    let description = out
        .lines()
        .find_map(|l| l.strip_prefix("DESCRIPTION="))
        .expect("the scenario names its report");
    // The refused attempt stored nothing; the one after verification stored the report once.
    let token = app.login(&login).await;
    assert_eq!(token["user"]["verified"], true, "{token}");
    let mine = app
        .get_json(
            "/api/v1/me/reports",
            Some(token["access_token"].as_str().expect("token")),
        )
        .await;
    let items = mine["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "{mine}");
    assert_eq!(items[0]["description"], description);
    assert_eq!(app.db.count("reports"), 1);
}

#[tokio::test]
async fn a_resident_sees_their_notices_gets_a_push_shown_and_watches_a_ward() {
    let tiles = TileServer::start();
    let app = app_with(&tiles).await;
    let login = format!("nghe-tin-{}@example.vn", Uuid::new_v4().simple());
    let token = app.resident(&login).await;
    let officer = app.staff("officer", Some("csgt")).await;
    let report = app.report(&token, "traffic", CITADEL).await;
    app.act_ok(&officer.token, &report, json!({"action": "accept"}))
        .await;
    app.act_ok(&officer.token, &report, json!({"action": "start"}))
        .await;
    app.act_ok(
        &officer.token,
        &report,
        json!({"action": "ask_citizen", "public_answer": "Ổ gà ở đâu?"}),
    )
    .await;
    let ward = app
        .get_json(&format!("/api/v1/reports/{report}"), None)
        .await["commune"]["code"]
        .as_str()
        .expect("commune")
        .to_owned();
    // A push as the server makes it for this notification.
    let question = hientruong_domain::notice::Notice::NeedsInformation {
        tracking_code: app
            .get_json(&format!("/api/v1/reports/{report}"), None)
            .await["tracking_code"]
            .as_str()
            .expect("code")
            .to_owned(),
        question: "Ổ gà ở đâu?".to_owned(),
    };
    let payload = question.push(
        hientruong_domain::Lang::Vi,
        Some(report.parse().expect("uuid")),
        None,
    );
    let out = run_scenario(
        "resident_notices",
        "resident-notices.mjs",
        &[
            ("HT_BASE_URL", app.base.clone()),
            ("HT_LAT", CITADEL.0.to_string()),
            ("HT_LON", CITADEL.1.to_string()),
            ("HT_RESIDENT_LOGIN", login.clone()),
            ("HT_PASSWORD", TEST_PASSWORD.to_owned()),
            ("HT_COMMUNE", ward.clone()),
            (
                "HT_PUSH_PAYLOAD",
                serde_json::to_string(&payload).expect("json"),
            ),
        ],
    );
    assert!(
        out.contains(&format!("PUSH_SHOWN={}", payload.title)),
        "{out}"
    );
    let subscribe = out
        .lines()
        .find_map(|l| l.strip_prefix("PUSH_SUBSCRIBE="))
        .expect("the scenario says how subscribing went");
    println!("headless Chromium's own push subscription: {subscribe}");
    // What the page did, on the server: read, a ward watched daily, email news off.
    let token = app.login(&login).await["access_token"]
        .as_str()
        .expect("token")
        .to_owned();
    let notices = app.get_json("/api/v1/me/notifications", Some(&token)).await;
    assert_eq!(notices["unread"], 0, "{notices}");
    let alerts = app.get_json("/api/v1/me/alerts", Some(&token)).await;
    assert_eq!(
        alerts["items"].as_array().expect("items").len(),
        1,
        "{alerts}"
    );
    assert_eq!(alerts["items"][0]["commune"], ward.as_str());
    assert_eq!(alerts["items"][0]["digest"], "daily");
    let choice = app.get_json("/api/v1/me/preferences", Some(&token)).await;
    assert_eq!(
        choice,
        json!({"push": {"updates": true, "alerts": true}, "email": {"updates": false, "alerts": true}})
    );
    // A subscription the browser made, if it could, is on the server.
    if subscribe == "ok" {
        assert_eq!(app.db.count("push_subscriptions"), 1);
    }
}
