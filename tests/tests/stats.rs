//! Statistics with fixed timestamps: exact medians (odd and even counts), p90, an on-time rate and
//! working hours across a holiday, a transfer's hop, ratings; and who may read what.

use chrono::{DateTime, NaiveDate, Utc};
use hientruong_db::stats::Scope;
use hientruong_domain::policy::Actor;
use hientruong_domain::role::Role;
use hientruong_tests::photos::jpeg;
use hientruong_tests::{CITADEL, Staff, TestApp, error_code, hue_time};
use serde_json::{Value, json};
use uuid::Uuid;

fn hue(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    hue_time(2026, 11, day, hour, minute)
}

fn actor(staff: &Staff, role: Role, unit: Option<&str>) -> Actor {
    Actor {
        id: staff.id,
        role,
        unit: unit.map(str::to_owned),
    }
}

/// A report of `category` by a new resident, received at `at`; returns (id, reporter).
async fn received(app: &TestApp, category: &str, at: DateTime<Utc>) -> (Uuid, Actor) {
    let login = format!("r{}@example.com", Uuid::new_v4().simple());
    let token = app.resident(&login).await;
    let reporter: Uuid = app.login(&login).await["user"]["id"]
        .as_str()
        .expect("id")
        .parse()
        .expect("uuid");
    let id: Uuid = app
        .report(&token, category, CITADEL)
        .await
        .parse()
        .expect("uuid");
    hientruong_db::fixtures::set_times(&mut app.db.conn(), id, at).expect("times");
    (
        id,
        Actor {
            id: reporter,
            role: Role::Resident,
            unit: None,
        },
    )
}

async fn after_photo(app: &TestApp, token: &str, id: Uuid) {
    let res = app
        .upload(token, &format!("/api/v1/tickets/{id}/photos"), jpeg(32, 32))
        .await;
    assert_eq!(res.status(), 201);
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[tokio::test]
async fn a_week_of_tickets_gives_exact_figures() {
    let app = TestApp::spawn().await;
    let ioc_staff = app.staff("ioc_operator", None).await;
    let ioc = actor(&ioc_staff, Role::IocOperator, None);
    // Tuesday 17 November 2026 is declared a holiday (a substitute day, say).
    hientruong_db::sla::put_holidays(
        &mut app.db.conn(),
        &[hientruong_db::sla::Holiday {
            day: NaiveDate::from_ymd_opt(2026, 11, 17).expect("date"),
            name: "Nghỉ bù".into(),
        }],
    )
    .expect("holiday");

    // T1, traffic: received Monday 16 09:00, accepted 10:00, resolved 11:00, rated 5.
    let (t1, r1) = received(&app, "traffic", hue(16, 9, 0)).await;
    app.act_at(&ioc, t1, json!({"action": "accept"}), hue(16, 10, 0));
    after_photo(&app, &ioc_staff.token, t1).await;
    app.act_at(
        &ioc,
        t1,
        json!({"action": "resolve", "public_answer": "Xong"}),
        hue(16, 11, 0),
    );
    hientruong_db::tickets::rate(&mut app.db.conn(), &r1, t1, 5, None, hue(16, 12, 0))
        .expect("rate");
    // T2, fire (urgent: 4 hours around the clock): received Monday 16:00, accepted Tuesday
    // 08:00, resolved 09:30: late. Working time: Monday 16:00-17:00 only, Tuesday is a holiday.
    let (t2, r2) = received(&app, "fire", hue(16, 16, 0)).await;
    app.act_at(&ioc, t2, json!({"action": "accept"}), hue(17, 8, 0));
    after_photo(&app, &ioc_staff.token, t2).await;
    app.act_at(
        &ioc,
        t2,
        json!({"action": "resolve", "public_answer": "Đã dập lửa"}),
        hue(17, 9, 30),
    );
    hientruong_db::tickets::rate(&mut app.db.conn(), &r2, t2, 3, None, hue(17, 10, 0))
        .expect("rate");
    // T3, traffic: received Friday 20 16:00, transferred 16:15 (a hop), accepted 16:30.
    let (t3, _) = received(&app, "traffic", hue(20, 16, 0)).await;
    app.act_at(
        &ioc,
        t3,
        json!({"action": "transfer", "to_unit": "pccc", "note": "PCCC"}),
        hue(20, 16, 15),
    );
    app.act_at(&ioc, t3, json!({"action": "accept"}), hue(20, 16, 30));
    // T4, traffic: received Sunday 22 10:00, untouched.
    let (_t4, _) = received(&app, "traffic", hue(22, 10, 0)).await;
    // Outside the week: not counted.
    received(&app, "traffic", hue(23, 7, 0)).await;

    let now = hue(24, 12, 0);
    let pool = hientruong_db::pool::build(&app.db.url, 4).expect("pool");
    let s =
        hientruong_db::stats::summary(&pool, hue(16, 0, 0), hue(23, 0, 0), &Scope::default(), now)
            .expect("summary");
    assert_eq!((s.received, s.resolved, s.reporters), (4, 2, 4));
    // Accepted: T1 1 h / 1 h, T2 1 h / 16 h, T3 30 min / 30 min (odd count).
    let a = s.time_to_accept;
    assert_eq!(a.count, 3);
    assert!(
        close(a.median_working_h, 1.0) && close(a.p90_working_h, 1.0),
        "{a:?}"
    );
    assert!(
        close(a.median_wall_h, 1.0) && close(a.p90_wall_h, 13.0),
        "{a:?}"
    );
    // Resolved: T1 2 h / 2 h, T2 1 h / 17 h 30 (even count: the mean of the two).
    let r = s.time_to_resolve;
    assert_eq!(r.count, 2);
    assert!(
        close(r.median_working_h, 1.5) && close(r.p90_working_h, 1.9),
        "{r:?}"
    );
    assert!(
        close(r.median_wall_h, 9.75) && close(r.p90_wall_h, 15.95),
        "{r:?}"
    );
    // T1 on time, T2 late.
    assert!(close(s.on_time_rate, 0.5));
    assert!(close(s.resolution_rate, 0.5), "T1 and T2 closed of 4");
    assert!(close(s.transfer_rate, 0.25) && s.hops == 1);
    assert!(close(s.reopen_rate, 0.0));
    assert_eq!(s.ratings, 2);
    assert!(close(s.mean_rating, 4.0) && close(s.share_ratings_4_or_more, 0.5));
    // Now (Tuesday 24 noon): T3, T4 and the one of the 23rd are open; the accept deadlines of T4
    // and of the 23rd's (Tuesday 24 08:00: 7 h 30 on Monday, 30 min on Tuesday) have passed.
    assert_eq!(s.open_backlog, 3);
    assert_eq!(s.overdue_now, 2);

    // One unit: the traffic police had T1 only (T2 went to the fire police, T3 was moved there).
    let csgt = hientruong_db::stats::summary(
        &pool,
        hue(16, 0, 0),
        hue(23, 0, 0),
        &Scope {
            unit: Some("csgt".into()),
            ..Scope::default()
        },
        now,
    )
    .expect("summary");
    assert_eq!(
        (csgt.received, csgt.resolved, csgt.time_to_resolve.count),
        (2, 1, 1)
    );
}

#[tokio::test]
async fn city_figures_are_public_and_per_area_figures_are_for_the_ioc() {
    let app = TestApp::spawn().await;
    let resident = app.resident("xem.so.lieu@example.com").await;
    app.report(&resident, "traffic", CITADEL).await;
    let city = app.get_json("/api/v1/stats/summary", None).await;
    assert_eq!(city["received"], 1);
    assert!(city["engagement"]["index"].is_number(), "{city}");
    assert_eq!(city["engagement"]["participation_basis"], "accounts");
    let per_unit = "/api/v1/stats/summary?unit=csgt";
    assert_eq!(
        error_code(app.get(per_unit, None).await).await,
        (401, "missing_token".into())
    );
    let officer = app.staff("officer", Some("csgt")).await;
    assert_eq!(
        error_code(app.get(per_unit, Some(&officer.token)).await).await,
        (403, "forbidden".into())
    );
    let ioc = app.staff("ioc_operator", None).await;
    assert_eq!(
        app.get_json(per_unit, Some(&ioc.token)).await["received"],
        1
    );
    for bad in [
        "from=2026-13-01",
        "from=2026-11-20&to=2026-11-01",
        "from=2020-01-01&to=2026-01-01",
    ] {
        assert_eq!(
            error_code(app.get(&format!("/api/v1/stats/summary?{bad}"), None).await).await,
            (400, "invalid_query".into()),
            "{bad}"
        );
    }
}

/// `format=csv` of the summary: a header and one line, the JSON's figures column by column (the
/// handling times spelt out, the engagement index as `engagement_*`), under the same policy.
#[tokio::test]
async fn the_summary_as_csv_is_its_json_in_one_line() {
    let app = TestApp::spawn().await;
    let resident = app.resident("tai.ve@example.com").await;
    app.report(&resident, "traffic", CITADEL).await;
    app.report(&resident, "flooding", CITADEL).await;
    let query = "/api/v1/stats/summary?from=2026-01-01&to=2026-12-31";
    let json = app.get_json(query, None).await;
    let res = app.get(&format!("{query}&format=csv"), None).await;
    assert_eq!(res.status(), 200);
    let header = |name: &str| res.headers()[name].to_str().unwrap_or_default().to_owned();
    assert!(header("content-type").starts_with("text/csv"));
    assert_eq!(
        header("content-disposition"),
        "attachment; filename=\"summary.csv\""
    );
    let csv = res.text().await.expect("csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2, "a header and one line: {csv}");
    let columns: Vec<&str> = lines[0].split(',').collect();
    let cells: Vec<&str> = lines[1].split(',').collect();
    assert_eq!(columns.len(), cells.len());
    let cell = |name: &str| {
        let i = columns.iter().position(|c| *c == name);
        cells[i.unwrap_or_else(|| panic!("no column {name}"))]
    };
    // Where in the JSON each column is.
    let mut expected: Vec<(String, &Value)> = Vec::new();
    for (column, path) in [
        ("accepted", "/time_to_accept/count"),
        (
            "accept_median_working_h",
            "/time_to_accept/median_working_h",
        ),
        ("accept_p90_working_h", "/time_to_accept/p90_working_h"),
        ("accept_median_wall_h", "/time_to_accept/median_wall_h"),
        ("accept_p90_wall_h", "/time_to_accept/p90_wall_h"),
        (
            "resolve_median_working_h",
            "/time_to_resolve/median_working_h",
        ),
        ("resolve_p90_working_h", "/time_to_resolve/p90_working_h"),
        ("resolve_median_wall_h", "/time_to_resolve/median_wall_h"),
        ("resolve_p90_wall_h", "/time_to_resolve/p90_wall_h"),
    ] {
        expected.push((column.into(), json.pointer(path).expect(path)));
    }
    let object = json.as_object().expect("object");
    for (key, value) in object {
        match key.as_str() {
            "time_to_accept" | "time_to_resolve" => {}
            "engagement" => {
                for (k, v) in value.as_object().expect("engagement") {
                    expected.push((format!("engagement_{k}"), v));
                }
            }
            _ => expected.push((key.clone(), value)),
        }
    }
    assert_eq!(
        expected.len(),
        columns.len(),
        "every column is a JSON field and every field a column: {columns:?}"
    );
    for (column, value) in &expected {
        let got = cell(column);
        match value {
            Value::Null => assert_eq!(got, "", "{column}"),
            Value::Number(n) => {
                let n = n.as_f64().expect("number");
                let g: f64 = got.parse().unwrap_or_else(|_| panic!("{column}: {got}"));
                assert!((n - g).abs() < 1e-9, "{column}: {got} is not {n}");
            }
            Value::String(s) if column == "from" || column == "to" => {
                let a = chrono::DateTime::parse_from_rfc3339(s).expect("json time");
                let b = chrono::DateTime::parse_from_rfc3339(got).expect("csv time");
                assert_eq!(a, b, "{column}");
            }
            Value::String(s) => assert_eq!(got, s, "{column}"),
            other => panic!("{column}: unexpected {other}"),
        }
    }
    assert_eq!(cell("received"), "2");

    // The same policy as the JSON; no map of a summary.
    assert_eq!(
        error_code(
            app.get("/api/v1/stats/summary?unit=csgt&format=csv", None)
                .await
        )
        .await,
        (401, "missing_token".into())
    );
    assert_eq!(
        error_code(app.get("/api/v1/stats/summary?format=geojson", None).await).await,
        (400, "invalid_query".into())
    );
    // The communes' rows carry an engagement index in JSON, and so in CSV.
    let ioc = app.staff("ioc_operator", None).await;
    let communes = app
        .get("/api/v1/stats/communes?format=csv", Some(&ioc.token))
        .await
        .text()
        .await
        .expect("csv");
    let header: Vec<&str> = communes
        .lines()
        .next()
        .unwrap_or_default()
        .split(',')
        .collect();
    assert_eq!(header[..2], ["key", "name"]);
    assert_eq!(
        header[2..],
        columns[..],
        "the summary's columns after the key"
    );
}

#[tokio::test]
async fn breakdowns_by_commune_unit_and_time_in_json_csv_and_geojson() {
    let app = TestApp::spawn().await;
    let resident = app.resident("phan.tich@example.com").await;
    // Two in Phú Xuân (19753: traffic to csgt, flooding to the ward), one in Thuận An (19900).
    app.report(&resident, "traffic", CITADEL).await;
    app.report(&resident, "flooding", CITADEL).await;
    app.report(&resident, "flooding", (16.55, 107.64)).await;
    let ioc = app.staff("ioc_operator", None).await;
    let officer = app.staff("officer", Some("csgt")).await;
    assert_eq!(
        error_code(
            app.get("/api/v1/stats/communes", Some(&officer.token))
                .await
        )
        .await,
        (403, "forbidden".into())
    );

    // Phú Xuân's population is on record; Thuận An's is not.
    let admin = app.staff("admin", None).await;
    let put = |code: &str, body: serde_json::Value| {
        app.client
            .put(app.url(&format!("/api/v1/admin/populations/{code}")))
            .bearer_auth(&admin.token)
            .json(&body)
            .send()
    };
    let res = put(
        "19753",
        json!({"population": 20000, "as_of": "2025-07-01", "source": "Cục Thống kê"}),
    )
    .await
    .expect("put");
    assert_eq!(res.status(), 200);
    assert_eq!(
        error_code(
            put("99999", json!({"population": 1, "as_of": "2025-07-01"}))
                .await
                .expect("put")
        )
        .await,
        (404, "not_found".into())
    );
    assert_eq!(
        error_code(
            put("19900", json!({"population": -5, "as_of": "2025-07-01"}))
                .await
                .expect("put")
        )
        .await,
        (422, "invalid_definition".into())
    );

    let communes = app
        .get_json("/api/v1/stats/communes", Some(&ioc.token))
        .await;
    let items = communes["items"].as_array().expect("items");
    assert_eq!(items.len(), 40, "every commune, with or without reports");
    let received = |code: &str| {
        items
            .iter()
            .find(|c| c["key"] == code)
            .map(|c| c["received"].clone())
            .expect("commune")
    };
    assert_eq!((received("19753"), received("19900")), (json!(2), json!(1)));
    let engagement = |code: &str| {
        items
            .iter()
            .find(|c| c["key"] == code)
            .map(|c| c["engagement"].clone())
            .expect("commune")
    };
    // One reporter per 20,000 residents over 30 days: 0.05 per 1,000 a month, 1 % of the target.
    let ward = engagement("19753");
    assert_eq!(ward["participation_basis"], "residents");
    assert!((ward["participation_per_1000_month"].as_f64().expect("rate") - 0.05).abs() < 1e-9);
    assert!((ward["participation"].as_f64().expect("part") - 1.0).abs() < 1e-9);
    assert_eq!(
        engagement("19900")["participation"],
        serde_json::Value::Null
    );
    assert_eq!(
        items
            .iter()
            .map(|c| c["received"].as_i64().unwrap_or(0))
            .sum::<i64>(),
        3
    );

    let res = app
        .get("/api/v1/stats/communes?format=csv", Some(&ioc.token))
        .await;
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap_or("")
            .starts_with("text/csv")
    );
    let csv = res.text().await.expect("csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 41, "a header and 40 communes");
    assert!(lines[0].starts_with("key,name,from,to,received,resolved"));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("19753,") && l.split(',').nth(4) == Some("2"))
    );

    let geo = app
        .get_json("/api/v1/stats/communes?format=geojson", Some(&ioc.token))
        .await;
    assert_eq!(geo["type"], "FeatureCollection");
    let features = geo["features"].as_array().expect("features");
    assert_eq!(features.len(), 40);
    let ward = features.iter().find(|f| f["id"] == "19753").expect("ward");
    assert!(matches!(
        ward["geometry"]["type"].as_str(),
        Some("Polygon" | "MultiPolygon")
    ));
    assert_eq!(ward["properties"]["received"], 2);

    let units = app.get_json("/api/v1/stats/units", Some(&ioc.token)).await;
    let keys: Vec<&str> = units["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|u| u["key"].as_str().expect("key"))
        .collect();
    assert_eq!(keys.len(), 3, "{keys:?}");
    assert!(keys.contains(&"csgt") && keys.contains(&"ubnd-19753") && keys.contains(&"ubnd-19900"));

    // Time series: city-wide is public; today's bucket holds the three.
    let series = app
        .get_json("/api/v1/stats/timeseries?interval=day", None)
        .await;
    let days = series["items"].as_array().expect("items");
    assert_eq!(days.len(), 1);
    assert_eq!(days[0]["received"], 3);
    // The day's own span: from Huế's midnight (17:00 UTC the day before) to the next one, within
    // the requested period (which ends at the end of today).
    let from: chrono::DateTime<chrono::Utc> = days[0]["from"]
        .as_str()
        .expect("from")
        .parse()
        .expect("time");
    let to: chrono::DateTime<chrono::Utc> =
        days[0]["to"].as_str().expect("to").parse().expect("time");
    assert_eq!(to - from, chrono::TimeDelta::days(1), "{}", days[0]);
    assert_eq!(from.format("%H:%M").to_string(), "17:00");
    assert_eq!(
        days[0]["key"],
        (from + chrono::TimeDelta::hours(7))
            .format("%Y-%m-%d")
            .to_string()
    );
    assert_eq!(
        days[0]["open_backlog"], 0,
        "the backlog is not a figure of a past period"
    );
    for bad in ["interval=year", "format=xml", "format=geojson"] {
        assert_eq!(
            error_code(
                app.get(&format!("/api/v1/stats/timeseries?{bad}"), None)
                    .await
            )
            .await,
            (400, "invalid_query".into()),
            "{bad}"
        );
    }
}

#[tokio::test]
async fn the_participation_basis_follows_registrations_role_changes_and_days() {
    let app = TestApp::spawn().await;
    let mut conn = app.db.conn();
    let tomorrow = Utc::now() + chrono::TimeDelta::days(1);
    let accounts = |conn: &mut hientruong_db::PgConnection, at| {
        hientruong_db::stats::resident_accounts(conn, at).expect("accounts")
    };
    let before = accounts(&mut conn, tomorrow);
    app.resident("mot.nguoi@example.com").await;
    app.resident("0905777888").await;
    app.staff("officer", Some("csgt")).await;
    assert_eq!(accounts(&mut conn, tomorrow), before + 2);
    // Registered today: not among the accounts before today.
    assert_eq!(
        accounts(&mut conn, Utc::now() - chrono::TimeDelta::days(1)),
        0
    );
    // A resident who becomes staff is no longer counted; the count is the accounts' own.
    let id: Uuid = {
        use diesel::prelude::*;
        use hientruong_db::schema::users;
        users::table
            .filter(users::login.eq("mot.nguoi@example.com"))
            .select(users::id)
            .first(&mut conn)
            .expect("user")
    };
    hientruong_db::users::set_role(&mut conn, id, "officer", Some("csgt")).expect("role");
    assert_eq!(accounts(&mut conn, tomorrow), before + 1);
    assert_eq!(
        accounts(&mut conn, tomorrow),
        app.db.count("users WHERE role = 'resident'")
    );
}
