//! "Already reported?": open reports of a category near a point, supporting one instead of filing
//! it again, and finding a report by the tracking code the hotline gave.

use hientruong_tests::{CITADEL, TestApp, error_code};
use serde_json::{Value, json};

/// `CITADEL` moved north by `metres` (a degree of latitude is about 110.6 km here).
fn north(metres: f64) -> (f64, f64) {
    (CITADEL.0 + metres / 110_600.0, CITADEL.1)
}

async fn nearby(app: &TestApp, category: &str) -> Vec<Value> {
    let (lat, lon) = CITADEL;
    let body = app
        .get_json(
            &format!("/api/v1/reports/nearby?lat={lat}&lon={lon}&category={category}"),
            None,
        )
        .await;
    body["items"].as_array().expect("items").clone()
}

fn ids(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|i| i["id"].as_str().expect("id").to_owned())
        .collect()
}

async fn put(app: &TestApp, path: &str, token: &str) -> reqwest::Response {
    app.client
        .put(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .expect("PUT")
}

async fn delete(app: &TestApp, path: &str, token: &str) -> reqwest::Response {
    app.client
        .delete(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .expect("DELETE")
}

#[tokio::test]
async fn nearby_lists_open_reports_of_the_category_nearest_first_within_its_radius() {
    let app = TestApp::spawn().await;
    let resident = app.resident("o.gan@example.com").await;
    let near = app.report(&resident, "flooding", north(55.0)).await;
    let farther = app.report(&resident, "flooding", north(170.0)).await;
    let outside = app.report(&resident, "flooding", north(330.0)).await;
    let _far_away = app.report(&resident, "flooding", north(2000.0)).await;
    let _other_kind = app.report(&resident, "traffic", north(20.0)).await;
    let rejected = app.report(&resident, "flooding", north(10.0)).await;
    let ioc = app.staff("ioc_operator", None).await;
    app.act_ok(
        &ioc.token,
        &rejected,
        json!({"action": "reject", "public_answer": "Không phải ngập"}),
    )
    .await;

    let items = nearby(&app, "flooding").await;
    assert_eq!(ids(&items), [near.clone(), farther.clone()]);
    let distances: Vec<f64> = items
        .iter()
        .map(|i| i["distance_m"].as_f64().expect("distance"))
        .collect();
    // From the reports' public positions (to 0.0001°: at most about 8 m off).
    assert!((distances[0] - 55.0).abs() < 8.0, "{distances:?}");
    assert!((distances[1] - 170.0).abs() < 8.0, "{distances:?}");
    // The public view: no reporter, with the count of supporters and the running deadline.
    for item in &items {
        assert!(item.get("reporter_id").is_none() && item.get("mine").is_none());
        assert_eq!(item["support_count"], 0);
        assert!(item["due_at"].is_string(), "{item}");
        assert_eq!(item["category"], "flooding");
    }

    // At most five, the nearest.
    let mut close = Vec::new();
    for metres in [90.0, 100.0, 110.0, 120.0, 130.0, 140.0] {
        close.push(app.report(&resident, "flooding", north(metres)).await);
    }
    let items = nearby(&app, "flooding").await;
    let nearest = [&near, &close[0], &close[1], &close[2], &close[3]].map(String::clone);
    assert_eq!(ids(&items), nearest);

    // An administrator widens the category's radius; never beyond 1 km.
    let admin = app.staff("admin", None).await;
    let categories = app
        .get_json("/api/v1/admin/categories", Some(&admin.token))
        .await;
    let flooding = categories
        .as_array()
        .expect("categories")
        .iter()
        .find(|c| c["code"] == "flooding")
        .expect("flooding")
        .clone();
    assert_eq!(flooding["nearby_radius_m"], 250);
    let with_radius = |radius: i64| {
        json!({
            "name_vi": flooding["name_vi"],
            "name_en": flooding["name_en"],
            "urgent": flooding["urgent"],
            "sort_order": flooding["sort_order"],
            "nearby_radius_m": radius,
        })
    };
    let res = app
        .client
        .put(app.url("/api/v1/admin/categories/flooding"))
        .bearer_auth(&admin.token)
        .json(&with_radius(2000))
        .send()
        .await
        .expect("put");
    assert_eq!(error_code(res).await, (422, "invalid_definition".into()));
    let res = app
        .client
        .put(app.url("/api/v1/admin/categories/flooding"))
        .bearer_auth(&admin.token)
        .json(&with_radius(1000))
        .send()
        .await
        .expect("put");
    assert_eq!(res.status(), 200);
    for id in close.iter().skip(1) {
        app.act_ok(
            &ioc.token,
            id,
            json!({"action": "reject", "public_answer": "Trùng"}),
        )
        .await;
    }
    let items = nearby(&app, "flooding").await;
    assert_eq!(ids(&items), [near, close[0].clone(), farther, outside]);

    // Bad questions get their codes.
    for (query, expected) in [
        ("lat=16.47&lon=107.58", (400, "invalid_query")),
        ("lat=16.47&lon=107.58&category=", (400, "invalid_query")),
        ("lat=16.47&category=flooding", (400, "invalid_query")),
        (
            "lat=abc&lon=107.58&category=flooding",
            (422, "invalid_coordinates"),
        ),
        (
            "lat=95&lon=107.58&category=flooding",
            (422, "invalid_coordinates"),
        ),
        (
            "lat=16.47&lon=107.58&category=volcano",
            (422, "unknown_category"),
        ),
    ] {
        let res = app
            .get(&format!("/api/v1/reports/nearby?{query}"), None)
            .await;
        assert_eq!(
            error_code(res).await,
            (expected.0, expected.1.into()),
            "{query}"
        );
    }
}

#[tokio::test]
async fn supporting_a_report_counts_once_is_withdrawable_and_counts_as_taking_part() {
    let app = TestApp::spawn().await;
    let reporter = app.resident("nguoi.bao@example.com").await;
    let neighbour = app.resident("hang.xom@example.com").await;
    let report = app.report(&reporter, "flooding", CITADEL).await;
    let support = format!("/api/v1/reports/{report}/support");
    let page = format!("/api/v1/reports/{report}");
    // Read as the IOC, who gets the figures of now (anonymous callers share them for a minute).
    let ioc = app.staff("ioc_operator", None).await;
    let participants = |body: Value| {
        body["reporters"]
            .as_i64()
            .expect("reporters in the summary")
    };
    assert_eq!(
        participants(
            app.get_json("/api/v1/stats/summary", Some(&ioc.token))
                .await
        ),
        1
    );

    for _ in 0..2 {
        let res = put(&app, &support, &neighbour).await;
        assert_eq!(res.status(), 200);
        let body: Value = res.json().await.expect("json");
        assert_eq!(body, json!({"supported": true, "support_count": 1}));
    }
    assert_eq!(app.get_json(&page, None).await["support_count"], 1);
    assert_eq!(
        app.get_json(&support, Some(&neighbour)).await,
        json!({"supported": true, "support_count": 1})
    );
    assert_eq!(
        app.get_json(&support, Some(&reporter)).await,
        json!({"supported": false, "support_count": 1})
    );
    // The supporter takes part: two residents now.
    assert_eq!(
        participants(
            app.get_json("/api/v1/stats/summary", Some(&ioc.token))
                .await
        ),
        2
    );

    // Not one's own report, and residents only.
    assert_eq!(
        error_code(put(&app, &support, &reporter).await).await,
        (409, "own_report".into())
    );
    let officer = app.staff("officer", Some("csgt")).await;
    assert_eq!(
        error_code(put(&app, &support, &officer.token).await).await,
        (403, "forbidden".into())
    );
    let res = app.client.put(app.url(&support)).send().await.expect("PUT");
    assert_eq!(error_code(res).await, (401, "missing_token".into()));
    let missing = format!("/api/v1/reports/{}/support", uuid::Uuid::new_v4());
    assert_eq!(
        error_code(put(&app, &missing, &neighbour).await).await,
        (404, "not_found".into())
    );

    // A finished report takes no more supports.
    let ioc = app.staff("ioc_operator", None).await;
    let other = app.report(&reporter, "flooding", CITADEL).await;
    app.act_ok(
        &ioc.token,
        &other,
        json!({"action": "reject", "public_answer": "Không thuộc phạm vi"}),
    )
    .await;
    assert_eq!(
        error_code(
            put(
                &app,
                &format!("/api/v1/reports/{other}/support"),
                &neighbour
            )
            .await
        )
        .await,
        (409, "report_closed".into())
    );

    // Withdrawn, twice as harmlessly as once.
    for _ in 0..2 {
        let res = delete(&app, &support, &neighbour).await;
        assert_eq!(res.status(), 200);
        let body: Value = res.json().await.expect("json");
        assert_eq!(body, json!({"supported": false, "support_count": 0}));
    }
    assert_eq!(app.get_json(&page, None).await["support_count"], 0);
    let rows = app.db.count("report_supports");
    assert_eq!(rows, 0);
}

#[tokio::test]
async fn a_report_is_found_by_its_tracking_code_as_people_type_it() {
    let app = TestApp::spawn().await;
    let resident = app.resident("ma.so@example.com").await;
    let report = app.report(&resident, "traffic", CITADEL).await;
    let public = app
        .get_json(&format!("/api/v1/reports/{report}"), None)
        .await;
    let code = public["tracking_code"].as_str().expect("code").to_owned();
    let bare = code
        .replace(['-'], "")
        .trim_start_matches("HT")
        .to_lowercase();
    for typed in [code.clone(), bare, format!(" {} ", code.to_lowercase())] {
        let found = app
            .get_json(
                &format!("/api/v1/reports/by-code/{}", typed.replace(' ', "%20")),
                None,
            )
            .await;
        assert_eq!(found["id"], report.as_str(), "{typed}");
        assert!(found.get("mine").is_none() && found.get("idempotency_key").is_none());
        assert!(found["timeline"].is_array());
    }
    let own = app
        .get_json(&format!("/api/v1/reports/by-code/{code}"), Some(&resident))
        .await;
    assert_eq!(own["mine"], true);
    for unknown in ["HT-ZZZZ-ZZZZ", "not-a-code", "HT-1234"] {
        let res = app
            .get(&format!("/api/v1/reports/by-code/{unknown}"), None)
            .await;
        assert_eq!(
            error_code(res).await,
            (404, "not_found".into()),
            "{unknown}"
        );
    }
}
