//! Routing on Huế's real boundaries, through the API.

use diesel::prelude::*;
use diesel::sql_types::{Double, Text};
use diesel::{self};
use hientruong_tests::{TestApp, error_code, report_at};
use serde_json::Value;
use uuid::Uuid;

async fn submit_ok(app: &TestApp, token: &str, category: &str, lat: f64, lon: f64) -> Value {
    let res = app
        .submit(token, Uuid::new_v4(), &report_at(category, lat, lon))
        .await;
    assert_eq!(res.status(), 201, "{category} at {lat},{lon}");
    res.json().await.expect("json")
}

#[tokio::test]
async fn known_places_go_to_their_commune_and_categories_to_their_unit() {
    let app = TestApp::spawn().await;
    let token = app.resident("0905000001").await;

    let imperial_city = submit_ok(&app, &token, "flooding", 16.4698, 107.5786).await;
    assert_eq!(imperial_city["commune"]["code"], "19753");
    assert_eq!(imperial_city["commune"]["name"], "Phường Phú Xuân");
    assert_eq!(imperial_city["unit"]["code"], "ubnd-19753");
    assert_eq!(imperial_city["routing"]["commune_reason"], "covered");
    assert_eq!(imperial_city["routing"]["unit_reason"], "city_wide_rule");
    assert_eq!(imperial_city["status"], "received");

    let thuan_an = submit_ok(&app, &token, "environment", 16.55, 107.64).await;
    assert_eq!(thuan_an["commune"]["code"], "19900");
    assert_eq!(thuan_an["unit"]["code"], "ubnd-19900");

    for (category, unit) in [("fire", "pccc"), ("health", "so-y-te"), ("traffic", "csgt")] {
        let r = submit_ok(&app, &token, category, 16.4698, 107.5786).await;
        assert_eq!(r["unit"]["code"], unit, "{category}");
        assert_eq!(r["commune"]["code"], "19753", "{category}");
    }
}

#[derive(QueryableByName, Debug)]
struct Pt {
    #[diesel(sql_type = Double)]
    lat: f64,
    #[diesel(sql_type = Double)]
    lon: f64,
}

#[derive(QueryableByName, Debug)]
struct Codes {
    #[diesel(sql_type = Text)]
    codes: String,
}

#[tokio::test]
async fn a_point_on_a_shared_border_goes_to_the_lowest_code() {
    let app = TestApp::spawn().await;
    let token = app.resident("0905000002").await;
    let mut conn = app.db.conn();
    // A vertex of Phú Xuân's boundary that another commune's polygon also covers.
    let pt: Pt = diesel::sql_query(
        "SELECT ST_Y(p.geom) AS lat, ST_X(p.geom) AS lon \
         FROM admin_units a, ST_DumpPoints(a.geom) p, admin_units b \
         WHERE a.code = '19753' AND b.code <> a.code AND ST_Covers(b.geom, p.geom) \
         ORDER BY p.path LIMIT 1",
    )
    .get_result(&mut conn)
    .expect("a shared vertex");
    let covering: Codes = diesel::sql_query(
        "SELECT string_agg(code, ',' ORDER BY code) AS codes FROM admin_units \
         WHERE ST_Covers(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))",
    )
    .bind::<Double, _>(pt.lon)
    .bind::<Double, _>(pt.lat)
    .get_result(&mut conn)
    .expect("covering communes");
    let codes: Vec<&str> = covering.codes.split(',').collect();
    assert!(codes.len() >= 2, "the vertex is on a border: {codes:?}");

    // The same point, submitted twice, lands in the same commune: the lowest code.
    for _ in 0..2 {
        let r = submit_ok(&app, &token, "flooding", pt.lat, pt.lon).await;
        assert_eq!(r["commune"]["code"], codes[0]);
        assert_eq!(r["routing"]["commune_reason"], "border_tie_break");
    }
}

/// Points walking out to sea north-east of Thuận An, with their distance to the nearest commune.
fn offshore_points(conn: &mut PgConnection) -> Vec<(f64, f64, f64)> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Double)]
        lat: f64,
        #[diesel(sql_type = Double)]
        lon: f64,
        #[diesel(sql_type = Double)]
        d: f64,
    }
    let rows: Vec<Row> = diesel::sql_query(
        "WITH pts AS (SELECT i, ST_SetSRID(ST_MakePoint(107.64 + i * 0.0002, 16.55 + i * 0.0002), 4326) AS g \
                      FROM generate_series(1, 300) i) \
         SELECT ST_Y(g) AS lat, ST_X(g) AS lon, \
                COALESCE((SELECT min(ST_Distance(a.geom::geography, g::geography)) FROM admin_units a WHERE ST_DWithin(a.geom, g, 0.06)), 1e9) AS d \
         FROM pts WHERE i % 5 = 0 AND NOT EXISTS (SELECT 1 FROM admin_units a WHERE ST_Covers(a.geom, g)) ORDER BY i",
    )
    .load(conn)
    .expect("offshore points");
    rows.into_iter().map(|r| (r.lat, r.lon, r.d)).collect()
}

#[tokio::test]
async fn offshore_within_500_m_goes_to_the_nearest_commune_and_farther_is_refused() {
    let app = TestApp::spawn().await;
    let token = app.resident("0905000003").await;
    let points = offshore_points(&mut app.db.conn());
    let near = points
        .iter()
        .find(|(_, _, d)| (100.0..450.0).contains(d))
        .expect("a point 100-450 m offshore");
    let far = points
        .iter()
        .find(|(_, _, d)| (700.0..5000.0).contains(d))
        .expect("a point 0.7-5 km offshore");

    let r = submit_ok(&app, &token, "flooding", near.0, near.1).await;
    assert_eq!(
        r["commune"]["code"], "19900",
        "nearest to the sea off Thuận An"
    );
    assert_eq!(r["routing"]["commune_reason"], "nearest_within_tolerance");
    let distance = r["routing"]["distance_m"].as_f64().expect("distance");
    assert!((distance - near.2).abs() < 1.0, "{distance} vs {}", near.2);

    let res = app
        .submit(&token, Uuid::new_v4(), &report_at("flooding", far.0, far.1))
        .await;
    assert_eq!(error_code(res).await, (422, "outside_service_area".into()));
}

#[tokio::test]
async fn a_point_in_da_nang_is_outside_the_service_area() {
    let app = TestApp::spawn().await;
    let token = app.resident("0905000004").await;
    // Đà Nẵng city centre (Hàn River bridge).
    let res = app
        .submit(
            &token,
            Uuid::new_v4(),
            &report_at("fire", 16.0717, 108.2264),
        )
        .await;
    assert_eq!(error_code(res).await, (422, "outside_service_area".into()));
    let res = app
        .submit(
            &token,
            Uuid::new_v4(),
            &report_at("fire", 21.0285, 105.8542),
        )
        .await;
    assert_eq!(
        error_code(res).await,
        (422, "outside_service_area".into()),
        "Hà Nội"
    );
}

#[tokio::test]
async fn a_commune_rule_beats_the_city_wide_rule_and_no_rule_goes_to_ioc_triage() {
    let app = TestApp::spawn().await;
    let token = app.resident("0905000005").await;
    let mut conn = app.db.conn();
    diesel::sql_query(
        "INSERT INTO routing_rules (category_code, commune_code, target_kind, target_unit, valid_from) \
         VALUES ('flooding', '19753', 'unit', 'bch-pctt', now() - interval '1 day'), \
                ('flooding', '19900', 'unit', 'bch-pctt', now() + interval '1 day'), \
                ('traffic', NULL, 'unit', 'so-y-te', now() - interval '2 days')",
    )
    .execute(&mut conn)
    .expect("rules");
    diesel::sql_query("UPDATE routing_rules SET valid_to = now() - interval '1 day', valid_from = now() - interval '3 days' WHERE category_code = 'traffic' AND target_unit = 'so-y-te'")
        .execute(&mut conn)
        .expect("expire");
    diesel::sql_query("INSERT INTO categories (code, name_vi, name_en) VALUES ('lighting', 'Chiếu sáng', 'Street lighting')")
        .execute(&mut conn)
        .expect("category");

    let r = submit_ok(&app, &token, "flooding", 16.4698, 107.5786).await;
    assert_eq!(r["unit"]["code"], "bch-pctt");
    assert_eq!(r["routing"]["unit_reason"], "commune_rule");

    // A rule that starts tomorrow does not apply yet.
    let r = submit_ok(&app, &token, "flooding", 16.55, 107.64).await;
    assert_eq!(r["unit"]["code"], "ubnd-19900");

    // An expired rule no longer applies.
    let r = submit_ok(&app, &token, "traffic", 16.4698, 107.5786).await;
    assert_eq!(r["unit"]["code"], "csgt");

    let r = submit_ok(&app, &token, "lighting", 16.4698, 107.5786).await;
    assert_eq!(r["unit"]["code"], "ioc");
    assert_eq!(r["routing"]["unit_reason"], "ioc_triage");
    assert!(r["routing"]["rule_id"].is_null());

    diesel::sql_query("UPDATE categories SET active = false WHERE code = 'lighting'")
        .execute(&mut conn)
        .expect("deactivate");
    let res = app
        .submit(
            &token,
            Uuid::new_v4(),
            &report_at("lighting", 16.4698, 107.5786),
        )
        .await;
    assert_eq!(error_code(res).await, (422, "unknown_category".into()));
    let res = app
        .submit(
            &token,
            Uuid::new_v4(),
            &report_at("potholes", 16.4698, 107.5786),
        )
        .await;
    assert_eq!(error_code(res).await, (422, "unknown_category".into()));
}

#[tokio::test]
async fn the_routing_decision_is_stored_with_the_report() {
    let app = TestApp::spawn().await;
    let token = app.resident("0905000006").await;
    let r = submit_ok(&app, &token, "health", 16.4698, 107.5786).await;
    let id: Uuid = r["id"].as_str().expect("id").parse().expect("uuid");
    #[derive(QueryableByName)]
    struct Stored {
        #[diesel(sql_type = Text)]
        commune_code: String,
        #[diesel(sql_type = Text)]
        unit_code: String,
        #[diesel(sql_type = Text)]
        commune_reason: String,
        #[diesel(sql_type = Text)]
        unit_reason: String,
        #[diesel(sql_type = Text)]
        boundary_code: String,
        #[diesel(sql_type = Text)]
        rule_category: String,
    }
    let stored: Stored = diesel::sql_query(
        "SELECT r.commune_code, r.unit_code, r.commune_reason, r.unit_reason, a.code AS boundary_code, \
                rr.category_code AS rule_category \
         FROM reports r JOIN admin_units a ON a.id = r.boundary_id JOIN routing_rules rr ON rr.id = r.routing_rule_id \
         WHERE r.id = $1",
    )
    .bind::<diesel::sql_types::Uuid, _>(id)
    .get_result(&mut app.db.conn())
    .expect("stored report");
    assert_eq!(
        (
            stored.commune_code.as_str(),
            stored.unit_code.as_str(),
            stored.boundary_code.as_str()
        ),
        ("19753", "so-y-te", "19753")
    );
    assert_eq!(
        (stored.commune_reason.as_str(), stored.unit_reason.as_str()),
        ("covered", "city_wide_rule")
    );
    assert_eq!(stored.rule_category, "health");
}
