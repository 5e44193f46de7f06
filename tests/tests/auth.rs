//! Registration, login, throttling, token refresh and token checks.

use diesel::prelude::*;
use diesel::{self};
use hientruong_tests::{TEST_PASSWORD, TestApp, error_code, report_at};
use serde_json::{Value, json};
use uuid::Uuid;

#[tokio::test]
async fn registration_validates_and_canonicalises_logins() {
    let app = TestApp::spawn().await;
    let res = app
        .post_json("/api/v1/auth/register", &json!({"login": "0905 123 456", "password": TEST_PASSWORD, "full_name": " Trần  Văn Minh "}))
        .await;
    assert_eq!(res.status(), 201);
    let user: Value = res.json().await.expect("json");
    assert_eq!(user["login"], "+84905123456");
    assert_eq!(user["role"], "resident");
    assert!(user.get("password_hash").is_none());

    for (body, status, code) in [
        (
            json!({"login": "+84905123456", "password": TEST_PASSWORD, "full_name": "X"}),
            409,
            "login_taken",
        ),
        (
            json!({"login": "84-905-123-456", "password": TEST_PASSWORD, "full_name": "X"}),
            409,
            "login_taken",
        ),
        (
            json!({"login": "0123", "password": TEST_PASSWORD, "full_name": "X"}),
            422,
            "invalid_login",
        ),
        (
            json!({"login": "not-an-email@", "password": TEST_PASSWORD, "full_name": "X"}),
            422,
            "invalid_login",
        ),
        (
            json!({"login": "x@example.vn", "password": "short", "full_name": "X"}),
            422,
            "weak_password",
        ),
        (
            json!({"login": "x@example.vn", "password": TEST_PASSWORD, "full_name": "   "}),
            422,
            "invalid_full_name",
        ),
        (
            json!({"login": "x@example.vn", "password": TEST_PASSWORD}),
            400,
            "invalid_json",
        ),
    ] {
        let res = app.post_json("/api/v1/auth/register", &body).await;
        assert_eq!(error_code(res).await, (status, code.into()), "{body}");
    }

    // The stored hash is Argon2id, never the password.
    #[derive(QueryableByName)]
    struct H {
        #[diesel(sql_type = diesel::sql_types::Text)]
        password_hash: String,
    }
    let h: H = diesel::sql_query("SELECT password_hash FROM users WHERE login = '+84905123456'")
        .get_result(&mut app.db.conn())
        .expect("user");
    assert!(
        h.password_hash.starts_with("$argon2id$"),
        "{}",
        h.password_hash
    );
    assert!(!h.password_hash.contains(TEST_PASSWORD));

    // Any spelling of the number logs in.
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"login": "090-512-3456", "password": TEST_PASSWORD}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let tokens: Value = res.json().await.expect("json");
    assert_eq!(tokens["token_type"], "Bearer");
    assert_eq!(tokens["expires_in"], 900);
    assert!(
        tokens["access_token"]
            .as_str()
            .is_some_and(|t| t.split('.').count() == 3)
    );
    assert!(
        tokens["refresh_token"]
            .as_str()
            .is_some_and(|t| t.len() >= 40)
    );
}

#[tokio::test]
async fn parallel_guesses_count_like_sequential_ones() {
    // The default limits: ten attempts on one login from one address (tests/tests/abuse.rs has
    // the rest).
    let app = TestApp::spawn_with(hientruong_api::Settings::default()).await;
    app.resident("song.song@example.vn").await;
    let wrong = json!({"login": "song.song@example.vn", "password": "doan-mo"});
    let answers =
        futures::future::join_all((0..12).map(|_| app.post_json("/api/v1/auth/login", &wrong)))
            .await;
    let mut codes = Vec::new();
    for res in answers {
        codes.push(error_code(res).await);
    }
    let wrong_password = codes
        .iter()
        .filter(|c| c.1 == "invalid_credentials")
        .count();
    let locked = codes.iter().filter(|c| c.1 == "account_locked").count();
    assert_eq!((wrong_password, locked), (10, 2), "{codes:?}");
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"login": "song.song@example.vn", "password": TEST_PASSWORD}),
        )
        .await;
    assert_eq!(error_code(res).await, (429, "account_locked".into()));
}

async fn refresh(app: &TestApp, token: &str) -> reqwest::Response {
    app.post_json("/api/v1/auth/refresh", &json!({"refresh_token": token}))
        .await
}

#[tokio::test]
async fn refresh_tokens_rotate_and_a_reused_one_revokes_its_family() {
    let app = TestApp::spawn().await;
    app.resident("xoay@example.vn").await;
    let session = app.login("xoay@example.vn").await;
    let other_session = app.login("xoay@example.vn").await;
    let first = session["refresh_token"].as_str().expect("token").to_owned();

    let res = refresh(&app, &first).await;
    assert_eq!(res.status(), 200);
    let second: Value = res.json().await.expect("json");
    let second_refresh = second["refresh_token"].as_str().expect("token").to_owned();
    assert_ne!(second_refresh, first);
    let me = app
        .client
        .get(app.url("/api/v1/me/reports"))
        .bearer_auth(second["access_token"].as_str().expect("token"))
        .send()
        .await
        .expect("get");
    assert_eq!(me.status(), 200);

    // Within seconds of its use, the same token again is the same phone retrying (its answer was
    // lost): it gets the same successor, and nothing new is minted. Eight seconds after the first
    // use, still the same; the window does not move with the retries.
    let used_at = |app: &TestApp| -> Vec<Option<chrono::DateTime<chrono::Utc>>> {
        use hientruong_db::schema::refresh_tokens::dsl::*;
        refresh_tokens
            .select(used_at)
            .order((issued_at, id))
            .load(&mut app.db.conn())
            .expect("tokens")
    };
    diesel::sql_query(
        "UPDATE refresh_tokens SET used_at = now() - interval '8 seconds' WHERE used_at IS NOT NULL",
    )
    .execute(&mut app.db.conn())
    .expect("age");
    let before = used_at(&app);
    let retried = refresh(&app, &first).await;
    assert_eq!(retried.status(), 200, "a retry within the grace period");
    let retried: Value = retried.json().await.expect("json");
    assert_eq!(retried["refresh_token"], second["refresh_token"]);
    assert_eq!(used_at(&app), before, "no new token, no moved window");

    // Later, the first token again: someone replayed a copy. The whole family dies, including
    // the newer ones.
    diesel::sql_query(
        "UPDATE refresh_tokens SET used_at = now() - interval '1 minute' WHERE used_at IS NOT NULL",
    )
    .execute(&mut app.db.conn())
    .expect("age");
    assert_eq!(
        error_code(refresh(&app, &first).await).await,
        (401, "refresh_token_reused".into())
    );
    assert_eq!(
        error_code(refresh(&app, &second_refresh).await).await,
        (401, "invalid_refresh_token".into())
    );
    // Another login's family is untouched.
    let res = refresh(
        &app,
        other_session["refresh_token"].as_str().expect("token"),
    )
    .await;
    assert_eq!(res.status(), 200);

    assert_eq!(
        error_code(refresh(&app, "made-up").await).await,
        (401, "invalid_refresh_token".into())
    );
    diesel::sql_query("UPDATE refresh_tokens SET expires_at = now() - interval '1 minute'")
        .execute(&mut app.db.conn())
        .expect("expire");
    let latest = app.login("xoay@example.vn").await;
    diesel::sql_query("UPDATE refresh_tokens SET expires_at = now() - interval '1 minute'")
        .execute(&mut app.db.conn())
        .expect("expire");
    let res = refresh(&app, latest["refresh_token"].as_str().expect("token")).await;
    assert_eq!(error_code(res).await, (401, "invalid_refresh_token".into()));
}

#[tokio::test]
async fn disabled_accounts_cannot_log_in_or_refresh() {
    let app = TestApp::spawn().await;
    app.resident("tat@example.vn").await;
    let session = app.login("tat@example.vn").await;
    diesel::sql_query("UPDATE users SET disabled_at = now() WHERE login = 'tat@example.vn'")
        .execute(&mut app.db.conn())
        .expect("disable");
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"login": "tat@example.vn", "password": TEST_PASSWORD}),
        )
        .await;
    assert_eq!(error_code(res).await, (403, "account_disabled".into()));
    let res = refresh(&app, session["refresh_token"].as_str().expect("token")).await;
    assert_eq!(error_code(res).await, (401, "invalid_refresh_token".into()));
}

#[tokio::test]
async fn access_tokens_are_checked() {
    let app = TestApp::spawn().await;
    let token = app.resident("kiem.tra@example.vn").await;
    let body = report_at("fire", 16.4698, 107.5786);
    let post = |auth: Option<String>| {
        let mut req = app
            .client
            .post(app.url("/api/v1/reports"))
            .header("Idempotency-Key", Uuid::new_v4().to_string())
            .json(&body);
        if let Some(a) = auth {
            req = req.header("Authorization", a);
        }
        req.send()
    };
    assert_eq!(
        error_code(post(None).await.expect("send")).await,
        (401, "missing_token".into())
    );
    assert_eq!(
        error_code(post(Some("Bearer nonsense".into())).await.expect("send")).await,
        (401, "invalid_token".into())
    );
    assert_eq!(
        error_code(post(Some(format!("Basic {token}"))).await.expect("send")).await,
        (401, "invalid_token".into())
    );
    // A token signed with another server's secret.
    let stranger = TestApp::spawn().await;
    let foreign = stranger.resident("kiem.tra@example.vn").await;
    assert_eq!(
        error_code(post(Some(format!("Bearer {foreign}"))).await.expect("send")).await,
        (401, "invalid_token".into())
    );
    assert_eq!(
        post(Some(format!("Bearer {token}")))
            .await
            .expect("send")
            .status(),
        201
    );

    // An expired token says so, so the app knows to refresh rather than log in again.
    let expiring = TestApp::spawn_with(hientruong_api::Settings {
        access_ttl_secs: -60,
        ..hientruong_tests::settings()
    })
    .await;
    let expired = expiring.resident("het.han@example.vn").await;
    let res = expiring.submit(&expired, Uuid::new_v4(), &body).await;
    assert_eq!(error_code(res).await, (401, "token_expired".into()));
}

#[tokio::test]
async fn only_residents_submit_reports() {
    let app = TestApp::spawn().await;
    app.resident("can.bo@example.vn").await;
    diesel::sql_query("UPDATE users SET role = 'officer', unit_code = 'ubnd-19753' WHERE login = 'can.bo@example.vn'")
        .execute(&mut app.db.conn())
        .expect("make officer");
    let officer = app.login("can.bo@example.vn").await;
    assert_eq!(officer["user"]["role"], "officer");
    let res = app
        .submit(
            officer["access_token"].as_str().expect("token"),
            Uuid::new_v4(),
            &report_at("fire", 16.4698, 107.5786),
        )
        .await;
    assert_eq!(error_code(res).await, (403, "forbidden".into()));
}
