//! `ticket_facts`: the per-ticket figures the statistics aggregate, derived from the events, exact
//! to the second, and rebuilt identically (or with a changed calendar) from the events alone.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use hientruong_db::schema::ticket_facts;
use hientruong_domain::policy::Actor;
use hientruong_domain::role::Role;
use hientruong_tests::photos::jpeg;
use hientruong_tests::{CITADEL, TestApp, hue_time};
use uuid::Uuid;

fn hue(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    hue_time(2026, 11, day, hour, minute)
}

type Row = (
    Option<DateTime<Utc>>,
    Option<i64>,
    Option<i64>,
    Option<DateTime<Utc>>,
    Option<i64>,
    Option<i64>,
    Option<bool>,
    i32,
    i32,
    Option<i16>,
    String,
);

fn facts(app: &TestApp, id: Uuid) -> Row {
    ticket_facts::table
        .find(id)
        .select((
            ticket_facts::accepted_at,
            ticket_facts::accept_working_s,
            ticket_facts::accept_wall_s,
            ticket_facts::resolved_at,
            ticket_facts::resolve_working_s,
            ticket_facts::resolve_wall_s,
            ticket_facts::resolved_on_time,
            ticket_facts::transfers,
            ticket_facts::reopens,
            ticket_facts::rating,
            ticket_facts::unit_code,
        ))
        .first(&mut app.db.conn())
        .expect("facts")
}

#[tokio::test]
async fn facts_follow_a_ticket_through_a_transfer_a_low_rating_and_a_second_resolution() {
    let app = TestApp::spawn().await;
    let ioc = app.staff("ioc_operator", None).await;
    let fire = app.staff("officer", Some("pccc")).await;
    let reporter_token = app.resident("facts@example.com").await;
    let reporter: Uuid = app.login("facts@example.com").await["user"]["id"]
        .as_str()
        .expect("id")
        .parse()
        .expect("uuid");
    let id: Uuid = app
        .report(&reporter_token, "traffic", CITADEL)
        .await
        .parse()
        .expect("uuid");
    let ioc_actor = Actor {
        id: ioc.id,
        role: Role::IocOperator,
        unit: None,
    };
    let officer = Actor {
        id: fire.id,
        role: Role::Officer,
        unit: Some("pccc".into()),
    };
    // Received Friday 20 November 16:00, Huế time.
    hientruong_db::fixtures::set_times(&mut app.db.conn(), id, hue(20, 16, 0)).expect("times");
    app.act_at(
        &ioc_actor,
        id,
        serde_json::json!({"action": "transfer", "to_unit": "pccc", "note": "PCCC"}),
        hue(20, 16, 30),
    );
    app.act_at(
        &officer,
        id,
        serde_json::json!({"action": "accept"}),
        hue(23, 8, 0),
    );
    let photos = format!("/api/v1/tickets/{id}/photos");
    assert_eq!(
        app.upload(&fire.token, &photos, jpeg(32, 32))
            .await
            .status(),
        201
    );
    app.act_at(
        &officer,
        id,
        serde_json::json!({"action": "resolve", "public_answer": "Xong"}),
        hue(23, 10, 0),
    );
    let first = facts(&app, id);
    assert_eq!(first.3, Some(hue(23, 10, 0)));
    assert_eq!(first.6, Some(true));
    // The reporter is not satisfied: reopened; accepted and resolved again the same afternoon.
    let reporter_actor = Actor {
        id: reporter,
        role: Role::Resident,
        unit: None,
    };
    hientruong_db::tickets::rate(
        &mut app.db.conn(),
        &reporter_actor,
        id,
        2,
        None,
        hue(23, 11, 0),
    )
    .expect("rate");
    let reopened = facts(&app, id);
    assert_eq!((reopened.3, reopened.8, reopened.9), (None, 1, Some(2)));
    app.act_at(
        &officer,
        id,
        serde_json::json!({"action": "accept"}),
        hue(23, 13, 30),
    );
    assert_eq!(
        app.upload(&fire.token, &photos, jpeg(32, 32))
            .await
            .status(),
        201
    );
    app.act_at(
        &officer,
        id,
        serde_json::json!({"action": "resolve", "public_answer": "Xong lần 2"}),
        hue(23, 14, 0),
    );

    let expected: Row = (
        Some(hue(23, 8, 0)),
        // Friday 16:00-17:00 and Monday 07:30-08:00.
        Some(90 * 60),
        Some(64 * 3600),
        Some(hue(23, 14, 0)),
        // Friday 1 h, Monday 07:30-11:30 and 13:30-14:00.
        Some(330 * 60),
        Some(70 * 3600),
        Some(true),
        1,
        1,
        Some(2),
        "pccc".into(),
    );
    assert_eq!(facts(&app, id), expected);

    // Rebuilding from the events alone gives the same row.
    let mut conn = app.db.conn();
    assert_eq!(
        hientruong_db::facts::rebuild(&mut conn).expect("rebuild"),
        1
    );
    assert_eq!(facts(&app, id), expected);
    // With Monday 23 November declared a holiday, the working times change accordingly.
    hientruong_db::sla::put_holidays(
        &mut conn,
        &[hientruong_db::sla::Holiday {
            day: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date"),
            name: "Nghỉ bù".into(),
        }],
    )
    .expect("holiday");
    hientruong_db::facts::rebuild(&mut conn).expect("rebuild");
    let rebuilt = facts(&app, id);
    assert_eq!((rebuilt.1, rebuilt.4), (Some(3600), Some(3600)));
    assert_eq!(
        rebuilt.2,
        Some(64 * 3600),
        "wall-clock time does not change"
    );
}
