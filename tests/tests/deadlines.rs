//! Deadlines on the real calendar (office hours, weekends, the holiday table) and the escalation
//! ladder driven by the background worker with an injected clock.

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use diesel::prelude::*;
use hientruong_domain::policy::Actor;
use hientruong_domain::role::Role;
use hientruong_tests::{CITADEL, TestApp, error_code, temp_dir};
use serde_json::{Value, json};
use uuid::Uuid;

/// A local (UTC+7) time in Huế.
fn hue(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    FixedOffset::east_opt(7 * 3600)
        .expect("offset")
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .expect("time")
        .with_timezone(&Utc)
}

fn time(v: &Value) -> DateTime<Utc> {
    serde_json::from_value(v.clone()).expect("a time")
}

/// A report received at `at` (its clock restarted from then), as seen by `token`.
async fn received_at(app: &TestApp, category: &str, at: DateTime<Utc>, token: &str) -> Value {
    let resident = app
        .resident(&format!("dan-{}@example.com", Uuid::new_v4().simple()))
        .await;
    let id = app.report(&resident, category, CITADEL).await;
    hientruong_db::fixtures::set_times(&mut app.db.conn(), id.parse().expect("uuid"), at)
        .expect("set times");
    app.get_json(&format!("/api/v1/tickets/{id}"), Some(token))
        .await
}

#[tokio::test]
async fn the_working_clock_skips_nights_a_weekend_and_the_holidays_on_record() {
    let app = TestApp::spawn().await;
    let admin = app.staff("admin", None).await;
    let ioc = app.staff("ioc_operator", None).await;
    // Friday 2026-08-28, 16:00: one office hour left that day.
    let friday = hue(2026, 8, 28, 16, 0);

    let before = received_at(&app, "traffic", friday, &ioc.token).await;
    // 8 working hours: Friday 16:00-17:00, then Monday 07:30-11:30 and 13:30-16:30.
    assert_eq!(time(&before["accept_due_at"]), hue(2026, 8, 31, 16, 30));
    // 7 working days (52 h 30): without holidays, Tuesday 8 September 16:00.
    assert_eq!(time(&before["resolve_due_at"]), hue(2026, 9, 8, 16, 0));

    // National Day (2/9) and the day before it are holidays in 2026; the administrator says so.
    let res = app
        .client
        .put(app.url("/api/v1/admin/holidays"))
        .bearer_auth(&admin.token)
        .json(&json!([
            {"day": "2026-09-01", "name": "Nghỉ lễ Quốc khánh"},
            {"day": "2026-09-02", "name": "Quốc khánh"}
        ]))
        .send()
        .await
        .expect("put");
    assert_eq!(res.status(), 204);
    let holidays = app
        .get_json("/api/v1/admin/holidays?year=2026", Some(&admin.token))
        .await;
    assert_eq!(holidays.as_array().expect("list").len(), 2);

    let after = received_at(&app, "traffic", friday, &ioc.token).await;
    assert_eq!(time(&after["accept_due_at"]), hue(2026, 8, 31, 16, 30));
    // Two working days later: Thursday 10 September 16:00.
    assert_eq!(time(&after["resolve_due_at"]), hue(2026, 9, 10, 16, 0));
    assert_eq!(after["sla_clock"], "working");

    // A report on a Saturday evening starts counting on Monday morning: 7 h 30 on Monday, then
    // the two holidays, then half an hour on Thursday.
    let saturday = received_at(&app, "traffic", hue(2026, 8, 29, 19, 0), &ioc.token).await;
    assert_eq!(time(&saturday["accept_due_at"]), hue(2026, 9, 3, 8, 0));
}

#[tokio::test]
async fn urgent_categories_count_every_hour_and_policies_are_data() {
    let app = TestApp::spawn().await;
    let admin = app.staff("admin", None).await;
    let night = hue(2026, 8, 29, 22, 0);
    let fire = received_at(&app, "fire", night, &admin.token).await;
    assert_eq!(fire["urgent"], true);
    assert_eq!(fire["sla_clock"], "wall_clock");
    assert_eq!(time(&fire["accept_due_at"]), hue(2026, 8, 29, 22, 30));
    assert_eq!(time(&fire["resolve_due_at"]), hue(2026, 8, 30, 2, 0));

    // The administrator gives traffic reports its own policy: 4 working hours to accept.
    let put = |body: Value| {
        app.client
            .put(app.url("/api/v1/admin/sla-policies"))
            .bearer_auth(&admin.token)
            .json(&body)
            .send()
    };
    let bad = put(json!({"category": "traffic", "urgent": false, "clock": "working", "accept_minutes": 600, "resolve_minutes": 300}))
        .await
        .expect("put");
    assert_eq!(error_code(bad).await, (422, "invalid_policy".into()));
    let res = put(json!({"category": "traffic", "urgent": false, "clock": "working", "accept_minutes": 240, "resolve_minutes": 3150}))
        .await
        .expect("put");
    assert_eq!(res.status(), 200);
    let traffic = received_at(&app, "traffic", hue(2026, 8, 31, 7, 30), &admin.token).await;
    assert_eq!(time(&traffic["accept_due_at"]), hue(2026, 8, 31, 11, 30));
    let policies = app
        .get_json("/api/v1/admin/sla-policies", Some(&admin.token))
        .await;
    assert_eq!(policies.as_array().expect("list").len(), 3);
}

fn events(app: &TestApp, id: Uuid) -> Vec<String> {
    use hientruong_db::schema::report_events;
    report_events::table
        .filter(report_events::report_id.eq(id))
        .order(report_events::id)
        .select(report_events::kind)
        .load(&mut app.db.conn())
        .expect("events")
}

fn level(app: &TestApp, id: Uuid) -> i16 {
    use hientruong_db::schema::reports;
    reports::table
        .find(id)
        .select(reports::escalation_level)
        .first(&mut app.db.conn())
        .expect("level")
}

/// The .eml files written so far, as text.
fn mails(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
                .map(|e| std::fs::read_to_string(e.path()).expect("read"))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn escalations_come_at_75_100_and_150_percent_of_the_time() {
    let app = TestApp::spawn().await;
    let manager = app
        .staff_with_login("unit_manager", Some("csgt"), "truong.csgt@example.com")
        .await;
    let mail_dir = temp_dir("mail");
    let worker = app.worker(&mail_dir);
    // Received Monday 23 November 2026, 09:00: accept by Tuesday 09:30 (8 working hours).
    let monday = hue(2026, 11, 23, 9, 0);
    let ticket = received_at(&app, "traffic", monday, &manager.token).await;
    let id: Uuid = ticket["id"].as_str().expect("id").parse().expect("uuid");
    assert_eq!(time(&ticket["accept_due_at"]), hue(2026, 11, 24, 9, 30));

    let to = |who: &str| {
        mails(&mail_dir)
            .iter()
            .filter(|m| m.contains(&format!("To: {who}")))
            .count()
    };
    // 75 % = 6 working hours: Monday 17:00, a warning to the unit.
    worker.run_due(hue(2026, 11, 23, 16, 59)).expect("pass");
    assert_eq!(level(&app, id), 0);
    assert_eq!(to("csgt@hue.hientruong.invalid"), 0);
    worker.run_due(hue(2026, 11, 23, 17, 0)).expect("pass");
    assert_eq!(level(&app, id), 1);
    assert_eq!(events(&app, id), ["received", "deadline_warning"]);
    assert_eq!(to("csgt@hue.hientruong.invalid"), 1);
    assert!(mails(&mail_dir)[0].contains("Message-ID: <job-"));

    // 100 % = Tuesday 09:30: to the unit manager.
    worker.run_due(hue(2026, 11, 24, 9, 29)).expect("pass");
    assert_eq!(level(&app, id), 1);
    worker.run_due(hue(2026, 11, 24, 9, 30)).expect("pass");
    assert_eq!(level(&app, id), 2);
    assert_eq!(to("truong.csgt@example.com"), 1);
    // 150 % = 12 working hours: Tuesday 15:30, to the IOC.
    worker.run_due(hue(2026, 11, 24, 15, 29)).expect("pass");
    assert_eq!(level(&app, id), 2);
    worker.run_due(hue(2026, 11, 24, 15, 30)).expect("pass");
    assert_eq!(level(&app, id), 3);
    assert_eq!(to("ioc@hue.hientruong.invalid"), 1);
    assert_eq!(
        events(&app, id),
        [
            "received",
            "deadline_warning",
            "escalated_to_manager",
            "escalated_to_ioc"
        ]
    );
    // Later passes change nothing (they only send the new-ticket email, enqueued at the real
    // receipt time, and drop the checks of the deadline from before the receipt time was set).
    worker.run_due(hue(2026, 12, 31, 0, 0)).expect("pass");
    assert_eq!(events(&app, id).len(), 4);
    assert_eq!(level(&app, id), 3);
    assert_eq!(to("ioc@hue.hientruong.invalid"), 1);
    assert_eq!(to("truong.csgt@example.com"), 1);
}

#[tokio::test]
async fn a_ticket_accepted_in_time_is_not_escalated_for_its_accept_deadline() {
    let app = TestApp::spawn().await;
    let officer = app.staff("officer", Some("csgt")).await;
    let mail_dir = temp_dir("mail");
    let worker = app.worker(&mail_dir);
    let monday = hue(2026, 11, 23, 9, 0);
    let ticket = received_at(&app, "traffic", monday, &officer.token).await;
    let id = ticket["id"].as_str().expect("id").to_owned();
    worker.run_due(hue(2026, 11, 23, 17, 0)).expect("pass");
    let uuid: Uuid = id.parse().expect("uuid");
    assert_eq!(level(&app, uuid), 1);
    let accepted = app
        .act_ok(&officer.token, &id, json!({"action": "accept"}))
        .await;
    assert_eq!(
        accepted["escalation_level"], 0,
        "a new deadline starts a new ladder"
    );
    // The accept deadline's remaining checks lapse; the resolve deadline's are scheduled.
    worker.run_due(hue(2026, 11, 24, 16, 0)).expect("pass");
    assert_eq!(level(&app, uuid), 0);
    assert_eq!(
        events(&app, uuid),
        ["received", "deadline_warning", "accept"]
    );
    // Resolve deadline: 52 h 30 of working time from Monday 09:00 = Wednesday 2 December 09:00
    // (no holidays on record).
    assert_eq!(time(&accepted["resolve_due_at"]), hue(2026, 12, 2, 9, 0));
    worker.run_due(hue(2026, 12, 2, 8, 59)).expect("pass");
    assert_eq!(level(&app, uuid), 1);
    worker.run_due(hue(2026, 12, 2, 9, 0)).expect("pass");
    assert_eq!(level(&app, uuid), 2);
}

#[tokio::test]
async fn a_ticket_fresh_from_intake_climbs_the_ladder_on_the_wall_clock() {
    let app = TestApp::spawn().await;
    let mail_dir = temp_dir("mail");
    let worker = app.worker(&mail_dir);
    let resident = app.resident("chay@example.com").await;
    // No times are set: the deadlines are those intake computed (urgent: 30 minutes to accept).
    let id: Uuid = app
        .report(&resident, "fire", CITADEL)
        .await
        .parse()
        .expect("uuid");
    let received: DateTime<Utc> = {
        use hientruong_db::schema::reports;
        reports::table
            .find(id)
            .select(reports::created_at)
            .first(&mut app.db.conn())
            .expect("created")
    };
    let at = |minutes: i64| received + chrono::TimeDelta::minutes(minutes);
    worker.run_due(at(22)).expect("pass");
    assert_eq!(level(&app, id), 0);
    worker.run_due(at(23)).expect("pass"); // 75 % of 30 minutes = 22 min 30 s
    assert_eq!(level(&app, id), 1);
    worker.run_due(at(30)).expect("pass");
    assert_eq!(level(&app, id), 2);
    worker.run_due(at(45)).expect("pass");
    assert_eq!(level(&app, id), 3);
    assert_eq!(
        events(&app, id),
        [
            "received",
            "deadline_warning",
            "escalated_to_manager",
            "escalated_to_ioc"
        ]
    );
}

/// Applies a transition as `actor` at an injected time.
fn act_at(app: &TestApp, actor: &Actor, id: Uuid, action: &str, at: DateTime<Utc>) {
    let transition = hientruong_domain::ticket::TransitionRequest {
        action: action.into(),
        note: None,
        public_answer: Some("Xin cho biết thêm?".into()),
        to_unit: None,
        duplicate_of: None,
        assignee: None,
    }
    .validate()
    .expect("valid");
    hientruong_db::tickets::transition(&mut app.db.conn(), actor, id, &transition, at)
        .expect("transition");
}

fn due(app: &TestApp, id: Uuid) -> (Option<DateTime<Utc>>, DateTime<Utc>) {
    use hientruong_db::schema::reports;
    let (due, resolve): (Option<DateTime<Utc>>, Option<DateTime<Utc>>) = reports::table
        .find(id)
        .select((reports::due_at, reports::resolve_due_at))
        .first(&mut app.db.conn())
        .expect("due");
    (due, resolve.expect("resolve due"))
}

#[tokio::test]
async fn a_pause_moves_the_deadline_by_its_working_time_and_keeps_the_ladder() {
    let app = TestApp::spawn().await;
    let officer = app.staff("officer", Some("csgt")).await;
    let actor = Actor {
        id: officer.id,
        role: Role::Officer,
        unit: Some("csgt".into()),
    };
    let worker = app.worker(&temp_dir("mail"));
    let ticket = received_at(&app, "traffic", hue(2026, 11, 23, 9, 0), &officer.token).await;
    let id: Uuid = ticket["id"].as_str().expect("id").parse().expect("uuid");
    act_at(&app, &actor, id, "accept", hue(2026, 11, 23, 10, 0));
    // 52 h 30 of working time from Monday 23 November 09:00: Wednesday 2 December 09:00.
    assert_eq!(due(&app, id).1, hue(2026, 12, 2, 9, 0));
    // 75 % fell on Monday 30 November: the unit was warned.
    worker.run_due(hue(2026, 12, 1, 9, 0)).expect("pass");
    assert_eq!(level(&app, id), 1);

    // Waiting for the citizen from Tuesday 1 December 12:00 (lunch) to Wednesday 2 December
    // 12:00: the afternoon of the 1st (3 h 30) and the morning of the 2nd (4 h) do not count.
    act_at(&app, &actor, id, "ask_citizen", hue(2026, 12, 1, 12, 0));
    assert_eq!(due(&app, id).0, None);
    assert_eq!(level(&app, id), 1, "a pause keeps the level");
    // While paused nothing escalates, although the old deadline passes.
    worker.run_due(hue(2026, 12, 2, 11, 0)).expect("pass");
    assert_eq!(level(&app, id), 1);
    act_at(&app, &actor, id, "resume", hue(2026, 12, 2, 12, 0));
    let (running, resolve) = due(&app, id);
    assert_eq!(resolve, hue(2026, 12, 3, 9, 0), "7 h 30 later");
    assert_eq!(running, Some(resolve));
    assert_eq!(level(&app, id), 1);
    // The warning is not sent again; the manager is told at the moved deadline.
    worker.run_due(hue(2026, 12, 3, 8, 59)).expect("pass");
    assert_eq!(level(&app, id), 1);
    worker.run_due(hue(2026, 12, 3, 9, 0)).expect("pass");
    assert_eq!(level(&app, id), 2);
    assert_eq!(
        events(&app, id),
        [
            "received",
            "accept",
            "deadline_warning",
            "ask_citizen",
            "resume",
            "escalated_to_manager"
        ]
    );
}
