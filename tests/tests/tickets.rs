//! The ticket lifecycle end to end: each transition through the HTTP API, with its rules.

use hientruong_tests::photos::{gps_photo, jpeg};
use hientruong_tests::{CITADEL, TestApp, error_code};
use serde_json::{Value, json};

/// A traffic report at the Imperial City (routed to the traffic police, `csgt`) by a fresh
/// resident; returns (resident token, report id).
async fn traffic_report(app: &TestApp) -> (String, String) {
    let resident = app
        .resident(&format!(
            "dan-{}@example.com",
            uuid::Uuid::new_v4().simple()
        ))
        .await;
    let id = app.report(&resident, "traffic", CITADEL).await;
    (resident, id)
}

async fn ticket(app: &TestApp, token: &str, id: &str) -> Value {
    app.get_json(&format!("/api/v1/tickets/{id}"), Some(token))
        .await
}

fn kinds(ticket: &Value) -> Vec<String> {
    ticket["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["kind"].as_str().expect("kind").to_owned())
        .collect()
}

#[tokio::test]
async fn a_ticket_is_accepted_worked_resolved_with_an_after_photo_and_closed_by_a_good_rating() {
    let app = TestApp::spawn().await;
    let officer = app.staff("officer", Some("csgt")).await;
    let (resident, id) = traffic_report(&app).await;

    let inbox = app.get_json("/api/v1/tickets", Some(&officer.token)).await;
    assert_eq!(inbox["items"][0]["id"], id.as_str());
    assert_eq!(inbox["items"][0]["stage"], "accept");
    assert_eq!(inbox["counts"]["received"], 1);

    assert_eq!(
        error_code(
            app.act(
                &officer.token,
                &id,
                json!({"action": "resolve", "public_answer": "Xong"})
            )
            .await
        )
        .await,
        (409, "transition_not_allowed".into())
    );
    let accepted = app
        .act_ok(&officer.token, &id, json!({"action": "accept"}))
        .await;
    assert_eq!(accepted["status"], "accepted");
    assert_eq!(accepted["stage"], "resolve");
    assert_eq!(accepted["assignee"]["id"], officer.id.to_string());
    assert_eq!(accepted["due_at"], accepted["resolve_due_at"]);
    assert!(
        accepted["allowed_actions"]
            .as_array()
            .expect("actions")
            .contains(&json!("start"))
    );
    app.act_ok(&officer.token, &id, json!({"action": "start"}))
        .await;

    assert_eq!(
        error_code(
            app.act(&officer.token, &id, json!({"action": "resolve"}))
                .await
        )
        .await,
        (422, "public_answer_required".into())
    );
    let resolve =
        json!({"action": "resolve", "public_answer": "Đã dọn chướng ngại vật, thông xe."});
    assert_eq!(
        error_code(app.act(&officer.token, &id, resolve.clone()).await).await,
        (422, "resolution_photo_required".into())
    );
    // An "after" photo taken 3 km away is refused; one at the spot (or without a position) is
    // taken.
    assert_eq!(
        ticket(&app, &officer.token, &id).await["after_photo_located"],
        Value::Null
    );
    let photos = format!("/api/v1/tickets/{id}/photos");
    assert_eq!(
        error_code(
            app.upload(&officer.token, &photos, gps_photo(16.49, 107.60))
                .await
        )
        .await,
        (422, "photo_too_far".into())
    );
    let res = app
        .upload(
            &officer.token,
            &photos,
            gps_photo(CITADEL.0 + 0.0005, CITADEL.1),
        )
        .await;
    assert_eq!(res.status(), 201);
    let photo: Value = res.json().await.expect("json");
    assert_eq!(photo["kind"], "resolution");
    assert_eq!(
        ticket(&app, &officer.token, &id).await["after_photo_located"],
        true
    );
    let resolved = app.act_ok(&officer.token, &id, resolve).await;
    assert_eq!(resolved["status"], "resolved");
    assert_eq!(resolved["due_at"], Value::Null);

    // The public sees the answer, the after photo, and the public timeline.
    let public = app.get_json(&format!("/api/v1/reports/{id}"), None).await;
    assert_eq!(public["public_answer"], "Đã dọn chướng ngại vật, thông xe.");
    assert!(
        public["photos"]
            .as_array()
            .expect("photos")
            .iter()
            .any(|p| p["kind"] == "resolution")
    );
    let statuses: Vec<&str> = public["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .filter_map(|e| e["status"].as_str())
        .collect();
    assert_eq!(
        statuses,
        ["received", "accepted", "in_progress", "resolved"]
    );

    let rating = format!("/api/v1/reports/{id}/rating");
    let res = app
        .post_auth(
            &rating,
            &resident,
            &json!({"score": 5, "comment": "Cảm ơn"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.json::<Value>().await.expect("json")["status"], "closed");
    assert_eq!(
        error_code(
            app.post_auth(&rating, &resident, &json!({"score": 4}))
                .await
        )
        .await,
        (409, "already_rated".into())
    );
    let closed = ticket(&app, &officer.token, &id).await;
    assert_eq!(closed["status"], "closed");
    assert_eq!(closed["rating"]["score"], 5);
    assert_eq!(
        kinds(&closed),
        ["received", "accept", "start", "resolve", "rated"]
    );
    // Photos can no longer be added by the reporter to a finished report.
    assert_eq!(
        error_code(
            app.upload(
                &resident,
                &format!("/api/v1/reports/{id}/photos"),
                jpeg(32, 32)
            )
            .await
        )
        .await,
        (409, "report_closed".into())
    );
}

#[tokio::test]
async fn asking_the_citizen_pauses_the_deadline_and_resuming_moves_it() {
    let app = TestApp::spawn().await;
    let officer = app.staff("officer", Some("csgt")).await;
    let (resident, id) = traffic_report(&app).await;
    let accepted = app
        .act_ok(&officer.token, &id, json!({"action": "accept"}))
        .await;
    assert_eq!(
        error_code(
            app.act(&officer.token, &id, json!({"action": "ask_citizen"}))
                .await
        )
        .await,
        (422, "public_answer_required".into())
    );
    let paused = app
        .act_ok(
            &officer.token,
            &id,
            json!({"action": "ask_citizen", "public_answer": "Xin cho biết số nhà cụ thể?"}),
        )
        .await;
    assert_eq!(paused["status"], "waiting_for_citizen");
    assert_eq!(paused["stage"], "paused");
    assert_eq!(paused["due_at"], Value::Null);
    // The reporter sees the question on their report.
    let own = app
        .get_json(&format!("/api/v1/reports/{id}"), Some(&resident))
        .await;
    assert!(own["timeline"].to_string().contains("số nhà cụ thể"));
    let resumed = app
        .act_ok(&officer.token, &id, json!({"action": "resume"}))
        .await;
    assert_eq!(resumed["status"], "in_progress");
    let before: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(accepted["resolve_due_at"].clone()).expect("time");
    let after: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(resumed["resolve_due_at"].clone()).expect("time");
    // Never earlier; later by the paused working time (zero outside office hours).
    assert!(after >= before, "{before} -> {after}");
    assert_eq!(resumed["due_at"], resumed["resolve_due_at"]);
}

#[tokio::test]
async fn a_transfer_hands_the_ticket_to_another_unit_as_a_hop() {
    let app = TestApp::spawn().await;
    let officer = app.staff("officer", Some("csgt")).await;
    let manager = app.staff("unit_manager", Some("csgt")).await;
    let fire_officer = app.staff("officer", Some("pccc")).await;
    let (_, id) = traffic_report(&app).await;
    let transfer =
        json!({"action": "transfer", "to_unit": "pccc", "note": "Có nguy cơ cháy, thuộc PCCC"});

    assert_eq!(
        error_code(app.act(&officer.token, &id, transfer.clone()).await).await,
        (403, "forbidden".into())
    );
    for (body, code) in [
        (
            json!({"action": "transfer", "to_unit": "pccc"}),
            "note_required",
        ),
        (
            json!({"action": "transfer", "to_unit": "csgt", "note": "x"}),
            "same_unit",
        ),
        (
            json!({"action": "transfer", "to_unit": "khong-co", "note": "x"}),
            "unknown_unit",
        ),
    ] {
        assert_eq!(
            error_code(app.act(&manager.token, &id, body).await).await,
            (422, code.into())
        );
    }
    let moved = app.act_ok(&manager.token, &id, transfer).await;
    assert_eq!(moved["status"], "transferred");
    assert_eq!(moved["unit"]["code"], "pccc");
    assert_eq!(moved["hops"], 1);

    // The old unit no longer sees it; the new one does, and accepts it.
    let res = app
        .get(&format!("/api/v1/tickets/{id}"), Some(&officer.token))
        .await;
    assert_eq!(error_code(res).await, (404, "not_found".into()));
    let theirs = ticket(&app, &fire_officer.token, &id).await;
    let hop = theirs["events"]
        .as_array()
        .expect("events")
        .iter()
        .find(|e| e["kind"] == "transfer")
        .expect("transfer event")
        .clone();
    assert_eq!(hop["from_unit"], "csgt");
    assert_eq!(hop["unit"], "pccc");
    assert_eq!(hop["note"], "Có nguy cơ cháy, thuộc PCCC");
    app.act_ok(&fire_officer.token, &id, json!({"action": "accept"}))
        .await;
}

#[tokio::test]
async fn rejection_duplicates_and_a_supervisors_reopening() {
    let app = TestApp::spawn().await;
    let officer = app.staff("officer", Some("csgt")).await;
    let manager = app.staff("unit_manager", Some("csgt")).await;
    let (_, first) = traffic_report(&app).await;
    let (_, second) = traffic_report(&app).await;

    // Rejecting is for the manager, with a reason the reporter sees.
    let reject =
        json!({"action": "reject", "public_answer": "Không thuộc phạm vi xử lý của đơn vị."});
    assert_eq!(
        error_code(app.act(&officer.token, &first, reject.clone()).await).await,
        (403, "forbidden".into())
    );
    app.act_ok(&manager.token, &first, reject).await;
    let public = app
        .get_json(&format!("/api/v1/reports/{first}"), None)
        .await;
    assert_eq!(public["status"], "rejected");
    assert_eq!(
        public["public_answer"],
        "Không thuộc phạm vi xử lý của đơn vị."
    );

    // A supervisor reopens it, with a reason; it needs accepting again.
    assert_eq!(
        error_code(
            app.act(&manager.token, &first, json!({"action": "reopen"}))
                .await
        )
        .await,
        (422, "note_required".into())
    );
    let reopened = app
        .act_ok(
            &manager.token,
            &first,
            json!({"action": "reopen", "note": "Xem xét lại"}),
        )
        .await;
    assert_eq!(reopened["status"], "reopened");
    assert_eq!(reopened["stage"], "accept");
    assert_eq!(reopened["public_answer"], Value::Null);

    // Not a duplicate of itself, of nothing, of another kind of problem at the same spot, of
    // the same problem 2 km away, or of one the manager rejected: marking a duplicate closes a
    // ticket, which must not be a way around the manager's rejection.
    let (resident, _) = traffic_report(&app).await;
    let fire_here = app.report(&resident, "fire", CITADEL).await;
    let far = app
        .report(&resident, "traffic", (CITADEL.0 + 0.018, CITADEL.1))
        .await;
    let (_, rejected) = traffic_report(&app).await;
    app.act_ok(
        &manager.token,
        &rejected,
        json!({"action": "reject", "public_answer": "Không thuộc thẩm quyền"}),
    )
    .await;
    for bad in [
        second.as_str(),
        "00000000-0000-0000-0000-000000000000",
        &fire_here,
        &far,
        &rejected,
    ] {
        assert_eq!(
            error_code(
                app.act(
                    &officer.token,
                    &second,
                    json!({"action": "mark_duplicate", "duplicate_of": bad})
                )
                .await
            )
            .await,
            (422, "invalid_duplicate".into())
        );
    }
    let dup = app
        .act_ok(
            &officer.token,
            &second,
            json!({"action": "mark_duplicate", "duplicate_of": first}),
        )
        .await;
    assert_eq!(dup["status"], "duplicate");
    assert_eq!(dup["duplicate_of"], first.as_str());
    // A duplicate cannot be the original of another.
    let (_, third) = traffic_report(&app).await;
    assert_eq!(
        error_code(
            app.act(
                &officer.token,
                &third,
                json!({"action": "mark_duplicate", "duplicate_of": second})
            )
            .await
        )
        .await,
        (422, "invalid_duplicate".into())
    );
}

/// Resolves a ticket as `token` (accept, after photo, resolve).
async fn resolve(app: &TestApp, token: &str, id: &str) {
    app.act_ok(token, id, json!({"action": "accept"})).await;
    let res = app
        .upload(token, &format!("/api/v1/tickets/{id}/photos"), jpeg(64, 48))
        .await;
    assert_eq!(res.status(), 201);
    // A photo without a position (as a chat app forwards it) is taken, and flagged to managers.
    assert_eq!(ticket(app, token, id).await["after_photo_located"], false);
    app.act_ok(
        token,
        id,
        json!({"action": "resolve", "public_answer": "Đã xử lý"}),
    )
    .await;
}

#[tokio::test]
async fn a_low_rating_reopens_the_ticket_for_the_unit_manager() {
    let app = TestApp::spawn().await;
    let officer = app.staff("officer", Some("csgt")).await;
    let (resident, id) = traffic_report(&app).await;
    let rating = format!("/api/v1/reports/{id}/rating");
    assert_eq!(
        error_code(
            app.post_auth(&rating, &resident, &json!({"score": 2}))
                .await
        )
        .await,
        (409, "rating_not_allowed".into())
    );
    resolve(&app, &officer.token, &id).await;
    // Nobody closes it before the reporter has had their say, except a supervisor.
    assert_eq!(
        error_code(
            app.act(&officer.token, &id, json!({"action": "close"}))
                .await
        )
        .await,
        (403, "forbidden".into())
    );
    let stranger = app.resident("nguoi-khac@example.com").await;
    assert_eq!(
        error_code(
            app.post_auth(&rating, &stranger, &json!({"score": 1}))
                .await
        )
        .await,
        (403, "forbidden".into())
    );
    assert_eq!(
        error_code(
            app.post_auth(&rating, &resident, &json!({"score": 6}))
                .await
        )
        .await,
        (422, "invalid_score".into())
    );
    let res = app
        .post_auth(
            &rating,
            &resident,
            &json!({"score": 2, "comment": "Vẫn còn ùn tắc"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    assert_eq!(
        res.json::<Value>().await.expect("json")["status"],
        "reopened"
    );
    let reopened = ticket(&app, &officer.token, &id).await;
    assert_eq!(reopened["status"], "reopened");
    assert!(reopened["due_at"].is_string(), "a fresh deadline runs");
    assert_eq!(reopened["rating"]["comment"], "Vẫn còn ùn tắc");
    // Resolving again needs a new after photo: the one from before the reopening does not count.
    app.act_ok(&officer.token, &id, json!({"action": "accept"}))
        .await;
    assert_eq!(
        error_code(
            app.act(
                &officer.token,
                &id,
                json!({"action": "resolve", "public_answer": "Lần 2"})
            )
            .await
        )
        .await,
        (422, "resolution_photo_required".into())
    );
}

#[tokio::test]
async fn a_manager_closes_a_resolved_ticket_without_waiting_for_a_rating() {
    let app = TestApp::spawn().await;
    let officer = app.staff("officer", Some("csgt")).await;
    let manager = app.staff("unit_manager", Some("csgt")).await;
    let (resident, id) = traffic_report(&app).await;
    resolve(&app, &officer.token, &id).await;
    let closed = app
        .act_ok(&manager.token, &id, json!({"action": "close"}))
        .await;
    assert_eq!(closed["status"], "closed");
    assert_eq!(closed["stage"], "done");
    assert_eq!(closed["allowed_actions"], json!(["reopen", "comment"]));
    // Closed before the reporter rated it: they still can; a good rating leaves it closed.
    let res = app
        .post_auth(
            &format!("/api/v1/reports/{id}/rating"),
            &resident,
            &json!({"score": 4}),
        )
        .await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.json::<Value>().await.expect("json")["status"], "closed");
}

#[tokio::test]
async fn each_round_of_handling_has_its_own_after_photos() {
    let app = TestApp::spawn().await;
    let officer = app.staff("officer", Some("csgt")).await;
    let manager = app.staff("unit_manager", Some("csgt")).await;
    let (_, id) = traffic_report(&app).await;
    app.act_ok(&officer.token, &id, json!({"action": "accept"}))
        .await;
    let photos = format!("/api/v1/tickets/{id}/photos");
    for _ in 0..5 {
        assert_eq!(
            app.upload(&officer.token, &photos, jpeg(32, 32))
                .await
                .status(),
            201
        );
    }
    assert_eq!(
        error_code(app.upload(&officer.token, &photos, jpeg(32, 32)).await).await,
        (422, "too_many_photos".into())
    );
    app.act_ok(
        &officer.token,
        &id,
        json!({"action": "resolve", "public_answer": "Xong"}),
    )
    .await;
    app.act_ok(
        &manager.token,
        &id,
        json!({"action": "reopen", "note": "Chưa đạt"}),
    )
    .await;
    app.act_ok(&officer.token, &id, json!({"action": "accept"}))
        .await;
    // A new round: its own photos, the old ones do not count towards the limit or the result.
    assert_eq!(
        app.upload(&officer.token, &photos, jpeg(32, 32))
            .await
            .status(),
        201
    );
    let resolved = app
        .act_ok(
            &officer.token,
            &id,
            json!({"action": "resolve", "public_answer": "Đã xong lần 2"}),
        )
        .await;
    assert_eq!(resolved["status"], "resolved");
    let resolution_photos = resolved["photos"]
        .as_array()
        .expect("photos")
        .iter()
        .filter(|p| p["kind"] == "resolution")
        .count();
    assert_eq!(resolution_photos, 6);
}

#[tokio::test]
async fn notes_stay_internal_and_public_answers_are_public() {
    let app = TestApp::spawn().await;
    let officer = app.staff("officer", Some("csgt")).await;
    let (_, id) = traffic_report(&app).await;
    app.act_ok(
        &officer.token,
        &id,
        json!({"action": "comment", "note": "Ghi chú nội bộ: gọi đội 3"}),
    )
    .await;
    app.act_ok(
        &officer.token,
        &id,
        json!({"action": "comment", "public_answer": "Đơn vị đã nhận thông tin."}),
    )
    .await;
    let public = app.get_json(&format!("/api/v1/reports/{id}"), None).await;
    let text = public.to_string();
    assert!(!text.contains("gọi đội 3"), "internal note leaked: {text}");
    assert!(text.contains("Đơn vị đã nhận thông tin."));
    let staff_view = ticket(&app, &officer.token, &id).await;
    assert!(staff_view.to_string().contains("gọi đội 3"));
    assert_eq!(
        error_code(
            app.act(&officer.token, &id, json!({"action": "comment"}))
                .await
        )
        .await,
        (422, "note_required".into())
    );
    assert_eq!(
        error_code(app.act(&officer.token, &id, json!({"action": "fly"})).await).await,
        (422, "unknown_action".into())
    );
    assert_eq!(
        error_code(
            app.act(
                &officer.token,
                &id,
                json!({"action": "comment", "note": "x".repeat(4001)})
            )
            .await
        )
        .await,
        (422, "text_too_long".into())
    );
}

#[tokio::test]
async fn managers_assign_within_their_unit() {
    let app = TestApp::spawn().await;
    let officer = app.staff("officer", Some("csgt")).await;
    let colleague = app.staff("officer", Some("csgt")).await;
    let outsider = app.staff("officer", Some("pccc")).await;
    let manager = app.staff("unit_manager", Some("csgt")).await;
    let (_, id) = traffic_report(&app).await;
    let assign = |who: uuid::Uuid| json!({"action": "assign", "assignee": who});
    assert_eq!(
        error_code(app.act(&officer.token, &id, assign(colleague.id)).await).await,
        (403, "forbidden".into())
    );
    assert_eq!(
        error_code(app.act(&manager.token, &id, assign(outsider.id)).await).await,
        (422, "invalid_assignee".into())
    );
    let assigned = app.act_ok(&manager.token, &id, assign(colleague.id)).await;
    assert_eq!(assigned["assignee"]["id"], colleague.id.to_string());
    assert_eq!(assigned["status"], "received");
    let mine = app
        .get_json("/api/v1/tickets?assignee=me", Some(&colleague.token))
        .await;
    assert_eq!(mine["items"].as_array().expect("items").len(), 1);
    let event = assigned["events"]
        .as_array()
        .expect("events")
        .iter()
        .find(|e| e["kind"] == "assign")
        .expect("assign event")
        .clone();
    assert_eq!(event["public"], false);
    assert_eq!(event["assignee"]["id"], colleague.id.to_string());
}

#[tokio::test]
async fn units_keep_response_templates() {
    let app = TestApp::spawn().await;
    let officer = app.staff("officer", Some("csgt")).await;
    let manager = app.staff("unit_manager", Some("csgt")).await;
    let other_manager = app.staff("unit_manager", Some("pccc")).await;
    let body = json!({"title": "Đã xử lý", "body": "Đơn vị đã cử lực lượng xử lý, giao thông đã thông suốt."});
    assert_eq!(
        error_code(
            app.post_auth("/api/v1/templates", &officer.token, &body)
                .await
        )
        .await,
        (403, "forbidden".into())
    );
    let res = app
        .post_auth("/api/v1/templates", &manager.token, &body)
        .await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.expect("json");
    assert_eq!(created["unit_code"], "csgt");
    let list = app
        .get_json("/api/v1/templates", Some(&officer.token))
        .await;
    assert_eq!(list["items"][0]["title"], "Đã xử lý");
    assert_eq!(
        error_code(
            app.get("/api/v1/templates?unit=csgt", Some(&other_manager.token))
                .await
        )
        .await,
        (403, "forbidden".into())
    );
    assert_eq!(
        error_code(
            app.post_auth(
                "/api/v1/templates",
                &manager.token,
                &json!({"title": "", "body": "x"})
            )
            .await
        )
        .await,
        (422, "invalid_template".into())
    );
    let path = format!("/api/v1/templates/{}", created["id"].as_str().expect("id"));
    let res = app
        .client
        .delete(app.url(&path))
        .bearer_auth(&other_manager.token)
        .send()
        .await
        .expect("delete");
    assert_eq!(error_code(res).await, (404, "not_found".into()));
    let res = app
        .client
        .delete(app.url(&path))
        .bearer_auth(&manager.token)
        .send()
        .await
        .expect("delete");
    assert_eq!(res.status(), 204);
}

#[tokio::test]
async fn the_inbox_filters_sorts_by_deadline_and_pages() {
    let app = TestApp::spawn().await;
    let officer = app.staff("officer", Some("csgt")).await;
    let (_, old) = traffic_report(&app).await;
    let (_, new) = traffic_report(&app).await;
    let (_, accepted) = traffic_report(&app).await;
    // The first report came in a month ago: its accept deadline has long passed.
    let month_ago = chrono::Utc::now() - chrono::TimeDelta::days(30);
    hientruong_db::fixtures::set_times(&mut app.db.conn(), old.parse().expect("uuid"), month_ago)
        .expect("set times");
    app.act_ok(&officer.token, &accepted, json!({"action": "accept"}))
        .await;

    let all = app.get_json("/api/v1/tickets", Some(&officer.token)).await;
    let order: Vec<&str> = all["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|t| t["id"].as_str().expect("id"))
        .collect();
    // Most pressing first: the overdue one, then the new one's accept deadline, then the accepted
    // one's (later) resolve deadline.
    assert_eq!(order, [old.as_str(), new.as_str(), accepted.as_str()]);
    assert_eq!(all["items"][0]["overdue"], true);
    assert_eq!(all["counts"], json!({"accepted": 1, "received": 2}));

    let overdue = app
        .get_json("/api/v1/tickets?overdue=true", Some(&officer.token))
        .await;
    assert_eq!(overdue["items"].as_array().expect("items").len(), 1);
    let received = app
        .get_json("/api/v1/tickets?status=received", Some(&officer.token))
        .await;
    assert_eq!(received["items"].as_array().expect("items").len(), 2);
    assert_eq!(
        received["counts"]["accepted"], 1,
        "counts ignore the status filter"
    );
    // Before the new ticket's deadline: only the overdue one.
    let new_due = all["items"][1]["due_at"].as_str().expect("due");
    let before_new = app
        .get_json(
            &format!("/api/v1/tickets?due_before={}", urlencode(new_due)),
            Some(&officer.token),
        )
        .await;
    let ids: Vec<&str> = before_new["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|t| t["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, [old.as_str()]);

    // Keyset pages of one.
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/tickets?limit=1&cursor={c}"),
            None => "/api/v1/tickets?limit=1".to_owned(),
        };
        let page = app.get_json(&path, Some(&officer.token)).await;
        seen.push(page["items"][0]["id"].as_str().expect("id").to_owned());
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    assert_eq!(seen, order);
    for bad in [
        "overdue=maybe",
        "status=lost",
        "due_before=yesterday",
        "assignee=someone",
    ] {
        let res = app
            .get(&format!("/api/v1/tickets?{bad}"), Some(&officer.token))
            .await;
        assert_eq!(
            error_code(res).await,
            (400, "invalid_query".into()),
            "{bad}"
        );
    }
}

fn urlencode(s: &str) -> String {
    s.replace('+', "%2B").replace(':', "%3A")
}

#[tokio::test]
async fn resolutions_whose_after_photos_lack_a_position_are_counted_in_the_statistics() {
    let app = TestApp::spawn().await;
    let officer = app.staff("officer", Some("ubnd-19753")).await;
    let ioc = app.staff("ioc_operator", None).await;
    let resident = app.resident("0905600601").await;
    let mut located = Vec::new();
    for photo in [jpeg(64, 48), gps_photo(CITADEL.0, CITADEL.1)] {
        let id = app.report(&resident, "environment", CITADEL).await;
        app.act_ok(&officer.token, &id, json!({"action": "accept"}))
            .await;
        let res = app
            .upload(
                &officer.token,
                &format!("/api/v1/tickets/{id}/photos"),
                photo,
            )
            .await;
        assert_eq!(res.status(), 201);
        let resolved = app
            .act_ok(
                &officer.token,
                &id,
                json!({"action": "resolve", "public_answer": "Đã dọn sạch"}),
            )
            .await;
        located.push(resolved["after_photo_located"].clone());
    }
    assert_eq!(located, [json!(false), json!(true)]);
    let summary = app
        .get_json("/api/v1/stats/summary", Some(&ioc.token))
        .await;
    assert_eq!(summary["resolved"], 2);
    assert_eq!(summary["resolved_unlocated"], 1);
    let csv = app
        .get("/api/v1/stats/summary?format=csv", Some(&ioc.token))
        .await
        .text()
        .await
        .expect("csv");
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let row: Vec<&str> = lines.next().expect("row").split(',').collect();
    let at = header
        .iter()
        .position(|c| *c == "resolved_unlocated")
        .expect("a column");
    assert_eq!(row[at], "1");
}
