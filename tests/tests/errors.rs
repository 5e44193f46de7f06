//! Every client mistake gets a 4xx with a stable code, in Vietnamese or English, and nothing is
//! stored by a refused request.

use std::collections::BTreeSet;

use diesel::prelude::*;
use hientruong_domain::Error;
use hientruong_tests::{TestApp, error_code, report_at};
use serde_json::{Value, json};
use uuid::Uuid;

#[tokio::test]
async fn bad_report_submissions_are_refused_with_their_code() {
    let app = TestApp::spawn().await;
    let token = app.resident("loi@example.vn").await;
    let url = app.url("/api/v1/reports");
    let long = "ế".repeat(4001);
    let cases: Vec<(Value, u16, &str)> = vec![
        (
            json!({"category": "flooding", "description": "x", "lat": 91.0, "lon": 107.5}),
            422,
            "invalid_coordinates",
        ),
        (
            json!({"category": "flooding", "description": "x", "lat": 16.4, "lon": -181.0}),
            422,
            "invalid_coordinates",
        ),
        (
            json!({"category": "flooding", "description": "  \n\t ", "lat": 16.4698, "lon": 107.5786}),
            422,
            "description_empty",
        ),
        (
            json!({"category": "flooding", "description": long, "lat": 16.4698, "lon": 107.5786}),
            422,
            "description_too_long",
        ),
        (
            json!({"category": "flooding", "description": "x", "lat": 16.4698, "lon": 107.5786, "address": "a".repeat(501)}),
            422,
            "address_too_long",
        ),
        (
            json!({"category": "volcano", "description": "x", "lat": 16.4698, "lon": 107.5786}),
            422,
            "unknown_category",
        ),
        (
            json!({"category": "flooding", "description": "x", "lat": "16.4", "lon": 107.5786}),
            400,
            "invalid_json",
        ),
        (
            json!({"category": "flooding", "description": "x", "lat": 16.4698, "lng": 107.5786}),
            400,
            "invalid_json",
        ),
        (
            json!({"category": "flooding", "description": "x", "lat": 16.4698, "lon": 107.5786, "extra": 1}),
            400,
            "invalid_json",
        ),
        (json!([1, 2, 3]), 400, "invalid_json"),
    ];
    for (body, status, code) in cases {
        let res = app.submit(&token, Uuid::new_v4(), &body).await;
        assert_eq!(error_code(res).await, (status, code.into()), "{body}");
    }

    let raw = |body: &'static str, content_type: &'static str| {
        app.client
            .post(&url)
            .bearer_auth(&token)
            .header("Idempotency-Key", Uuid::new_v4().to_string())
            .header("Content-Type", content_type)
            .body(body)
            .send()
    };
    assert_eq!(
        error_code(
            raw("{\"category\": ", "application/json")
                .await
                .expect("send")
        )
        .await,
        (400, "invalid_json".into())
    );
    assert_eq!(
        error_code(raw("", "application/json").await.expect("send")).await,
        (400, "invalid_json".into())
    );
    assert_eq!(
        error_code(
            raw("category=fire", "application/x-www-form-urlencoded")
                .await
                .expect("send")
        )
        .await,
        (415, "unsupported_media_type".into())
    );

    let huge = format!(
        "{{\"category\": \"fire\", \"description\": \"{}\", \"lat\": 16.4698, \"lon\": 107.5786}}",
        "a".repeat(200_000)
    );
    let res = app
        .client
        .post(&url)
        .bearer_auth(&token)
        .header("Idempotency-Key", Uuid::new_v4().to_string())
        .header("Content-Type", "application/json")
        .body(huge)
        .send()
        .await
        .expect("send");
    assert_eq!(error_code(res).await, (413, "payload_too_large".into()));

    let no_key = app
        .client
        .post(&url)
        .bearer_auth(&token)
        .json(&report_at("fire", 16.4698, 107.5786))
        .send()
        .await
        .expect("send");
    assert_eq!(
        error_code(no_key).await,
        (400, "idempotency_key_required".into())
    );
    let bad_key = app
        .client
        .post(&url)
        .bearer_auth(&token)
        .header("Idempotency-Key", "retry-1")
        .json(&report_at("fire", 16.4698, 107.5786))
        .send()
        .await
        .expect("send");
    assert_eq!(
        error_code(bad_key).await,
        (400, "invalid_idempotency_key".into())
    );

    assert_eq!(
        app.db.count("reports"),
        0,
        "no refused request stored anything"
    );

    // The limits are on characters after NFC: exactly 4000 is accepted.
    let max = json!({"category": "flooding", "description": "ế".repeat(4000), "lat": 16.4698, "lon": 107.5786});
    assert_eq!(app.submit(&token, Uuid::new_v4(), &max).await.status(), 201);
    // Control characters (NUL cannot even be stored by PostgreSQL) are removed, not a 5xx.
    let nul = json!({"category": "flooding", "description": "Ngập\u{0}\u{7} nặng", "lat": 16.4698, "lon": 107.5786});
    let res = app.submit(&token, Uuid::new_v4(), &nul).await;
    assert_eq!(res.status(), 201);
    let v: Value = res.json().await.expect("json");
    assert_eq!(v["description"], "Ngập nặng");
}

#[tokio::test]
async fn control_characters_and_impossible_values_are_4xx_not_5xx() {
    let app = TestApp::spawn().await;
    let token = app.resident("nul@example.vn").await;
    // PostgreSQL cannot store NUL: such input must be refused (or cleaned) before any query.
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"login": "a\u{0}@example.vn", "password": "x"}),
        )
        .await;
    assert_eq!(error_code(res).await, (401, "invalid_credentials".into()));
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"login": "nul@example.vn\u{0}", "password": "x"}),
        )
        .await;
    assert_eq!(error_code(res).await, (401, "invalid_credentials".into()));
    let res = app
        .submit(
            &token,
            Uuid::new_v4(),
            &json!({"category": "fire\u{0}", "description": "x", "lat": 16.4698, "lon": 107.5786}),
        )
        .await;
    assert_eq!(error_code(res).await, (422, "unknown_category".into()));
    for (query, status, code) in [
        ("category=%00", 400, "invalid_query"),
        ("commune=%00", 400, "invalid_query"),
        ("commune=1975", 400, "invalid_query"),
        (
            "cursor=-300000000000000000_00000000000000000000000000000000",
            400,
            "invalid_cursor",
        ),
        (
            "cursor=9000000000000000000_00000000000000000000000000000000",
            400,
            "invalid_cursor",
        ),
    ] {
        let res = app.get(&format!("/api/v1/reports?{query}"), None).await;
        assert_eq!(error_code(res).await, (status, code.into()), "{query}");
    }
    // Empty parameters, as URL templates send them, mean "no filter".
    let res = app
        .get(
            "/api/v1/reports?bbox=&category=&status=&commune=&limit=&cursor=",
            None,
        )
        .await;
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn messages_follow_accept_language() {
    let app = TestApp::spawn().await;
    let get = |lang: Option<&'static str>| {
        let mut req = app.client.get(app.url("/api/v1/reports?limit=0"));
        if let Some(l) = lang {
            req = req.header("Accept-Language", l);
        }
        req.send()
    };
    let vi: Value = get(None).await.expect("send").json().await.expect("json");
    let vi2: Value = get(Some("vi-VN,vi;q=0.9"))
        .await
        .expect("send")
        .json()
        .await
        .expect("json");
    let en_res = get(Some("en-US,en;q=0.9")).await.expect("send");
    assert_eq!(en_res.headers()["content-language"], "en");
    let en: Value = en_res.json().await.expect("json");
    assert_eq!(vi, vi2);
    assert_eq!(vi["error"], en["error"]);
    assert_eq!(
        vi["message"],
        Error::InvalidQuery.message(hientruong_domain::Lang::Vi)
    );
    assert_eq!(
        en["message"],
        Error::InvalidQuery.message(hientruong_domain::Lang::En)
    );
    let not_found: Value = app
        .client
        .get(app.url("/no/such/page"))
        .header("Accept-Language", "en")
        .send()
        .await
        .expect("send")
        .json()
        .await
        .expect("json");
    assert_eq!(
        not_found,
        json!({"error": "not_found", "message": "Not found."})
    );
}

#[tokio::test]
async fn every_error_code_is_documented_and_covered_by_a_test() {
    // The codes the tests of this crate produce through the API (kept in step by hand: a new
    // error code fails this test until a test produces it and it is listed here).
    let produced: BTreeSet<&str> = [
        "invalid_json",
        "unsupported_media_type",
        "payload_too_large",
        "invalid_query",
        "invalid_cursor",
        "invalid_bbox",
        "not_found",
        "missing_token",
        "invalid_token",
        "token_expired",
        "forbidden",
        "invalid_login",
        "weak_password",
        "invalid_full_name",
        "login_taken",
        "invalid_credentials",
        "account_locked",
        "account_disabled",
        "invalid_refresh_token",
        "refresh_token_reused",
        "unknown_category",
        "invalid_coordinates",
        "description_empty",
        "description_too_long",
        "address_too_long",
        "outside_service_area",
        "idempotency_key_required",
        "invalid_idempotency_key",
        "idempotency_conflict",
        "service_unavailable",
        "location_required",
        "photo_empty",
        "unsupported_image_format",
        "photo_too_large",
        "photo_too_many_pixels",
        "photo_corrupt",
        "photo_metadata_corrupt",
        "too_many_photos",
        "invalid_multipart",
        "media_busy",
        "unknown_action",
        "transition_not_allowed",
        "note_required",
        "public_answer_required",
        "text_too_long",
        "unknown_unit",
        "same_unit",
        "invalid_duplicate",
        "invalid_assignee",
        "resolution_photo_required",
        "photo_too_far",
        "report_closed",
        "invalid_score",
        "rating_not_allowed",
        "already_rated",
        // Supports (tests/nearby.rs).
        "own_report",
        "unknown_role",
        "unit_required",
        "invalid_definition",
        "invalid_policy",
        "invalid_template",
        // Open311 and API keys (tests/open311.rs).
        "invalid_api_key",
        "invalid_api_key_name",
        "rate_limited",
        "invalid_attribute",
        "date_range_too_long",
        "unknown_jurisdiction",
        "invalid_period",
        // Abuse (tests/abuse.rs).
        "too_many_uploads",
        "upload_too_slow",
        "too_many_streams",
        "account_locked_by_staff",
        // Hotline intake (tests/hotline.rs).
        "caller_required",
        "invalid_caller",
        // Password reset (tests/password_reset.rs).
        "invalid_reset_code",
        // Verification (tests/verification.rs).
        "verification_required",
        "invalid_verification_code",
        "already_verified",
        // Notifications (tests/notifications.rs).
        "invalid_push_subscription",
        "invalid_alert",
        "too_many_alerts",
    ]
    .into();
    // internal_error is what an unexpected fault becomes; no correct input can produce it.
    let all: BTreeSet<&str> = Error::ALL
        .iter()
        .map(|e| e.code())
        .filter(|c| *c != "internal_error")
        .collect();
    assert_eq!(all, produced);
    let api_doc = std::fs::read_to_string(hientruong_tests::workspace().join("docs/api.md"))
        .expect("docs/api.md");
    for code in Error::ALL.iter().map(|e| e.code()) {
        assert!(
            api_doc.contains(&format!("`{code}`")),
            "docs/api.md does not document {code}"
        );
    }
}

#[tokio::test]
async fn a_lost_database_gives_503_not_a_hang_or_a_500() {
    let app = TestApp::spawn().await;
    assert_eq!(app.get("/readyz", None).await.status(), 200);
    assert_eq!(app.get("/healthz", None).await.status(), 200);
    let admin_url = app
        .db
        .url
        .rsplit_once('/')
        .map(|(b, _)| format!("{b}/postgres"))
        .expect("url");
    let name = app
        .db
        .url
        .rsplit_once('/')
        .map(|(_, n)| n.to_owned())
        .expect("name");
    let mut admin = PgConnection::establish(&admin_url).expect("admin");
    diesel::sql_query(format!("DROP DATABASE {name} WITH (FORCE)"))
        .execute(&mut admin)
        .expect("drop");

    let res = app.get("/readyz", None).await;
    assert!(res.headers().contains_key("retry-after"));
    assert_eq!(error_code(res).await, (503, "service_unavailable".into()));
    assert_eq!(
        app.get("/healthz", None).await.status(),
        200,
        "alive though not ready"
    );
}
