//! Report intake, idempotency, views and listings.

use diesel::prelude::*;
use diesel::{self, sql_types};
use futures::future::join_all;
use hientruong_domain::tracking;
use hientruong_tests::{TestApp, error_code, report_at};
use serde_json::{Value, json};
use uuid::Uuid;

#[tokio::test]
async fn the_same_key_and_body_returns_the_original_report() {
    let app = TestApp::spawn().await;
    let token = app.resident("lan@example.vn").await;
    let key = Uuid::new_v4();
    let body = report_at("flooding", 16.4698, 107.5786);

    let first = app.submit(&token, key, &body).await;
    assert_eq!(first.status(), 201);
    assert_eq!(first.headers()["idempotent-replayed"], "false");
    let first: Value = first.json().await.expect("json");

    let again = app.submit(&token, key, &body).await;
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    let again: Value = again.json().await.expect("json");
    assert_eq!(first, again);
    assert_eq!(app.db.count("reports"), 1);

    // The same text in another Unicode normalisation, with extra spaces, is the same report.
    let nfd = json!({"category": "FLOODING", "description": "  Nu\u{31b}o\u{31b}\u{301}c ngập sâu trước cổng chợ ", "lat": 16.4698, "lon": 107.5786});
    let nfc_body = json!({"category": "flooding", "description": "Nước ngập sâu trước cổng chợ", "lat": 16.4698, "lon": 107.5786});
    let key2 = Uuid::new_v4();
    let a: Value = app
        .submit(&token, key2, &nfc_body)
        .await
        .json()
        .await
        .expect("json");
    let b = app.submit(&token, key2, &nfd).await;
    assert_eq!(b.status(), 201);
    let b: Value = b.json().await.expect("json");
    assert_eq!(a["id"], b["id"]);
    assert_eq!(app.db.count("reports"), 2);
}

#[tokio::test]
async fn the_same_key_with_another_body_is_a_conflict_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let token = app.resident("minh@example.vn").await;
    let key = Uuid::new_v4();
    let original: Value = app
        .submit(&token, key, &report_at("flooding", 16.4698, 107.5786))
        .await
        .json()
        .await
        .expect("json");
    for changed in [
        report_at("fire", 16.4698, 107.5786),
        report_at("flooding", 16.4699, 107.5786),
        json!({"category": "flooding", "description": "Khác", "lat": 16.4698, "lon": 107.5786}),
        json!({"category": "flooding", "description": "Nước ngập sâu trước cổng chợ", "lat": 16.4698, "lon": 107.5786, "address": "12 Lê Lợi"}),
    ] {
        let res = app.submit(&token, key, &changed).await;
        assert_eq!(
            error_code(res).await,
            (409, "idempotency_conflict".into()),
            "{changed}"
        );
    }
    assert_eq!(app.db.count("reports"), 1);
    let stored: Value = app
        .get(
            &format!("/api/v1/reports/{}", original["id"].as_str().expect("id")),
            None,
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(stored["category"], "flooding");
}

#[tokio::test]
async fn concurrent_retries_with_one_key_store_one_report() {
    let app = TestApp::spawn().await;
    let token = app.resident("0912345678").await;
    let key = Uuid::new_v4();
    let body = report_at("fire", 16.4698, 107.5786);
    let answers = join_all((0..12).map(|_| app.submit(&token, key, &body))).await;
    let mut ids = Vec::new();
    for res in answers {
        assert_eq!(res.status(), 201);
        let v: Value = res.json().await.expect("json");
        ids.push(v["id"].as_str().expect("id").to_owned());
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert_eq!(app.db.count("reports"), 1);
}

#[tokio::test]
async fn keys_belong_to_their_reporter() {
    let app = TestApp::spawn().await;
    let a = app.resident("a@example.vn").await;
    let b = app.resident("b@example.vn").await;
    let key = Uuid::new_v4();
    let body = report_at("traffic", 16.4698, 107.5786);
    let ra: Value = app.submit(&a, key, &body).await.json().await.expect("json");
    let rb: Value = app.submit(&b, key, &body).await.json().await.expect("json");
    assert_ne!(ra["id"], rb["id"]);
    assert_eq!(app.db.count("reports"), 2);
}

#[tokio::test]
async fn the_reporter_sees_everything_others_the_public_view_without_identity() {
    let app = TestApp::spawn().await;
    let owner = app.resident("chu.so.huu@example.vn").await;
    let other = app.resident("nguoi.khac@example.vn").await;
    let created: Value = app
        .submit(&owner, Uuid::new_v4(), &json!({"category": "environment", "description": "Rác thải ven sông", "lat": 16.4698, "lon": 107.5786, "address": "Bến Thuyền Tòa Khâm"}))
        .await
        .json()
        .await
        .expect("json");
    let id = created["id"].as_str().expect("id");
    let path = format!("/api/v1/reports/{id}");

    let own: Value = app
        .get(&path, Some(&owner))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(own["mine"], true);
    assert!(own["idempotency_key"].is_string());
    assert_eq!(own["routing"]["commune_reason"], "covered");
    assert_eq!(own["address"], "Bến Thuyền Tòa Khâm");

    let anonymous = app.get(&path, None).await;
    assert_eq!(anonymous.status(), 200);
    let anonymous: Value = anonymous.json().await.expect("json");
    let as_other: Value = app
        .get(&path, Some(&other))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(anonymous, as_other);
    for public in [&anonymous, &as_other] {
        for hidden in [
            "mine",
            "idempotency_key",
            "routing",
            "reporter_id",
            "reporter",
        ] {
            assert!(public.get(hidden).is_none(), "{hidden} in {public}");
        }
        let text = public.to_string();
        assert!(
            !text.contains("chu.so.huu"),
            "reporter login leaked: {text}"
        );
        assert!(
            !text.contains("Người Thử Nghiệm"),
            "reporter name leaked: {text}"
        );
        assert_eq!(public["description"], "Rác thải ven sông");
        assert_eq!(public["commune"]["code"], "19753");
    }

    // The tracking code is short, readable, and decodes back to the stored number.
    let code = own["tracking_code"].as_str().expect("code");
    assert!(code.starts_with("HT-") && code.len() == 12, "{code}");
    #[derive(QueryableByName)]
    struct Num {
        #[diesel(sql_type = sql_types::BigInt)]
        number: i64,
    }
    let stored: Num = diesel::sql_query("SELECT number FROM reports WHERE id = $1")
        .bind::<sql_types::Uuid, _>(Uuid::parse_str(id).expect("uuid"))
        .get_result(&mut app.db.conn())
        .expect("number");
    assert_eq!(
        tracking::decode(code),
        Some(u64::try_from(stored.number).expect("positive"))
    );

    let missing = app
        .get(&format!("/api/v1/reports/{}", Uuid::new_v4()), None)
        .await;
    assert_eq!(error_code(missing).await, (404, "not_found".into()));
    let garbage = app.get("/api/v1/reports/not-a-uuid", None).await;
    assert_eq!(error_code(garbage).await, (404, "not_found".into()));
}

#[tokio::test]
async fn listings_paginate_by_keyset_and_filter() {
    let app = TestApp::spawn().await;
    let a = app.resident("list.a@example.vn").await;
    let b = app.resident("list.b@example.vn").await;
    let points = [
        ("flooding", 16.4698, 107.5786, &a),
        ("fire", 16.4698, 107.5786, &a),
        ("flooding", 16.55, 107.64, &b),
        ("health", 16.55, 107.64, &a),
        ("traffic", 16.4698, 107.5786, &b),
    ];
    let mut created = Vec::new();
    for (category, lat, lon, token) in points {
        let v: Value = app
            .submit(token, Uuid::new_v4(), &report_at(category, lat, lon))
            .await
            .json()
            .await
            .expect("json");
        created.push(v["id"].as_str().expect("id").to_owned());
    }

    // Pages of two, newest first, cover everything exactly once.
    let mut seen = Vec::new();
    let mut path = "/api/v1/reports?limit=2".to_owned();
    loop {
        let page = app.get_json(&path, None).await;
        let items = page["items"].as_array().expect("items");
        assert!(items.len() <= 2);
        seen.extend(
            items
                .iter()
                .map(|i| i["id"].as_str().expect("id").to_owned()),
        );
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/api/v1/reports?limit=2&cursor={c}"),
            None => break,
        }
    }
    let mut newest_first = created.clone();
    newest_first.reverse();
    assert_eq!(seen, newest_first);

    let ids = |v: &Value| -> Vec<String> {
        v["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|i| i["id"].as_str().expect("id").to_owned())
            .collect()
    };
    let flooding = app
        .get_json("/api/v1/reports?category=flooding", None)
        .await;
    assert_eq!(ids(&flooding), vec![created[2].clone(), created[0].clone()]);
    let thuan_an = app.get_json("/api/v1/reports?commune=19900", None).await;
    assert_eq!(ids(&thuan_an), vec![created[3].clone(), created[2].clone()]);
    let bbox = app
        .get_json(
            "/api/v1/reports?bbox=107.63,16.54,107.65,16.56&category=health",
            None,
        )
        .await;
    assert_eq!(ids(&bbox), vec![created[3].clone()]);
    let received = app
        .get_json("/api/v1/reports?status=received&limit=200", None)
        .await;
    assert_eq!(ids(&received).len(), 5);
    let resolved = app.get_json("/api/v1/reports?status=resolved", None).await;
    assert!(ids(&resolved).is_empty());

    let mine = app.get_json("/api/v1/me/reports", Some(&b)).await;
    assert_eq!(ids(&mine), vec![created[4].clone(), created[2].clone()]);
    assert!(
        mine["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|i| i["mine"] == true)
    );
    let public = app.get_json("/api/v1/reports", None).await;
    assert!(
        public["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|i| i.get("idempotency_key").is_none())
    );

    let anonymous_mine = app.get("/api/v1/me/reports", None).await;
    assert_eq!(
        error_code(anonymous_mine).await,
        (401, "missing_token".into())
    );
    for (query, code) in [
        ("cursor=nonsense", "invalid_cursor"),
        ("limit=0", "invalid_query"),
        ("limit=1000", "invalid_query"),
        ("limit=abc", "invalid_query"),
        ("status=flooded", "invalid_query"),
        ("colour=red", "invalid_query"),
        ("bbox=1,2,3", "invalid_bbox"),
        ("bbox=107.7,16.5,107.5,16.6", "invalid_bbox"),
    ] {
        let res = app.get(&format!("/api/v1/reports?{query}"), None).await;
        assert_eq!(error_code(res).await, (400, code.into()), "{query}");
    }
}

#[tokio::test]
async fn the_first_event_is_recorded_with_the_report() {
    let app = TestApp::spawn().await;
    let token = app.resident("su.kien@example.vn").await;
    let v: Value = app
        .submit(
            &token,
            Uuid::new_v4(),
            &report_at("fire", 16.4698, 107.5786),
        )
        .await
        .json()
        .await
        .expect("json");
    #[derive(QueryableByName)]
    struct Ev {
        #[diesel(sql_type = sql_types::Text)]
        kind: String,
        #[diesel(sql_type = sql_types::Nullable<sql_types::Text>)]
        to_status: Option<String>,
        #[diesel(sql_type = sql_types::Nullable<sql_types::Text>)]
        unit_code: Option<String>,
        #[diesel(sql_type = sql_types::Bool)]
        same_time: bool,
    }
    let events: Vec<Ev> = diesel::sql_query(
        "SELECT e.kind, e.to_status, e.unit_code, e.at = r.created_at AS same_time \
         FROM report_events e JOIN reports r ON r.id = e.report_id WHERE r.id = $1",
    )
    .bind::<sql_types::Uuid, _>(Uuid::parse_str(v["id"].as_str().expect("id")).expect("uuid"))
    .load(&mut app.db.conn())
    .expect("events");
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].kind, "received");
    assert_eq!(events[0].to_status.as_deref(), Some("received"));
    assert_eq!(events[0].unit_code.as_deref(), Some("pccc"));
    assert!(
        events[0].same_time,
        "report and event share the transaction's time"
    );
}

#[tokio::test]
async fn categories_and_communes_are_listed_for_the_apps() {
    let app = TestApp::spawn().await;
    let categories = app.get_json("/api/v1/categories", None).await;
    let codes: Vec<&str> = categories["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|c| c["code"].as_str().expect("code"))
        .collect();
    assert_eq!(
        codes,
        vec!["flooding", "fire", "traffic", "environment", "health"]
    );
    let urgent: Vec<bool> = categories["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|c| c["urgent"].as_bool().expect("bool"))
        .collect();
    assert_eq!(urgent, vec![true, true, false, false, false]);
    let communes = app.get_json("/api/v1/communes", None).await;
    let items = communes["items"].as_array().expect("items");
    assert_eq!(items.len(), 40);
    assert_eq!(items.iter().filter(|c| c["level"] == "phuong").count(), 21);
    assert!(
        items
            .iter()
            .any(|c| c["code"] == "19753" && c["full_name"] == "Phường Phú Xuân")
    );

    // The same communes as outlines for a map: one polygon feature each, with the same fields.
    let res = app.get("/api/v1/communes?format=geojson", None).await;
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .expect("type")
            .starts_with("application/geo+json")
    );
    let outlines: Value = res.json().await.expect("json");
    assert_eq!(outlines["type"], "FeatureCollection");
    let features = outlines["features"].as_array().expect("features");
    assert_eq!(features.len(), 40);
    let phu_xuan = features
        .iter()
        .find(|f| f["id"] == "19753")
        .expect("Phú Xuân");
    assert_eq!(phu_xuan["properties"]["full_name"], "Phường Phú Xuân");
    assert!(
        ["Polygon", "MultiPolygon"].contains(&phu_xuan["geometry"]["type"].as_str().expect("type"))
    );
    // Compressed for a client that takes it (a phone's browser does): the same document, at a
    // fraction of the size.
    let plain = serde_json::to_vec(&outlines).expect("bytes").len();
    let gzip = app
        .client
        .get(app.url("/api/v1/communes?format=geojson"))
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .expect("gzip");
    assert_eq!(gzip.headers()["content-encoding"], "gzip");
    let packed = gzip.bytes().await.expect("body");
    let mut unpacked = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(&packed[..]),
        &mut unpacked,
    )
    .expect("gunzip");
    assert_eq!(
        serde_json::from_slice::<Value>(&unpacked).expect("json"),
        outlines
    );
    assert!(
        packed.len() * 3 < plain,
        "{} bytes compressed of {plain}",
        packed.len()
    );
    let bad = app.get("/api/v1/communes?format=kml", None).await;
    assert_eq!(error_code(bad).await, (400, "invalid_query".to_owned()));

    // The handling units, for transfers: departments and each commune's committee.
    let units = app.get_json("/api/v1/units", None).await;
    let units = units["items"].as_array().expect("items");
    assert!(
        units
            .iter()
            .any(|u| u["code"] == "csgt" && u["kind"] == "department")
    );
    assert_eq!(
        units
            .iter()
            .filter(|u| u["kind"] == "commune_committee" && u["commune"].is_string())
            .count(),
        40
    );
    assert!(units.iter().all(|u| u.get("email").is_none()));
}
