//! A new resident's account is verified before its first report: a six-digit code sent at
//! registration to the login (email through a real SMTP server, SMS through a gateway the test
//! runs), entered in the app; until then reports and supports are refused with
//! `verification_required` and nothing is stored. Codes are single use, void after a few wrong
//! tries, stored only as a digest, and new ones are limited.

use chrono::{TimeDelta, Utc};
use hientruong_domain::limits::{Limited, Limits, Quota};
use hientruong_notify::{Mailer, SmsSender};
use hientruong_tests::figures::Figures;
use hientruong_tests::process::free_port;
use hientruong_tests::sms::SmsGateway;
use hientruong_tests::smtp::SmtpServer;
use hientruong_tests::{CITADEL, TestApp, code_in, error_code, report_at};
use reqwest::Method;
use serde_json::{Value, json};
use uuid::Uuid;

async fn confirm(app: &TestApp, token: &str, code: &str) -> reqwest::Response {
    app.send(
        Method::POST,
        "/api/v1/me/verification/confirm",
        token,
        json!({"code": code}),
    )
    .await
}

async fn ask_again(app: &TestApp, token: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/me/verification"))
        .bearer_auth(token)
        .send()
        .await
        .expect("request")
}

fn token_of(session: &Value) -> String {
    session["access_token"].as_str().expect("token").to_owned()
}

/// A code that is not `code`.
fn other_than(code: &str) -> &'static str {
    if code == "000000" { "000001" } else { "000000" }
}

#[tokio::test]
async fn a_new_account_reports_once_verified_with_the_emailed_code_and_its_refused_report_goes_after()
 {
    let app = TestApp::spawn().await;
    let _figures = Figures::of(
        "a_new_account_reports_once_verified_with_the_emailed_code_and_its_refused_report_goes_after",
        &[&app],
    );
    let neighbour = app.resident("hang.xom@example.com").await;
    let theirs = app.report(&neighbour, "traffic", CITADEL).await;
    let smtp = SmtpServer::start(free_port());
    let worker =
        app.worker_with(Mailer::smtp(&smtp.url(), "Hiện Trường <a@b.vn>").expect("mailer"));
    let login = "moi.dang.ky@example.com";
    app.unverified_resident(login).await;
    let session = app.login(login).await;
    assert_eq!(session["user"]["verified"], false, "{session}");
    let token = token_of(&session);

    // Not verified: the report is refused (nothing stored), so is a support.
    let key = Uuid::new_v4();
    let body = report_at("flooding", CITADEL.0, CITADEL.1);
    assert_eq!(
        error_code(app.submit(&token, key, &body).await).await,
        (403, "verification_required".into())
    );
    assert_eq!(
        error_code(
            app.send(
                Method::PUT,
                &format!("/api/v1/reports/{theirs}/support"),
                &token,
                json!(null)
            )
            .await
        )
        .await,
        (403, "verification_required".into())
    );
    assert_eq!(app.db.count("reports"), 1);

    // The code registration sent, by email (besides the unit's email about the neighbour's
    // report).
    let pass = worker.run_due(Utc::now()).expect("pass");
    assert_eq!((pass.done, pass.failed), (2, 0));
    let messages: Vec<_> = smtp
        .messages()
        .into_iter()
        .filter(|m| m.header("To").is_some_and(|to| to.contains(login)))
        .collect();
    assert_eq!(messages.len(), 1);
    let body_text = messages[0].body();
    assert!(body_text.contains("30 phút"), "{body_text}");
    let code = code_in(&body_text);
    // Only a digest is kept; the outbox forgot the message once sent.
    assert_eq!(app.db.count("jobs WHERE kind = 'account_email'"), 0);
    assert_eq!(
        app.db.count(&format!(
            "account_codes WHERE purpose = 'verification' \
             AND user_id = (SELECT id FROM users WHERE login = '{login}') \
             AND octet_length(code_digest) = 32 AND position('{code}'::bytea IN code_digest) = 0"
        )),
        1
    );

    // Wrong and malformed codes are refused; the right one verifies.
    for bad in [other_than(&code), "12345", "abcdef"] {
        assert_eq!(
            error_code(confirm(&app, &token, bad).await).await,
            (422, "invalid_verification_code".into()),
            "{bad}"
        );
    }
    let res = confirm(&app, &token, &code).await;
    assert_eq!(res.status(), 200);
    let account: Value = res.json().await.expect("json");
    assert_eq!(account["verified"], true, "{account}");
    assert_eq!(account["login"], login);

    // The report the app kept (same key, same body) goes now, with the same token; so does the
    // support.
    let res = app.submit(&token, key, &body).await;
    assert_eq!(res.status(), 201);
    let res = app
        .send(
            Method::PUT,
            &format!("/api/v1/reports/{theirs}/support"),
            &token,
            json!(null),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(app.db.count("reports"), 2);

    // Verified for good: at login, on confirming again (any code), and no new code to ask for.
    assert_eq!(app.login(login).await["user"]["verified"], true);
    assert_eq!(confirm(&app, &token, "999999").await.status(), 200);
    assert_eq!(
        error_code(ask_again(&app, &token).await).await,
        (409, "already_verified".into())
    );
    // Staff never need to verify: an IOC operator's hotline report goes at once.
    let ioc = app.staff("ioc_operator", None).await;
    let mut hotline = report_at("fire", CITADEL.0, CITADEL.1);
    hotline["caller"] = json!({"name": "Người Gọi", "phone": "0905111222"});
    assert_eq!(
        app.submit(&ioc.token, Uuid::new_v4(), &hotline)
            .await
            .status(),
        201
    );
}

#[tokio::test]
async fn a_phone_account_gets_codes_by_sms_a_new_one_voids_the_old_and_asking_is_limited() {
    let mut limits = Limits::none();
    limits.set(
        Limited::VerificationCodesPerAccount,
        vec![Quota::new(2, 3600)],
    );
    let app = TestApp::spawn_with(hientruong_api::Settings {
        limits,
        ..hientruong_tests::settings()
    })
    .await;
    let _figures = Figures::of(
        "a_phone_account_gets_codes_by_sms_a_new_one_voids_the_old_and_asking_is_limited",
        &[&app],
    );
    let gateway = SmsGateway::start();
    let worker = app.worker(&hientruong_tests::temp_dir("mail"));
    let url = gateway.url.clone();
    let run = |at: chrono::DateTime<Utc>| {
        let (worker, url) = (worker.clone(), url.clone());
        async move {
            tokio::task::spawn_blocking(move || {
                let sms = SmsSender::gateway(&url, None).expect("gateway");
                worker.with_sms(sms).run_due(at).expect("pass")
            })
            .await
            .expect("the worker's thread")
        }
    };
    app.unverified_resident("0905 765 432").await;
    let token = token_of(&app.login("0905765432").await);

    // The code of registration, then two more asked for (the third is over the limit).
    assert_eq!(ask_again(&app, &token).await.status(), 202);
    assert_eq!(ask_again(&app, &token).await.status(), 202);
    let res = ask_again(&app, &token).await;
    assert!(res.headers().contains_key("retry-after"));
    assert_eq!(error_code(res).await, (429, "rate_limited".into()));
    let now = Utc::now();
    assert_eq!(run(now).await.done, 3);
    let received = gateway.received();
    assert_eq!(received.len(), 3, "{received:?}");
    let codes: Vec<String> = received
        .iter()
        .map(|r| {
            assert_eq!(r.body["to"], "+84905765432");
            let text = r.body["text"].as_str().expect("text");
            assert!(text.is_ascii() && text.len() <= 160, "{text}");
            assert!(text.contains("xac minh"), "{text}");
            code_in(text)
        })
        .collect();
    let newest = codes.last().expect("a code").clone();
    // The older codes are void (unless one happens to equal the newest).
    for old in &codes[..2] {
        if *old != newest {
            assert_eq!(
                error_code(confirm(&app, &token, old).await).await,
                (422, "invalid_verification_code".into())
            );
        }
    }
    // Five wrong tries void the newest too (counting the void ones above as none).
    let wrong = other_than(&newest);
    for _ in 0..5 {
        assert_eq!(confirm(&app, &token, wrong).await.status(), 422);
    }
    assert_eq!(
        error_code(confirm(&app, &token, &newest).await).await,
        (422, "invalid_verification_code".into())
    );

    // An hour on, a new code (by SMS again) verifies the account, and it reports.
    let res = ask_again(&app, &token).await;
    assert_eq!(error_code(res).await.0, 429, "still within the hour");
    diesel::RunQueryDsl::execute(
        diesel::sql_query("DELETE FROM rate_limits"),
        &mut app.db.conn(),
    )
    .expect("an hour later");
    assert_eq!(ask_again(&app, &token).await.status(), 202);
    assert_eq!(run(now + TimeDelta::minutes(1)).await.done, 1);
    let code = code_in(
        gateway.received().last().expect("sms").body["text"]
            .as_str()
            .expect("text"),
    );
    assert_eq!(confirm(&app, &token, &code).await.status(), 200);
    assert_eq!(app.report(&token, "flooding", CITADEL).await.len(), 36);
}

#[tokio::test]
async fn a_password_reset_code_also_verifies_the_account() {
    let app = TestApp::spawn().await;
    let _figures = Figures::of("a_password_reset_code_also_verifies_the_account", &[&app]);
    let smtp = SmtpServer::start(free_port());
    let worker =
        app.worker_with(Mailer::smtp(&smtp.url(), "Hiện Trường <a@b.vn>").expect("mailer"));
    let login = "quen.ngay@example.com";
    app.unverified_resident(login).await;
    let res = app
        .post_json("/api/v1/auth/password-reset", &json!({"login": login}))
        .await;
    assert_eq!(res.status(), 202);
    assert_eq!(worker.run_due(Utc::now()).expect("pass").done, 2);
    // The reset's code reached the login as surely as the verification's did.
    let reset = smtp
        .messages()
        .iter()
        .map(|m| m.body())
        .find(|body| body.contains("đặt lại mật khẩu"))
        .expect("the reset email");
    let res = app
        .post_json(
            "/api/v1/auth/password-reset/confirm",
            &json!({"login": login, "code": code_in(&reset), "new_password": "mat-khau-moi-123"}),
        )
        .await;
    assert_eq!(res.status(), 204);
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"login": login, "password": "mat-khau-moi-123"}),
        )
        .await;
    let session: Value = res.json().await.expect("json");
    assert_eq!(session["user"]["verified"], true, "{session}");
}
