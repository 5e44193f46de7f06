//! A forgotten password: a code sent to the login (email through a real SMTP server, SMS through
//! a gateway the test runs), single use, short-lived, void after a few wrong tries, stored only as
//! a digest, limited per login and address; the new password ends every session; nothing tells
//! which logins exist.

use chrono::{TimeDelta, Utc};
use hientruong_domain::limits::{Limited, Limits, Quota};
use hientruong_notify::{Mailer, SmsSender};
use hientruong_tests::figures::Figures;
use hientruong_tests::process::free_port;
use hientruong_tests::sms::SmsGateway;
use hientruong_tests::smtp::SmtpServer;
use hientruong_tests::{TEST_PASSWORD, TestApp, code_in, error_code};
use serde_json::json;

const NEW_PASSWORD: &str = "mat-khau-moi-sau-khi-quen";

async fn ask(app: &TestApp, login: &str) -> reqwest::Response {
    app.post_json("/api/v1/auth/password-reset", &json!({"login": login}))
        .await
}

async fn confirm(app: &TestApp, login: &str, code: &str, password: &str) -> reqwest::Response {
    app.post_json(
        "/api/v1/auth/password-reset/confirm",
        &json!({"login": login, "code": code, "new_password": password}),
    )
    .await
}

async fn login_status(app: &TestApp, login: &str, password: &str) -> u16 {
    app.post_json(
        "/api/v1/auth/login",
        &json!({"login": login, "password": password}),
    )
    .await
    .status()
    .as_u16()
}

#[tokio::test]
async fn an_email_login_gets_a_code_by_email_that_sets_a_new_password_once_and_ends_every_session()
{
    let app = TestApp::spawn().await;
    let _figures = Figures::of(
        "an_email_login_gets_a_code_by_email_that_sets_a_new_password_once_and_ends_every_session",
        &[&app],
    );
    let smtp = SmtpServer::start(free_port());
    let worker =
        app.worker_with(Mailer::smtp(&smtp.url(), "Hiện Trường <a@b.vn>").expect("mailer"));
    let login = "quen.matkhau@example.com";
    app.resident(login).await;
    let session = app.login(login).await;
    let refresh = session["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_owned();

    // Known and unknown logins get the same answer; only the known one gets a message.
    for who in [login, "khong.ai@example.com", "0999"] {
        let res = ask(&app, who).await;
        assert_eq!(res.status(), 202, "{who}");
        assert_eq!(res.text().await.expect("body"), "", "{who}");
    }
    assert_eq!(
        app.db
            .count("account_codes WHERE purpose = 'password_reset'"),
        1
    );
    let pass = worker.run_due(Utc::now()).expect("pass");
    assert_eq!((pass.done, pass.failed), (1, 0));
    let messages = smtp.messages();
    assert_eq!(messages.len(), 1);
    assert!(messages[0].header("To").expect("to").contains(login));
    let body = messages[0].body();
    let code = code_in(&body);
    assert!(body.contains("15 phút"), "{body}");
    // Only a digest is kept, and the outbox forgets the message once it is sent.
    assert_eq!(app.db.count("jobs"), 0);
    let stored: Vec<u8> = {
        use diesel::RunQueryDsl;
        #[derive(diesel::QueryableByName)]
        struct Row {
            #[diesel(sql_type = diesel::sql_types::Bytea)]
            code_digest: Vec<u8>,
        }
        diesel::sql_query("SELECT code_digest FROM account_codes WHERE purpose = 'password_reset'")
            .get_result::<Row>(&mut app.db.conn())
            .expect("row")
            .code_digest
    };
    assert_eq!(stored.len(), 32);
    assert!(!stored.windows(6).any(|w| w == code.as_bytes()));

    // A weak password spends no try; a wrong code spends one; a malformed one is refused.
    assert_eq!(
        error_code(confirm(&app, login, &code, "ngan").await).await,
        (422, "weak_password".into())
    );
    let wrong = if code == "000000" { "000001" } else { "000000" };
    for bad in [wrong, "12345", "abcdef"] {
        assert_eq!(
            error_code(confirm(&app, login, bad, NEW_PASSWORD).await).await,
            (422, "invalid_reset_code".into()),
            "{bad}"
        );
    }
    assert_eq!(
        error_code(confirm(&app, "khong.ai@example.com", &code, NEW_PASSWORD).await).await,
        (422, "invalid_reset_code".into())
    );
    // The right code, typed in another spelling of the login.
    let res = confirm(&app, "Quen.MatKhau@Example.com ", &code, NEW_PASSWORD).await;
    assert_eq!(res.status(), 204);
    assert_eq!(login_status(&app, login, TEST_PASSWORD).await, 401);
    assert_eq!(login_status(&app, login, NEW_PASSWORD).await, 200);
    let res = app
        .post_json("/api/v1/auth/refresh", &json!({"refresh_token": refresh}))
        .await;
    assert_eq!(res.status(), 401, "the session before the reset is over");
    // Spent.
    assert_eq!(
        error_code(confirm(&app, login, &code, "mot-mat-khau-khac").await).await,
        (422, "invalid_reset_code".into())
    );
    assert_eq!(login_status(&app, login, NEW_PASSWORD).await, 200);
}

#[tokio::test]
async fn a_phone_login_gets_its_code_by_sms_through_the_gateway_once_despite_a_failure() {
    let app = TestApp::spawn().await;
    let _figures = Figures::of(
        "a_phone_login_gets_its_code_by_sms_through_the_gateway_once_despite_a_failure",
        &[&app],
    );
    let gateway = SmsGateway::start();
    // The gateway's client is a blocking one (the worker runs on threads of its own): the
    // worker is made, run and dropped off the test's async runtime.
    let worker = app.worker(&hientruong_tests::temp_dir("mail"));
    let url = gateway.url.clone();
    let run = |at: chrono::DateTime<Utc>| {
        let (worker, url) = (worker.clone(), url.clone());
        async move {
            tokio::task::spawn_blocking(move || {
                let sms = SmsSender::gateway(&url, Some("bi-mat-cong".into())).expect("gateway");
                worker.with_sms(sms).run_due(at).expect("pass")
            })
            .await
            .expect("the worker's thread")
        }
    };
    app.resident("0905 123 457").await;

    // Two codes: the second voids the first.
    assert_eq!(ask(&app, "0905123457").await.status(), 202);
    assert_eq!(ask(&app, "+84 905 123 457").await.status(), 202);
    // The gateway fails once; the worker retries later and the message arrives once.
    gateway.answer(&[500]);
    let now = Utc::now();
    let first = run(now).await;
    assert_eq!((first.done, first.failed), (1, 1));
    let later = run(now + TimeDelta::minutes(5)).await;
    assert_eq!((later.done, later.failed), (1, 0));
    assert_eq!(run(now + TimeDelta::hours(1)).await, Default::default());
    let received = gateway.received();
    assert_eq!(received.len(), 3, "{received:?}");
    let statuses: Vec<u16> = received.iter().map(|r| r.status).collect();
    assert_eq!(statuses, [500, 200, 200]);
    for r in &received {
        assert_eq!(r.authorization.as_deref(), Some("Bearer bi-mat-cong"));
        assert_eq!(r.body["to"], "+84905123457");
        let text = r.body["text"].as_str().expect("text");
        assert!(text.is_ascii() && text.len() <= 160, "{text}");
        assert_eq!(
            r.body.as_object().expect("object").len(),
            2,
            "only to and text"
        );
    }
    // Two messages (two codes); the one that failed came again, as the same message, once.
    let failed = &received[statuses.iter().position(|s| *s == 500).expect("a failure")];
    let again: Vec<_> = received
        .iter()
        .filter(|r| r.idempotency_key == failed.idempotency_key)
        .collect();
    assert_eq!(again.len(), 2);
    assert_eq!(again[0].body, again[1].body);
    let mut codes: Vec<String> = received
        .iter()
        .map(|r| code_in(r.body["text"].as_str().expect("text")))
        .collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 2);
    // The newer code voided the older: one code is open, and only one of the two works.
    let open = {
        use diesel::RunQueryDsl;
        #[derive(diesel::QueryableByName)]
        struct Open {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        diesel::sql_query("SELECT count(*) AS n FROM account_codes WHERE purpose = 'password_reset' AND used_at IS NULL")
            .get_result::<Open>(&mut app.db.conn())
            .expect("open")
            .n
    };
    assert_eq!(open, 1, "one open code");
    let mut worked = Vec::new();
    for code in &codes {
        let res = confirm(&app, "0905123457", code, NEW_PASSWORD).await;
        worked.push(res.status().as_u16());
    }
    assert_eq!(
        worked.iter().filter(|s| **s == 204).count(),
        1,
        "{worked:?}"
    );
    assert_eq!(login_status(&app, "0905123457", NEW_PASSWORD).await, 200);
}

#[tokio::test]
async fn a_code_is_void_after_five_wrong_tries_and_after_fifteen_minutes() {
    let app = TestApp::spawn().await;
    let _figures = Figures::of(
        "a_code_is_void_after_five_wrong_tries_and_after_fifteen_minutes",
        &[&app],
    );
    let mail = hientruong_tests::temp_dir("mail");
    let worker = app.worker(&mail);
    let login = "thu.sai@example.com";
    app.resident(login).await;
    let code_sent = |dir: &std::path::Path| -> String {
        let mut newest = std::fs::read_dir(dir)
            .expect("mail dir")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect::<Vec<_>>();
        newest.sort_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
        let raw = std::fs::read_to_string(newest.last().expect("a message")).expect("eml");
        code_in(&hientruong_tests::smtp::Received { raw }.body())
    };

    assert_eq!(ask(&app, login).await.status(), 202);
    worker.run_due(Utc::now()).expect("pass");
    let code = code_sent(&mail);
    let wrong = if code == "999999" { "999998" } else { "999999" };
    for _ in 0..5 {
        assert_eq!(
            error_code(confirm(&app, login, wrong, NEW_PASSWORD).await).await,
            (422, "invalid_reset_code".into())
        );
    }
    assert_eq!(
        error_code(confirm(&app, login, &code, NEW_PASSWORD).await).await,
        (422, "invalid_reset_code".into()),
        "void after five wrong tries"
    );

    assert_eq!(ask(&app, login).await.status(), 202);
    worker.run_due(Utc::now()).expect("pass");
    let code = code_sent(&mail);
    {
        use diesel::RunQueryDsl;
        diesel::sql_query(
            "UPDATE account_codes SET expires_at = now() - interval '1 second' WHERE used_at IS NULL",
        )
        .execute(&mut app.db.conn())
        .expect("expire");
    }
    assert_eq!(
        error_code(confirm(&app, login, &code, NEW_PASSWORD).await).await,
        (422, "invalid_reset_code".into()),
        "expired"
    );
    assert_eq!(login_status(&app, login, TEST_PASSWORD).await, 200);
}

#[tokio::test]
async fn asking_is_limited_per_login_and_address_the_same_for_unknown_logins() {
    let mut limits = Limits::none();
    limits.set(Limited::PasswordResetsPerLogin, vec![Quota::new(3, 3600)]);
    limits.set(Limited::PasswordResetsPerAddress, vec![Quota::new(8, 3600)]);
    let app = TestApp::spawn_with(hientruong_api::Settings {
        limits,
        ..hientruong_tests::settings()
    })
    .await;
    let _figures = Figures::of(
        "asking_is_limited_per_login_and_address_the_same_for_unknown_logins",
        &[&app],
    );
    app.resident("gioi.han@example.com").await;
    for who in ["gioi.han@example.com", "khong.co@example.com"] {
        for n in 0..3 {
            assert_eq!(ask(&app, who).await.status(), 202, "{who} #{n}");
        }
        let res = ask(&app, who).await;
        assert!(res.headers().contains_key("retry-after"));
        assert_eq!(error_code(res).await, (429, "rate_limited".into()), "{who}");
    }
    // The address's own budget: 8 in all, 6 taken above, the refused ones took none.
    assert_eq!(ask(&app, "mot@example.com").await.status(), 202);
    assert_eq!(ask(&app, "hai@example.com").await.status(), 202);
    assert_eq!(
        error_code(ask(&app, "ba@example.com").await).await,
        (429, "rate_limited".into())
    );
    // Only the real account's three codes were issued.
    assert_eq!(
        app.db
            .count("account_codes WHERE purpose = 'password_reset'"),
        3
    );
}

#[tokio::test]
async fn a_reset_opens_a_login_its_owner_locked_by_guessing() {
    let mut limits = Limits::none();
    limits.set(Limited::LoginsPerLoginAndAddress, vec![Quota::new(3, 900)]);
    let app = TestApp::spawn_with(hientruong_api::Settings {
        limits,
        ..hientruong_tests::settings()
    })
    .await;
    let _figures = Figures::of(
        "a_reset_opens_a_login_its_owner_locked_by_guessing",
        &[&app],
    );
    let mail = hientruong_tests::temp_dir("mail");
    let login = "doan.mo@example.com";
    app.resident(login).await;
    for _ in 0..3 {
        assert_eq!(login_status(&app, login, "doan-mat-khau-sai").await, 401);
    }
    assert_eq!(
        login_status(&app, login, TEST_PASSWORD).await,
        429,
        "locked here"
    );
    assert_eq!(ask(&app, login).await.status(), 202);
    app.worker(&mail).run_due(Utc::now()).expect("pass");
    let eml = std::fs::read_dir(&mail)
        .expect("mail dir")
        .flatten()
        .find(|e| e.path().extension().is_some_and(|x| x == "eml"))
        .expect("a message");
    let raw = std::fs::read_to_string(eml.path()).expect("eml");
    let code = code_in(&hientruong_tests::smtp::Received { raw }.body());
    assert_eq!(
        confirm(&app, login, &code, NEW_PASSWORD).await.status(),
        204
    );
    assert_eq!(login_status(&app, login, NEW_PASSWORD).await, 200);
}
