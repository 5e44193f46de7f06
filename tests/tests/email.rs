//! Email through the outbox, delivered to a real SMTP server (aiosmtpd) by the background worker.

use std::collections::HashSet;

use chrono::{TimeDelta, Utc};
use hientruong_db::jobs;
use hientruong_notify::Mailer;
use hientruong_tests::process::free_port;
use hientruong_tests::smtp::SmtpServer;
use hientruong_tests::{CITADEL, TestApp};
use serde_json::json;

const FROM: &str = "Hiện Trường <no-reply@hientruong.test>";

#[tokio::test]
async fn an_smtp_outage_delays_mail_but_loses_none_and_sends_none_twice() {
    let app = TestApp::spawn().await;
    let officer = app.staff("officer", Some("csgt")).await;
    let port = free_port();
    let worker =
        app.worker_with(Mailer::smtp(&format!("smtp://127.0.0.1:{port}"), FROM).expect("mailer"));

    // A Vietnamese and an English-speaking reporter; their reports are accepted.
    let vi = app.resident("ba.lan@example.com").await;
    let res = app
        .post_json(
            "/api/v1/auth/register",
            &json!({"login": "anna@example.com", "password": hientruong_tests::TEST_PASSWORD,
                    "full_name": "Anna Smith", "locale": "en"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let anna: serde_json::Value = res.json().await.expect("json");
    app.db
        .verify_account(anna["id"].as_str().expect("id").parse().expect("uuid"));
    let en = app.login("anna@example.com").await["access_token"]
        .as_str()
        .expect("token")
        .to_owned();
    for token in [&vi, &en] {
        let id = app.report(token, "traffic", CITADEL).await;
        app.act_ok(&officer.token, &id, json!({"action": "accept"}))
            .await;
    }
    // Two new-ticket emails to the unit, two "accepted" emails to the reporters.
    let queued = jobs::pending(&mut app.db.conn(), jobs::EMAIL).expect("jobs");
    assert_eq!(queued.len(), 4);

    // The relay is down: every attempt fails and is rescheduled, nothing is lost.
    let now = Utc::now();
    let pass = worker.run_due(now).expect("pass");
    assert_eq!((pass.done, pass.failed), (0, 4));
    let waiting = jobs::pending(&mut app.db.conn(), jobs::EMAIL).expect("jobs");
    assert_eq!(waiting.len(), 4);
    assert!(
        waiting
            .iter()
            .all(|j| j.attempts == 1 && j.dead_at.is_none())
    );
    // (The database keeps microseconds.)
    assert!(
        waiting
            .iter()
            .all(|j| j.run_at > now + TimeDelta::seconds(29))
    );
    assert!(
        waiting[0]
            .last_error
            .as_deref()
            .is_some_and(|e| e.contains("SMTP"))
    );
    // Backoff: nothing is retried before its time.
    assert_eq!(
        worker.run_due(now + TimeDelta::seconds(5)).expect("pass"),
        Default::default()
    );

    // The relay comes back: each message is delivered once.
    let smtp = SmtpServer::start(port);
    let pass = worker.run_due(now + TimeDelta::seconds(31)).expect("pass");
    assert_eq!((pass.done, pass.failed), (4, 0));
    assert_eq!(
        worker
            .run_due(now + TimeDelta::hours(2))
            .expect("pass")
            .done,
        0
    );
    assert!(
        jobs::pending(&mut app.db.conn(), jobs::EMAIL)
            .expect("jobs")
            .is_empty()
    );
    let received = smtp.messages();
    assert_eq!(received.len(), 4);
    let ids: HashSet<_> = received
        .iter()
        .filter_map(|m| m.header("Message-ID"))
        .collect();
    assert_eq!(ids.len(), 4, "distinct Message-IDs");
    let to = |who: &str| {
        received
            .iter()
            .find(|m| m.header("To").as_deref() == Some(who))
            .unwrap_or_else(|| panic!("no mail to {who}"))
            .clone()
    };
    // Subjects are encoded words; the English one is plain ASCII.
    assert!(
        to("anna@example.com")
            .header("Subject")
            .expect("subject")
            .contains("was accepted")
    );
    let vi_subject = to("ba.lan@example.com").header("Subject").expect("subject");
    assert!(vi_subject.starts_with("=?utf-8?"), "{vi_subject}");
    assert_eq!(
        received
            .iter()
            .filter(|m| m.header("To").as_deref() == Some("csgt@hue.hientruong.invalid"))
            .count(),
        2
    );
}

#[tokio::test]
async fn several_workers_at_once_deliver_each_message_exactly_once() {
    let app = TestApp::spawn().await;
    let smtp = SmtpServer::start(free_port());
    let resident = app.resident("nhieu.phan.anh@example.com").await;
    let reports = 24;
    for _ in 0..reports {
        app.report(&resident, "traffic", CITADEL).await;
    }
    let now = Utc::now();
    let workers: Vec<_> = (0..4)
        .map(|_| app.worker_with(Mailer::smtp(&smtp.url(), FROM).expect("mailer")))
        .collect();
    let handles: Vec<_> = workers
        .into_iter()
        .map(|w| std::thread::spawn(move || w.run_due(now).expect("pass")))
        .collect();
    let passes: Vec<_> = handles
        .into_iter()
        .map(|h| h.join().expect("worker thread"))
        .collect();
    let done: usize = passes.iter().map(|p| p.done).sum();
    assert_eq!(done, reports, "{passes:?}");
    assert!(
        passes.iter().filter(|p| p.done > 0).count() > 1,
        "the work was shared: {passes:?}"
    );
    let received = smtp.messages();
    assert_eq!(received.len(), reports);
    let ids: HashSet<_> = received
        .iter()
        .filter_map(|m| m.header("Message-ID"))
        .collect();
    assert_eq!(ids.len(), reports);
}

#[tokio::test]
async fn a_malformed_address_is_set_aside_at_once_for_an_operator() {
    let app = TestApp::spawn().await;
    let mail_dir = hientruong_tests::temp_dir("mail");
    let now = Utc::now();
    jobs::enqueue_email(
        &mut app.db.conn(),
        jobs::EmailJob::new(
            "not an address".into(),
            "vi".into(),
            hientruong_domain::notice::Notice::Accepted {
                tracking_code: "HT-AAAA-AAAA".into(),
            },
        ),
        now,
    )
    .expect("enqueue");
    let pass = app.worker(&mail_dir).run_due(now).expect("pass");
    assert_eq!(pass.failed, 1);
    let dead = jobs::pending(&mut app.db.conn(), jobs::EMAIL).expect("jobs");
    assert_eq!(dead.len(), 1, "kept, not dropped");
    assert!(dead[0].dead_at.is_some());
    assert_eq!(
        app.worker(&mail_dir)
            .run_due(now + TimeDelta::days(1))
            .expect("pass"),
        Default::default()
    );
}
