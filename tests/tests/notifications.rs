//! Residents hear back (issue 14): the followers of a report (its reporter and supporters) are
//! told of each public step in the app, by email through a real SMTP server and by Web Push to a
//! push service the test runs (its VAPID signature checked and its payload decrypted by Mozilla's
//! reference implementation), as each chose.

use chrono::{TimeDelta, Utc};
use hientruong_db::jobs;
use hientruong_notify::Mailer;
use hientruong_tests::photos::jpeg;
use hientruong_tests::process::free_port;
use hientruong_tests::push::PushService;
use hientruong_tests::smtp::SmtpServer;
use hientruong_tests::{CITADEL, TestApp, error_code, run_with_push, vapid_key};
use reqwest::Method;
use serde_json::{Value, json};

const FROM: &str = "Hiện Trường <no-reply@hientruong.test>";

async fn support(app: &TestApp, token: &str, report: &str) {
    let res = app
        .send(
            Method::PUT,
            &format!("/api/v1/reports/{report}/support"),
            token,
            json!({}),
        )
        .await;
    assert!(res.status().is_success(), "{}", res.status());
}

async fn notifications(app: &TestApp, token: &str) -> Value {
    app.get_json("/api/v1/me/notifications", Some(token)).await
}

async fn read(app: &TestApp, token: &str, up_to: i64) -> Value {
    let res = app
        .post_auth(
            "/api/v1/me/notifications/read",
            token,
            &json!({"up_to": up_to}),
        )
        .await;
    assert_eq!(res.status(), 200);
    res.json().await.expect("json")
}

async fn subscribe(app: &TestApp, token: &str, body: &Value) -> reqwest::Response {
    app.post_auth("/api/v1/me/push-subscriptions", token, body)
        .await
}

fn kinds(page: &Value) -> Vec<&str> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|n| n["kind"].as_str().expect("kind"))
        .collect()
}

#[tokio::test]
async fn followers_hear_of_each_public_step_in_the_app_and_by_email_as_they_chose() {
    let app = TestApp::spawn().await;
    let officer = app.staff("officer", Some("csgt")).await;
    let reporter = app.resident("nguoi.bao@example.com").await;
    let neighbour = app.resident("hang.xom@example.com").await;
    let quiet = app.resident("yen.lang@example.com").await;
    let by_phone = app.resident("0905123456").await;
    let report = app.report(&reporter, "traffic", CITADEL).await;
    for token in [&neighbour, &quiet, &by_phone] {
        support(&app, token, &report).await;
    }
    // One supporter wants no email about reports; the choice is kept as given.
    let mut choice = app.get_json("/api/v1/me/preferences", Some(&quiet)).await;
    assert_eq!(
        choice,
        json!({"push": {"updates": true, "alerts": true}, "email": {"updates": true, "alerts": true}})
    );
    choice["email"]["updates"] = json!(false);
    let res = app
        .send(
            Method::PUT,
            "/api/v1/me/preferences",
            &quiet,
            choice.clone(),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        app.get_json("/api/v1/me/preferences", Some(&quiet)).await,
        choice
    );
    let (status, code) = error_code(
        app.send(
            Method::PUT,
            "/api/v1/me/preferences",
            &quiet,
            json!({"push": {"updates": true}}),
        )
        .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (400, "invalid_json"));

    // The unit's steps: internal ones (an assignment, a note) are nobody's news.
    app.act_ok(&officer.token, &report, json!({"action": "accept"}))
        .await;
    app.act_ok(
        &officer.token,
        &report,
        json!({"action": "comment", "note": "Nội bộ: gọi đội 2"}),
    )
    .await;
    app.act_ok(&officer.token, &report, json!({"action": "start"}))
        .await;
    app.act_ok(
        &officer.token,
        &report,
        json!({"action": "ask_citizen", "public_answer": "Ổ gà ở trước số nhà nào?"}),
    )
    .await;
    app.act_ok(
        &officer.token,
        &report,
        json!({"action": "resume", "note": "Người dân đã trả lời qua điện thoại"}),
    )
    .await;
    let res = app
        .upload(
            &officer.token,
            &format!("/api/v1/tickets/{report}/photos"),
            jpeg(64, 48),
        )
        .await;
    assert_eq!(res.status(), 201);
    let answer = "Đã vá ổ gà trước số 12.";
    app.act_ok(
        &officer.token,
        &report,
        json!({"action": "resolve", "public_answer": answer}),
    )
    .await;

    // In the app, every follower has the three public steps, newest first, all unread.
    for token in [&reporter, &neighbour, &quiet, &by_phone] {
        let page = notifications(&app, token).await;
        assert_eq!(
            kinds(&page),
            ["resolved", "needs_information", "accepted"],
            "{page}"
        );
        assert_eq!(page["unread"], 3);
        let resolved = &page["items"][0];
        assert_eq!(resolved["report_id"], report.as_str());
        assert_eq!(resolved["text"], answer);
        assert_eq!(resolved["read"], false);
        assert!(
            resolved["photo_url"]
                .as_str()
                .is_some_and(|u| u.starts_with("/media/variants/")),
            "{resolved}"
        );
        assert!(
            resolved["url"]
                .as_str()
                .is_some_and(|u| u.ends_with(&format!("/#/reports/{report}"))),
            "{resolved}"
        );
        assert_eq!(page["items"][1]["text"], "Ổ gà ở trước số nhà nào?");
        // Nothing of anyone's identity: not the reporter's login, nor the officer's.
        let text = page.to_string();
        assert!(
            !text.contains("nguoi.bao") && !text.contains("canbo."),
            "{text}"
        );
    }
    // Staff follow nothing.
    assert_eq!(
        kinds(&notifications(&app, &officer.token).await),
        Vec::<&str>::new()
    );

    // Reading up to the newest one reads them all; reading never goes back.
    let page = notifications(&app, &neighbour).await;
    let newest = page["items"][0]["id"].as_i64().expect("id");
    let oldest = page["items"][2]["id"].as_i64().expect("id");
    assert_eq!(read(&app, &neighbour, oldest).await["unread"], 2);
    assert_eq!(read(&app, &neighbour, newest).await["unread"], 0);
    assert_eq!(read(&app, &neighbour, oldest).await["unread"], 0);
    let page = notifications(&app, &neighbour).await;
    assert_eq!(page["unread"], 0);
    assert!(
        page["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|n| n["read"] == true)
    );
    // Another's reading is their own.
    assert_eq!(notifications(&app, &reporter).await["unread"], 3);
    // Pages: one at a time, each `next_before` leading to the next.
    let first = app
        .get_json("/api/v1/me/notifications?limit=2", Some(&reporter))
        .await;
    assert_eq!(kinds(&first), ["resolved", "needs_information"]);
    let next = first["next_before"].as_i64().expect("a next page");
    let second = app
        .get_json(
            &format!("/api/v1/me/notifications?limit=2&before={next}"),
            Some(&reporter),
        )
        .await;
    assert_eq!(kinds(&second), ["accepted"]);
    assert_eq!(second["next_before"], Value::Null);

    // Email: the relay is down first. Nothing is lost, and nothing is sent twice once it is up.
    let port = free_port();
    let worker =
        app.worker_with(Mailer::smtp(&format!("smtp://127.0.0.1:{port}"), FROM).expect("mailer"));
    let now = Utc::now();
    let down = worker.run_due(now).expect("pass");
    assert_eq!(down.done, 0);
    assert!(down.failed > 0);
    let smtp = SmtpServer::start(port);
    let later = now + TimeDelta::hours(2);
    worker.run_due(later).expect("pass");
    worker.run_due(later).expect("again: nothing left");
    assert!(
        jobs::pending(&mut app.db.conn(), jobs::EMAIL)
            .expect("jobs")
            .is_empty()
    );
    let messages = smtp.messages();
    let to = |login: &str| {
        messages
            .iter()
            .filter(|m| m.header("To").as_deref() == Some(login))
            .collect::<Vec<_>>()
    };
    // The reporter and the neighbour: one email per step. The quiet supporter chose none; a
    // phone login gets none (no SMS for news).
    for login in ["nguoi.bao@example.com", "hang.xom@example.com"] {
        let mails = to(login);
        assert_eq!(mails.len(), 3, "{login}");
        let ids: std::collections::HashSet<_> =
            mails.iter().map(|m| m.header("Message-ID")).collect();
        assert_eq!(ids.len(), 3, "no message twice");
        for mail in mails {
            let body = mail.body();
            assert!(
                body.contains(&format!("/#/reports/{report}")),
                "linked to the report: {body}"
            );
            let unsubscribe = mail.header("List-Unsubscribe").expect("List-Unsubscribe");
            assert_eq!(
                mail.header("List-Unsubscribe-Post").as_deref(),
                Some("List-Unsubscribe=One-Click")
            );
            let url = unsubscribe.trim_matches(['<', '>']);
            assert!(url.starts_with(&app.url("/api/v1/unsubscribe/")), "{url}");
            assert!(body.contains(url), "the link is in the body too");
        }
        // The resolution's email links its after photo's thumbnail, which answers.
        let resolved = to(login)
            .into_iter()
            .map(|m| m.body())
            .find(|b| b.contains(answer))
            .expect("the resolution's email");
        let photo = resolved
            .lines()
            .find_map(|l| {
                l.split_once(": ")
                    .map(|(_, u)| u)
                    .filter(|u| u.contains("/media/variants/"))
            })
            .unwrap_or_else(|| panic!("{resolved}"))
            .to_owned();
        assert_eq!(
            reqwest::get(&photo).await.expect("photo").status(),
            200,
            "{photo}"
        );
    }
    assert!(to("yen.lang@example.com").is_empty());
    assert_eq!(messages.len(), 6 + 1, "and the unit's new-ticket email");

    // One click on the neighbour's link (as a mail program does it): no more email for them,
    // but still everything in the app. A link opened in a browser changes nothing by itself.
    let link = to("hang.xom@example.com")[0]
        .header("List-Unsubscribe")
        .expect("link")
        .trim_matches(['<', '>'])
        .to_owned();
    let page = reqwest::get(&link).await.expect("get");
    assert_eq!(page.status(), 200);
    assert!(
        page.text()
            .await
            .expect("page")
            .contains("<form method=\"post\"")
    );
    assert_eq!(
        app.get_json("/api/v1/me/preferences", Some(&neighbour))
            .await["email"]["updates"],
        true
    );
    let res = reqwest::Client::new()
        .post(&link)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), 200);
    assert_eq!(
        app.get_json("/api/v1/me/preferences", Some(&neighbour))
            .await["email"],
        json!({"updates": false, "alerts": false})
    );
    let nobody = app.url(&format!("/api/v1/unsubscribe/{}", uuid::Uuid::new_v4()));
    let res = reqwest::Client::new()
        .post(&nobody)
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), 404);
    // The reporter rates it 2: reopened. The supporters hear of it (in the app; the neighbour
    // by no email now), the reporter who did it does not.
    let res = app
        .post_auth(
            &format!("/api/v1/reports/{report}/rating"),
            &reporter,
            &json!({"score": 2, "comment": "Vẫn còn ổ gà"}),
        )
        .await;
    assert_eq!(
        res.status(),
        201,
        "{}",
        res.text().await.unwrap_or_default()
    );
    assert_eq!(kinds(&notifications(&app, &neighbour).await)[0], "reopened");
    assert_eq!(kinds(&notifications(&app, &reporter).await)[0], "resolved");
    worker.run_due(later).expect("pass");
    let reopened: Vec<_> = smtp
        .messages()
        .into_iter()
        .filter(|m| m.header("To").is_some_and(|t| t != "hang.xom@example.com"))
        .filter(|m| m.body().contains("mở lại"))
        .collect();
    assert!(
        reopened
            .iter()
            .all(|m| m.header("To").as_deref() != Some("nguoi.bao@example.com")),
        "the reporter is not told what they did"
    );
    assert!(
        smtp.messages()
            .iter()
            .filter(|m| m.header("To").as_deref() == Some("hang.xom@example.com"))
            .count()
            == 3,
        "no email after unsubscribing"
    );
}

#[tokio::test]
async fn a_duplicate_names_the_report_handled_instead() {
    let app = TestApp::spawn().await;
    let officer = app.staff("officer", Some("csgt")).await;
    let first = app.resident("truoc@example.com").await;
    let second = app.resident("sau@example.com").await;
    let original = app.report(&first, "traffic", CITADEL).await;
    let copy = app
        .report(&second, "traffic", (CITADEL.0 + 0.0005, CITADEL.1))
        .await;
    app.act_ok(
        &officer.token,
        &copy,
        json!({"action": "mark_duplicate", "duplicate_of": original,
               "public_answer": "Đã có người phản ánh điểm này."}),
    )
    .await;
    let page = notifications(&app, &second).await;
    assert_eq!(kinds(&page), ["duplicate"]);
    let told = &page["items"][0];
    assert_eq!(told["report_id"], copy.as_str());
    assert_eq!(told["original_id"], original.as_str());
    assert_eq!(told["text"], "Đã có người phản ánh điểm này.");
    assert_eq!(
        kinds(&notifications(&app, &first).await),
        Vec::<&str>::new()
    );
}

#[tokio::test]
async fn pushes_are_signed_encrypted_for_each_browser_and_retried_or_forgotten() {
    let app = TestApp::spawn().await;
    let service = PushService::start();
    let officer = app.staff("officer", Some("csgt")).await;
    let reporter = app.resident("day.push@example.com").await;
    let supporter = app.resident("0905111222").await;
    let report = app.report(&reporter, "traffic", CITADEL).await;
    support(&app, &supporter, &report).await;

    // The key browsers subscribe with.
    let key = app.get_json("/api/v1/push/key", None).await;
    assert_eq!(key["public_key"], vapid_key().public_base64url());

    // The reporter's phone and an old browser that is gone; the supporter's flaky one.
    let phone = service.subscribe("ok").await;
    let old = service.subscribe("gone").await;
    let flaky = service.subscribe("flaky").await;
    assert_eq!(subscribe(&app, &reporter, &phone).await.status(), 201);
    assert_eq!(
        subscribe(&app, &reporter, &phone).await.status(),
        200,
        "idempotent"
    );
    assert_eq!(subscribe(&app, &reporter, &old).await.status(), 201);
    let mut with_expiry = flaky.clone();
    with_expiry["expirationTime"] = Value::Null;
    assert_eq!(
        subscribe(&app, &supporter, &with_expiry).await.status(),
        201
    );
    // Only the configured push services, keys of the right shape.
    for bad in [
        json!({"endpoint": "http://10.0.0.1/push/1", "keys": phone["keys"]}),
        json!({"endpoint": "http://localhost:9/x", "keys": phone["keys"]}),
        json!({"endpoint": phone["endpoint"], "keys": {"p256dh": "AAAA", "auth": phone["keys"]["auth"]}}),
        json!({"endpoint": phone["endpoint"], "keys": {"p256dh": phone["keys"]["p256dh"], "auth": "c2hvcnQ"}}),
    ] {
        let (status, code) = error_code(subscribe(&app, &reporter, &bad).await).await;
        assert_eq!(
            (status, code.as_str()),
            (422, "invalid_push_subscription"),
            "{bad}"
        );
    }
    assert_eq!(app.db.count("push_subscriptions"), 3);

    app.act_ok(&officer.token, &report, json!({"action": "accept"}))
        .await;
    assert_eq!(
        jobs::pending(&mut app.db.conn(), jobs::PUSH)
            .expect("jobs")
            .len(),
        3
    );
    let worker = app.worker(&hientruong_tests::temp_dir("mail"));
    let now = Utc::now();
    let first = run_with_push(&worker, now).await;
    // The phone's push is delivered, the gone browser's subscription forgotten, the flaky one
    // answered 500 and waits to be retried.
    let received = service.received().await;
    assert_eq!(received.len(), 3, "{received:?}");
    let delivered: Vec<&Value> = received.iter().filter(|r| r["status"] == 201).collect();
    assert_eq!(delivered.len(), 1);
    assert_eq!(
        app.db.count("push_subscriptions"),
        2,
        "the gone one forgotten"
    );
    let waiting = jobs::pending(&mut app.db.conn(), jobs::PUSH).expect("jobs");
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].attempts, 1);
    assert!(first.failed >= 1);

    // Each push: a valid VAPID signature by the server's key for the push service's origin,
    // encrypted with aes128gcm for that browser's keys, and only public words inside.
    for r in &received {
        assert_eq!(r["vapid_ok"], true, "{r}");
        assert_eq!(r["alg"], "ES256");
        assert_eq!(r["aud"], service.origin.as_str());
        assert_eq!(r["sub"], hientruong_tests::VAPID_SUBJECT);
        assert_eq!(r["vapid_k"], vapid_key().public_base64url());
        assert_eq!(r["content_encoding"], "aes128gcm");
        assert_eq!(r["ttl"], "43200");
        assert_eq!(r["urgency"], "normal");
        assert!(r["bytes"].as_u64().is_some_and(|b| b <= 3 * 1024), "{r}");
        let payload: Value =
            serde_json::from_str(r["payload"].as_str().unwrap_or_else(|| panic!("{r}")))
                .expect("a JSON payload");
        assert_eq!(payload["url"], format!("/#/reports/{report}"));
        assert_eq!(payload["tag"], format!("report-{report}"));
        let code = app
            .get_json(&format!("/api/v1/reports/{report}"), None)
            .await["tracking_code"]
            .as_str()
            .expect("code")
            .to_owned();
        assert!(payload["title"].as_str().expect("title").contains(&code));
        assert!(!payload["body"].as_str().expect("body").is_empty());
        assert!(!r["payload"].as_str().expect("payload").contains("day.push"));
    }

    // The retry after its backoff delivers the flaky browser's push, once.
    run_with_push(&worker, now + TimeDelta::minutes(5)).await;
    run_with_push(&worker, now + TimeDelta::minutes(10)).await;
    let received = service.received().await;
    let flaky_endpoint = flaky["endpoint"].as_str().expect("endpoint");
    let flaky_id = flaky_endpoint.rsplit('/').next().expect("id");
    let to_flaky: Vec<u64> = received
        .iter()
        .filter(|r| r["subscription"] == flaky_id)
        .map(|r| r["status"].as_u64().expect("status"))
        .collect();
    assert_eq!(to_flaky, [500, 201]);
    assert!(
        jobs::pending(&mut app.db.conn(), jobs::PUSH)
            .expect("jobs")
            .is_empty()
    );

    // Unsubscribing a browser stops its pushes; the list in the app still has everything.
    let res = app
        .send(
            Method::DELETE,
            "/api/v1/me/push-subscriptions",
            &reporter,
            json!({"endpoint": phone["endpoint"]}),
        )
        .await;
    assert_eq!(res.status(), 204);
    // Turning pushes off stops them too.
    let res = app
        .send(
            Method::PUT,
            "/api/v1/me/preferences",
            &supporter,
            json!({"push": {"updates": false, "alerts": true}, "email": {"updates": true, "alerts": true}}),
        )
        .await;
    assert_eq!(res.status(), 200);
    app.act_ok(&officer.token, &report, json!({"action": "start"}))
        .await;
    app.act_ok(
        &officer.token,
        &report,
        json!({"action": "ask_citizen", "public_answer": "Ở đâu?"}),
    )
    .await;
    assert!(
        jobs::pending(&mut app.db.conn(), jobs::PUSH)
            .expect("jobs")
            .is_empty()
    );
    assert_eq!(
        kinds(&notifications(&app, &reporter).await),
        ["needs_information", "accepted"]
    );
    assert_eq!(
        kinds(&notifications(&app, &supporter).await),
        ["needs_information", "accepted"]
    );

    // A push waiting for a browser that someone else signs in to meanwhile is not theirs to read.
    assert_eq!(subscribe(&app, &reporter, &phone).await.status(), 201);
    app.act_ok(
        &officer.token,
        &report,
        json!({"action": "resume", "note": "Đã rõ"}),
    )
    .await;
    app.act_ok(
        &officer.token,
        &report,
        json!({"action": "ask_citizen", "public_answer": "Còn ở đó không?"}),
    )
    .await;
    assert_eq!(
        jobs::pending(&mut app.db.conn(), jobs::PUSH)
            .expect("jobs")
            .len(),
        1
    );
    assert_eq!(
        subscribe(&app, &supporter, &phone).await.status(),
        200,
        "taken over"
    );
    let before = service.received().await.len();
    run_with_push(&worker, now + TimeDelta::minutes(20)).await;
    assert_eq!(
        service.received().await.len(),
        before,
        "nothing pushed to the new owner"
    );
    assert!(
        jobs::pending(&mut app.db.conn(), jobs::PUSH)
            .expect("jobs")
            .is_empty()
    );
}

#[tokio::test]
async fn area_alerts_tell_each_new_report_once_in_a_digest_never_ones_own() {
    let app = TestApp::spawn().await;
    let watcher = app.resident("canh.gac@example.com").await;
    let neighbour = app.resident("ben.canh@example.com").await;
    let alerts = "/api/v1/me/alerts";
    // A traffic report in the Citadel's ward gives the ward's code.
    let first = app.report(&neighbour, "traffic", CITADEL).await;
    let ward = app
        .get_json(&format!("/api/v1/reports/{first}"), None)
        .await["commune"]["code"]
        .as_str()
        .expect("commune")
        .to_owned();

    // Two alerts: traffic within 500 m of the Citadel (hourly), and everything in the ward
    // (daily). Shapes that are not an area are refused.
    let circle = app
        .post_auth(
            alerts,
            &watcher,
            &json!({"lat": CITADEL.0, "lon": CITADEL.1, "radius_m": 500, "categories": ["traffic"]}),
        )
        .await;
    assert_eq!(circle.status(), 201);
    let circle: Value = circle.json().await.expect("json");
    assert_eq!(circle["digest"], "hourly");
    let whole = app
        .post_auth(
            alerts,
            &watcher,
            &json!({"commune": ward, "digest": "daily"}),
        )
        .await;
    assert_eq!(whole.status(), 201);
    let whole: Value = whole.json().await.expect("json");
    assert!(
        whole["commune_name"]
            .as_str()
            .is_some_and(|n| !n.is_empty())
    );
    for bad in [
        json!({"lat": CITADEL.0, "lon": CITADEL.1, "radius_m": 2500}),
        json!({"lat": CITADEL.0, "radius_m": 500}),
        json!({"commune": ward, "lat": CITADEL.0, "lon": CITADEL.1, "radius_m": 500}),
        json!({"commune": "00000"}),
        json!({"commune": ward, "categories": ["nonsense"]}),
    ] {
        let (status, code) = error_code(app.post_auth(alerts, &watcher, &bad).await).await;
        assert_eq!((status, code.as_str()), (422, "invalid_alert"), "{bad}");
    }
    let listed = app.get_json(alerts, Some(&watcher)).await;
    assert_eq!(listed["items"].as_array().expect("items").len(), 2);
    // Up to 20 alerts an account (these far from everything below).
    for i in 0..18 {
        let far_away = json!({"lat": 16.30 + f64::from(i) * 0.001, "lon": 107.40, "radius_m": 50});
        assert_eq!(
            app.post_auth(alerts, &watcher, &far_away).await.status(),
            201
        );
    }
    let (status, code) = error_code(
        app.post_auth(alerts, &watcher, &json!({"commune": ward}))
            .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (409, "too_many_alerts"));
    // Another's alert is not theirs to delete.
    let res = app
        .send(
            Method::DELETE,
            &format!("{alerts}/{}", circle["id"]),
            &neighbour,
            json!(null),
        )
        .await;
    assert_eq!(res.status(), 404);

    // New reports: traffic at the Citadel (both alerts), flooding there (the ward's only, and
    // urgent: at once), traffic 3 km away in another ward (neither), and the watcher's own
    // (never theirs).
    let traffic = app
        .report(&neighbour, "traffic", (CITADEL.0 + 0.001, CITADEL.1))
        .await;
    let flood = app.report(&neighbour, "flooding", CITADEL).await;
    let far = app.report(&neighbour, "traffic", (16.4456, 107.6012)).await;
    let own = app.report(&watcher, "traffic", CITADEL).await;
    let mail_dir = hientruong_tests::temp_dir("mail");
    let worker = app.worker(&mail_dir);
    let now = Utc::now();
    worker.run_due(now).expect("pass");
    let told = |page: &Value| -> Vec<Vec<String>> {
        page["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter(|n| n["kind"] == "alert")
            .map(|n| {
                n["reports"]
                    .as_array()
                    .expect("reports")
                    .iter()
                    .map(|r| r["id"].as_str().expect("id").to_owned())
                    .collect()
            })
            .collect()
    };
    // The urgent flooding report brought the ward's digest forward: it tells what the ward had
    // pending, the traffic report too. The hourly one waits for its hour.
    let page = notifications(&app, &watcher).await;
    assert_eq!(
        told(&page),
        [vec![traffic.clone(), flood.clone()]],
        "{page}"
    );
    worker.run_due(now + TimeDelta::minutes(30)).expect("pass");
    assert_eq!(told(&notifications(&app, &watcher).await).len(), 1);

    // A digest job that crashes before it commits tells nothing, and its retry tells it once;
    // a second run of the same job (as a worker that lost its lock would) tells nothing again.
    let job = jobs::pending(&mut app.db.conn(), jobs::ALERT_DIGEST)
        .expect("jobs")
        .into_iter()
        .find(|j| j.payload["alert"] == circle["id"])
        .expect("the hourly digest is scheduled");
    let digest: hientruong_db::alerts::DigestJob =
        serde_json::from_value(job.payload.clone()).expect("payload");
    {
        use diesel::Connection;
        let mut conn = app.db.conn();
        let crashed: Result<(), diesel::result::Error> = conn.transaction(|conn| {
            let n = hientruong_db::alerts::digest(conn, &digest, now + TimeDelta::minutes(61))
                .expect("digest");
            assert_eq!(n, 1);
            Err(diesel::result::Error::RollbackTransaction)
        });
        assert!(crashed.is_err());
    }
    worker.run_due(now + TimeDelta::minutes(61)).expect("pass");
    let page = notifications(&app, &watcher).await;
    assert_eq!(
        told(&page),
        [vec![traffic.clone()], vec![traffic.clone(), flood.clone()]],
        "{page}"
    );
    let again =
        hientruong_db::alerts::digest(&mut app.db.conn(), &digest, now + TimeDelta::minutes(62))
            .expect("digest");
    assert_eq!(again, 0);
    // The day's digest has nothing left: each report goes once per alert.
    worker.run_due(now + TimeDelta::days(2)).expect("pass");
    let all = told(&notifications(&app, &watcher).await).concat();
    assert_eq!(all.len(), 3, "{all:?}");
    for never in [&far, &own, &first] {
        assert!(!all.contains(never), "{never} was told");
    }
    // The digest names only public things; by email too (the watcher's choice by default),
    // one message per digest, with the unsubscribe link.
    let text = notifications(&app, &watcher).await.to_string();
    assert!(!text.contains("ben.canh"), "{text}");
    let digests: Vec<String> = std::fs::read_dir(&mail_dir)
        .expect("mail dir")
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).expect("mail"))
        .filter(|m| m.contains("To: canh.gac@example.com"))
        .collect();
    assert_eq!(digests.len(), 2, "{digests:?}");
    assert!(
        digests
            .iter()
            .all(|m| m.contains("List-Unsubscribe: <") && !m.contains("ben.canh"))
    );

    // Deleting an alert drops what it had pending.
    let res = app
        .send(
            Method::DELETE,
            &format!("{alerts}/{}", circle["id"]),
            &watcher,
            json!(null),
        )
        .await;
    assert_eq!(res.status(), 204);
    app.report(&neighbour, "traffic", CITADEL).await;
    assert_eq!(app.db.count("alert_pending"), 1, "the ward's alert only");
}
