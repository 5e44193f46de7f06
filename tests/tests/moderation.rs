//! Moderation: IOC operators and administrators hide a report's text or a photo from the public;
//! every public channel stops showing it at once, the original stays for the reporter and staff,
//! and it is reversible.

use hientruong_tests::figures::Figures;
use hientruong_tests::photos::jpeg;
use hientruong_tests::{CITADEL, TestApp, error_code};
use serde_json::{Value, json};
use uuid::Uuid;

#[tokio::test]
async fn a_hidden_text_or_photo_leaves_every_public_view_and_comes_back_when_shown() {
    let app = TestApp::spawn().await;
    let _figures = Figures::of(
        "a_hidden_text_or_photo_leaves_every_public_view_and_comes_back_when_shown",
        &[&app],
    );
    let resident = app.resident("0905700001").await;
    let text = "Ông Nguyễn Văn X ở số 12 đổ rác trộm, số điện thoại 0905123456";
    let form = reqwest::multipart::Form::new()
        .text(
            "report",
            json!({"category": "environment", "description": text, "lat": CITADEL.0, "lon": CITADEL.1})
                .to_string(),
        )
        .part(
            "photo",
            reqwest::multipart::Part::bytes(jpeg(640, 480))
                .file_name("a.jpg")
                .mime_str("image/jpeg")
                .expect("mime"),
        );
    let res = app
        .client
        .post(app.url("/api/v1/reports"))
        .bearer_auth(&resident)
        .header("Idempotency-Key", Uuid::new_v4().to_string())
        .multipart(form)
        .send()
        .await
        .expect("submit");
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.expect("json");
    let id = created["id"].as_str().expect("id").to_owned();
    let photo = created["photos"][0]["id"]
        .as_str()
        .expect("photo")
        .to_owned();
    let display = created["photos"][0]["display"]["url"]
        .as_str()
        .expect("url")
        .to_owned();
    let ioc = app.staff("ioc_operator", None).await;
    let officer = app.staff("officer", Some("ubnd-19753")).await;
    async fn post(
        app: &TestApp,
        id: &str,
        verb: &str,
        token: &str,
        body: Value,
    ) -> reqwest::Response {
        app.post_auth(&format!("/api/v1/admin/reports/{id}/{verb}"), token, &body)
            .await
    }
    let page = format!("/api/v1/reports/{id}");
    let request = format!("/open311/v2/requests/{id}.json");
    let public = || app.get_json(&page, None);
    let open311 = || app.get_json(&request, None);

    // Officers do not moderate; a reason is required.
    assert_eq!(
        error_code(
            post(
                &app,
                &id,
                "hide",
                &officer.token,
                json!({"what": "text", "reason": "x"})
            )
            .await
        )
        .await,
        (403, "forbidden".into())
    );
    assert_eq!(
        error_code(post(&app, &id, "hide", &ioc.token, json!({"what": "text"})).await).await,
        (422, "note_required".into())
    );
    assert_eq!(
        error_code(
            post(
                &app,
                &id,
                "hide",
                &ioc.token,
                json!({"what": "photo", "reason": "x"})
            )
            .await
        )
        .await,
        (400, "invalid_json".into())
    );

    // The text: gone from every public view at once, kept for the reporter and staff.
    let reason = "Nêu tên và số điện thoại của người khác";
    assert_eq!(
        post(
            &app,
            &id,
            "hide",
            &ioc.token,
            json!({"what": "text", "reason": reason})
        )
        .await
        .status(),
        204
    );
    let seen = public().await;
    assert_eq!(
        (seen["description"].as_str(), seen["text_hidden"].as_bool()),
        (Some(""), Some(true))
    );
    let listed = app.get_json("/api/v1/reports", None).await;
    assert_eq!(listed["items"][0]["description"], "");
    assert_eq!(open311().await[0]["description"], "");
    let own = app
        .get_json(&format!("/api/v1/reports/{id}"), Some(&resident))
        .await;
    assert_eq!(
        (own["description"].as_str(), own["text_hidden"].as_bool()),
        (Some(text), Some(true))
    );
    let ticket = app
        .get_json(&format!("/api/v1/tickets/{id}"), Some(&ioc.token))
        .await;
    assert_eq!(ticket["description"], text);

    // The photo: out of the public views and Open311, its variants no longer served.
    assert_eq!(app.get(&display, None).await.status(), 200);
    assert_eq!(
        post(
            &app,
            &id,
            "hide",
            &ioc.token,
            json!({"what": "photo", "photo_id": photo, "reason": "Có khuôn mặt người đi đường"})
        )
        .await
        .status(),
        204
    );
    assert_eq!(public().await["photos"], json!([]));
    assert_eq!(open311().await[0]["media_url"], Value::Null);
    assert_eq!(app.get(&display, None).await.status(), 404);
    let own = app
        .get_json(&format!("/api/v1/reports/{id}"), Some(&resident))
        .await;
    assert_eq!(own["photos"][0]["hidden"], true);
    // Twice is once; a photo of another report is not this one's.
    assert_eq!(
        post(
            &app,
            &id,
            "hide",
            &ioc.token,
            json!({"what": "text", "reason": reason})
        )
        .await
        .status(),
        204
    );
    assert_eq!(app.db.count("moderation_hides"), 2);
    assert_eq!(
        error_code(
            post(
                &app,
                &id,
                "hide",
                &ioc.token,
                json!({"what": "photo", "photo_id": Uuid::new_v4(), "reason": "x"})
            )
            .await
        )
        .await,
        (404, "not_found".into())
    );

    // Shown again.
    for body in [
        json!({"what": "text"}),
        json!({"what": "photo", "photo_id": photo}),
    ] {
        let res = app
            .post_auth(
                &format!("/api/v1/admin/reports/{id}/unhide"),
                &ioc.token,
                &body,
            )
            .await;
        assert_eq!(res.status(), 204);
    }
    let seen = public().await;
    assert_eq!(seen["description"], text);
    assert_eq!(seen["text_hidden"], false);
    assert_eq!(seen["photos"].as_array().map(Vec::len), Some(1));
    assert_eq!(app.get(&display, None).await.status(), 200);
}
