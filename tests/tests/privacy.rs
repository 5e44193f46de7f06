//! A resident's own account: a new password, logging out everywhere, and deleting the account
//! with its personal data (its reports kept without identity).

use diesel::prelude::*;
use diesel::sql_types::{Nullable, Text, Timestamptz, Uuid as SqlUuid};
use hientruong_tests::figures::Figures;
use hientruong_tests::{CITADEL, TestApp, error_code};
use serde_json::{Value, json};

use hientruong_tests::TEST_PASSWORD as PASSWORD;

/// Registers `login` and logs in: the session's tokens.
async fn session(app: &TestApp, login: &str) -> Value {
    app.resident(login).await;
    app.login(login).await
}

fn access(session: &Value) -> String {
    session["access_token"].as_str().expect("access").to_owned()
}

async fn refresh(app: &TestApp, session: &Value) -> reqwest::Response {
    app.post_json(
        "/api/v1/auth/refresh",
        &json!({"refresh_token": session["refresh_token"]}),
    )
    .await
}

async fn me(app: &TestApp, token: &str) -> reqwest::Response {
    app.get("/api/v1/me/reports", Some(token)).await
}

#[tokio::test]
async fn a_new_password_ends_every_other_session_at_once() {
    let app = TestApp::spawn().await;
    let _figures = Figures::of("a_new_password_ends_every_other_session_at_once", &[&app]);
    let login = "doi.mat.khau@example.com";
    let first = session(&app, login).await;
    let second = app.login(login).await;
    let change = |current: &str, new: &str| {
        app.client
            .post(app.url("/api/v1/me/password"))
            .bearer_auth(access(&first))
            .json(&json!({"current_password": current, "new_password": new}))
            .send()
    };
    assert_eq!(
        error_code(
            change("sai-mat-khau", "mat-khau-moi-dai")
                .await
                .expect("send")
        )
        .await,
        (401, "invalid_credentials".into())
    );
    assert_eq!(
        error_code(change(PASSWORD, "ngan").await.expect("send")).await,
        (422, "weak_password".into())
    );
    // Nothing changed by the refusals.
    assert_eq!(me(&app, &access(&second)).await.status(), 200);

    let res = change(PASSWORD, "mat-khau-moi-dai").await.expect("send");
    assert_eq!(res.status(), 200);
    let fresh: Value = res.json().await.expect("json");
    // The device that asked goes on with its new session; every other token is refused.
    assert_eq!(me(&app, &access(&fresh)).await.status(), 200);
    for old in [&first, &second] {
        assert_eq!(
            error_code(me(&app, &access(old)).await).await,
            (401, "invalid_token".into())
        );
        assert_eq!(
            error_code(refresh(&app, old).await).await,
            (401, "invalid_refresh_token".into())
        );
    }
    assert_eq!(refresh(&app, &fresh).await.status(), 200);
    let old_password = json!({"login": login, "password": PASSWORD});
    assert_eq!(
        error_code(app.post_json("/api/v1/auth/login", &old_password).await).await,
        (401, "invalid_credentials".into())
    );
    let new_password = json!({"login": login, "password": "mat-khau-moi-dai"});
    assert_eq!(
        app.post_json("/api/v1/auth/login", &new_password)
            .await
            .status(),
        200
    );
}

/// The current password is checked like a login: the attempts count with the login's, so that a
/// stolen access token does not allow unlimited guesses.
#[tokio::test]
async fn guessing_the_current_password_locks_the_account_like_logins_do() {
    // The default limits: ten attempts on one login from one address.
    let app = TestApp::spawn_with(hientruong_api::Settings::default()).await;
    let _figures = Figures::of(
        "guessing_the_current_password_locks_the_account_like_logins_do",
        &[&app],
    );
    let login = "doan.mat.khau@example.com";
    let token = access(&session(&app, login).await);
    // Nine wrong guesses at login already.
    for _ in 0..9 {
        let res = app
            .post_json(
                "/api/v1/auth/login",
                &json!({"login": login, "password": "doan-thu"}),
            )
            .await;
        assert_eq!(error_code(res).await, (401, "invalid_credentials".into()));
    }
    let change = |current: &'static str| {
        app.client
            .post(app.url("/api/v1/me/password"))
            .bearer_auth(&token)
            .json(&json!({"current_password": current, "new_password": "mat-khau-moi-dai"}))
            .send()
    };
    assert_eq!(
        error_code(change("doan-lan-muoi").await.expect("send")).await,
        (401, "invalid_credentials".into())
    );
    // The tenth locked it: the right password is refused too, here and at login.
    assert_eq!(
        error_code(change(PASSWORD).await.expect("send")).await,
        (429, "account_locked".into())
    );
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"login": login, "password": PASSWORD}),
        )
        .await;
    assert_eq!(error_code(res).await, (429, "account_locked".into()));
}

#[tokio::test]
async fn logging_out_everywhere_ends_every_session_and_a_new_login_works() {
    let app = TestApp::spawn().await;
    let _figures = Figures::of(
        "logging_out_everywhere_ends_every_session_and_a_new_login_works",
        &[&app],
    );
    let login = "0905111222";
    let phone = session(&app, login).await;
    let laptop = app.login(login).await;
    let res = app
        .client
        .delete(app.url("/api/v1/me/sessions"))
        .bearer_auth(access(&laptop))
        .send()
        .await
        .expect("send");
    assert_eq!(res.status(), 204);
    for old in [&phone, &laptop] {
        assert_eq!(
            error_code(me(&app, &access(old)).await).await,
            (401, "invalid_token".into())
        );
        assert_eq!(
            error_code(refresh(&app, old).await).await,
            (401, "invalid_refresh_token".into())
        );
    }
    let again = app.login(login).await;
    assert_eq!(me(&app, &access(&again)).await.status(), 200);
}

#[derive(QueryableByName, Debug)]
struct Row {
    #[diesel(sql_type = Text)]
    login: String,
    #[diesel(sql_type = Text)]
    full_name: String,
    #[diesel(sql_type = Text)]
    password_hash: String,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    erased_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

#[tokio::test]
async fn deleting_an_account_erases_its_personal_data_and_keeps_its_reports_anonymous() {
    let app = TestApp::spawn().await;
    let _figures = Figures::of(
        "deleting_an_account_erases_its_personal_data_and_keeps_its_reports_anonymous",
        &[&app],
    );
    let login = "xoa.tai.khoan@example.com";
    let resident = session(&app, login).await;
    let token = access(&resident);
    let report = app.report(&token, "environment", CITADEL).await;
    let id: uuid::Uuid = app
        .get_json("/api/v1/me/reports", Some(&token))
        .await
        .pointer("/items/0/id")
        .and_then(Value::as_str)
        .expect("own report")
        .parse()
        .expect("uuid");
    assert_eq!(id.to_string(), report);
    let reporter: uuid::Uuid = {
        #[derive(QueryableByName)]
        struct R {
            #[diesel(sql_type = SqlUuid)]
            reporter_id: uuid::Uuid,
        }
        diesel::sql_query("SELECT reporter_id FROM reports WHERE id = $1")
            .bind::<SqlUuid, _>(id)
            .get_result::<R>(&mut app.db.conn())
            .expect("report")
            .reporter_id
    };
    // An email still queued to the resident.
    diesel::sql_query(
        "INSERT INTO jobs (kind, payload, run_at) \
         VALUES ('email', jsonb_build_object('to', $1::text, 'subject', 'x', 'body', 'y'), now())",
    )
    .bind::<Text, _>(login)
    .execute(&mut app.db.conn())
    .expect("job");

    let delete = |password: &str, token: &str| {
        app.client
            .delete(app.url("/api/v1/me"))
            .bearer_auth(token)
            .json(&json!({"password": password}))
            .send()
    };
    assert_eq!(
        error_code(delete("sai-mat-khau", &token).await.expect("send")).await,
        (401, "invalid_credentials".into())
    );
    let officer = app.staff("officer", Some("csgt")).await;
    assert_eq!(
        error_code(delete("whatever-long", &officer.token).await.expect("send")).await,
        (403, "forbidden".into())
    );
    assert_eq!(delete(PASSWORD, &token).await.expect("send").status(), 204);

    // No personal data left in the row, which stays as the reporter of record.
    let row: Row = diesel::sql_query(
        "SELECT login, full_name, password_hash, erased_at FROM users WHERE id = $1",
    )
    .bind::<SqlUuid, _>(reporter)
    .get_result(&mut app.db.conn())
    .expect("row");
    assert!(row.erased_at.is_some());
    assert_eq!(row.full_name, "");
    assert!(!row.login.contains("xoa.tai.khoan"), "{row:?}");
    assert!(!row.password_hash.starts_with("$argon2"), "{row:?}");
    let left = |sql: &str| {
        diesel::sql_query(sql)
            .bind::<SqlUuid, _>(reporter)
            .bind::<Text, _>(login)
            .get_result::<Count>(&mut app.db.conn())
            .expect("count")
            .n
    };
    assert_eq!(
        left("SELECT count(*) AS n FROM refresh_tokens WHERE user_id = $1 AND $2 <> ''"),
        0
    );
    assert_eq!(
        left("SELECT count(*) AS n FROM jobs WHERE payload->>'to' = $2 AND $1 IS NOT NULL"),
        0
    );
    assert_eq!(
        left("SELECT count(*) AS n FROM users WHERE (login = $2 OR full_name <> '') AND id = $1"),
        0
    );

    // The report stays, public and without identity; the session is over.
    let public = app.get_json(&format!("/api/v1/reports/{id}"), None).await;
    assert_eq!(public["id"], report.as_str());
    assert_eq!(
        error_code(me(&app, &token).await).await.0,
        403,
        "the erased account can do nothing"
    );
    assert_eq!(
        error_code(refresh(&app, &resident).await).await,
        (401, "invalid_refresh_token".into())
    );
    assert_eq!(
        error_code(
            app.post_json(
                "/api/v1/auth/login",
                &json!({"login": login, "password": PASSWORD})
            )
            .await
        )
        .await,
        (401, "invalid_credentials".into())
    );
    // The login is free again.
    let again = session(&app, login).await;
    assert_eq!(me(&app, &access(&again)).await.status(), 200);
}

/// Where the public sees a report: about 10 m from where it was made (a grid of 0.0001°), in every
/// public answer and filter; the reporter and staff see the exact point.
#[tokio::test]
async fn the_public_sees_a_report_to_about_ten_metres_its_reporter_and_staff_exactly() {
    let app = TestApp::spawn().await;
    let _figures = Figures::of(
        "the_public_sees_a_report_to_about_ten_metres_its_reporter_and_staff_exactly",
        &[&app],
    );
    let token = access(&session(&app, "0905777888").await);
    // At someone's door, to the centimetre.
    let (lat, lon) = (16.469_834_2, 107.578_671_3);
    let (public_lat, public_lon) = (16.4698, 107.5787);
    let id = app.report(&token, "traffic", (lat, lon)).await;
    let close =
        |value: &Value, expected: f64| value.as_f64().is_some_and(|v| (v - expected).abs() < 1e-9);

    let public = app.get_json(&format!("/api/v1/reports/{id}"), None).await;
    assert!(
        close(&public["lat"], public_lat) && close(&public["lon"], public_lon),
        "{public}"
    );
    let own = app
        .get_json(&format!("/api/v1/reports/{id}"), Some(&token))
        .await;
    assert!(close(&own["lat"], lat) && close(&own["lon"], lon), "{own}");
    let mine = app.get_json("/api/v1/me/reports", Some(&token)).await;
    assert!(close(&mine["items"][0]["lat"], lat), "{mine}");
    let ioc = app.staff("ioc_operator", None).await;
    let ticket = app
        .get_json(&format!("/api/v1/tickets/{id}"), Some(&ioc.token))
        .await;
    assert!(
        close(&ticket["lat"], lat) && close(&ticket["lon"], lon),
        "{ticket}"
    );
    let open311 = app
        .get_json(&format!("/open311/v2/requests/{id}.json"), None)
        .await;
    assert!(
        close(&open311[0]["lat"], public_lat) && close(&open311[0]["long"], public_lon),
        "{open311}"
    );

    // A map's box around the exact point but not the public one finds nothing; around the public
    // one, the report.
    let listed = |bbox: &'static str| {
        let app = &app;
        async move {
            app.get_json(&format!("/api/v1/reports?bbox={bbox}"), None)
                .await["items"]
                .as_array()
                .expect("items")
                .len()
        }
    };
    assert_eq!(listed("107.57866,16.46982,107.57868,16.46985").await, 0);
    assert_eq!(listed("107.57869,16.46979,107.57871,16.46981").await, 1);
    // "Already reported?" measures from the public point too.
    let nearby = app
        .get_json(
            &format!("/api/v1/reports/nearby?lat={public_lat}&lon={public_lon}&category=traffic"),
            None,
        )
        .await;
    assert_eq!(nearby["items"][0]["distance_m"], 0.0, "{nearby}");
}
