//! The event stream: every server process streams every public ticket event, whichever process
//! wrote it (PostgreSQL LISTEN/NOTIFY), without personal data or internal events.

use std::time::Duration;

use futures::StreamExt;
use hientruong_tests::{CITADEL, TestApp};
use serde_json::{Value, json};

/// Reads SSE messages from `res` until `want` of them have arrived (or 15 s pass).
async fn read_events(res: reqwest::Response, want: usize) -> (Vec<Value>, String) {
    let mut body = res.bytes_stream();
    let mut text = String::new();
    let mut events = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
    while events.len() < want {
        let chunk = tokio::time::timeout_at(deadline, body.next()).await;
        let Ok(Some(Ok(bytes))) = chunk else { break };
        text.push_str(&String::from_utf8_lossy(&bytes));
        events = text
            .split("\n\n")
            .filter(|m| m.contains("event: ticket"))
            .filter_map(|m| m.lines().find_map(|l| l.strip_prefix("data: ")))
            .filter_map(|d| serde_json::from_str(d).ok())
            .collect();
    }
    (events, text)
}

#[tokio::test]
async fn a_change_written_by_one_server_is_streamed_by_another() {
    let writer = TestApp::spawn().await;
    let reader = writer.spawn_beside().await;
    let res = reader
        .client
        .get(reader.url("/api/v1/events"))
        .send()
        .await
        .expect("stream");
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "text/event-stream");

    let resident = writer.resident("lan.truyen@example.com").await;
    let officer = writer.staff("officer", Some("csgt")).await;
    let colleague = writer.staff("officer", Some("csgt")).await;
    let manager = writer.staff("unit_manager", Some("csgt")).await;
    let id = writer.report(&resident, "traffic", CITADEL).await;
    // An internal assignment (not streamed), then an acceptance (streamed).
    writer
        .act_ok(
            &manager.token,
            &id,
            json!({"action": "assign", "assignee": colleague.id}),
        )
        .await;
    writer
        .act_ok(
            &officer.token,
            &id,
            json!({"action": "accept", "note": "Đội 3 đến ngay"}),
        )
        .await;

    let (events, text) = read_events(res, 2).await;
    let kinds: Vec<&str> = events.iter().filter_map(|e| e["kind"].as_str()).collect();
    assert_eq!(kinds, ["received", "accept"], "{text}");
    assert_eq!(events[1]["report_id"], id.as_str());
    assert_eq!(events[1]["status"], "accepted");
    assert_eq!(events[1]["commune"], "19753");
    assert_eq!(events[1]["unit"], "csgt");
    for secret in ["lan.truyen", "Đội 3", "Người Thử Nghiệm", "assign"] {
        assert!(
            !text.contains(secret),
            "{secret} in the public stream: {text}"
        );
    }
    assert!(text.contains("\nid: "), "events carry their id: {text}");
    // Exactly these fields, for every event: nothing else can slip in.
    for event in &events {
        let mut keys: Vec<&str> = event
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "at",
                "category",
                "commune",
                "id",
                "kind",
                "report_id",
                "status",
                "unit"
            ]
        );
    }
}

#[tokio::test]
async fn a_client_that_falls_behind_is_told_how_many_events_it_missed() {
    let app = TestApp::spawn().await;
    let res = app
        .client
        .get(app.url("/api/v1/events"))
        .send()
        .await
        .expect("stream");
    assert_eq!(res.status(), 200);
    let resident = app.resident("cham.doc@example.com").await;
    let id = app.report(&resident, "traffic", CITADEL).await;
    // Far more public events than the stream buffers (1,024) and the socket holds, committed at
    // once while the client reads nothing.
    use diesel::RunQueryDsl;
    diesel::sql_query(format!(
        "INSERT INTO report_events (report_id, kind, to_status, public) \
         SELECT '{id}', 'comment', 'received', true FROM generate_series(1, 60000)"
    ))
    .execute(&mut app.db.conn())
    .expect("events");
    tokio::time::sleep(Duration::from_secs(2)).await;
    let mut body = res.bytes_stream();
    let mut text = String::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while !text.contains("event: lagged") {
        let Ok(Some(Ok(bytes))) = tokio::time::timeout_at(deadline, body.next()).await else {
            break;
        };
        text.push_str(&String::from_utf8_lossy(&bytes));
    }
    let lagged = text
        .split("\n\n")
        .find(|m| m.starts_with("event: lagged"))
        .expect("a lagged notice");
    let data: Value = serde_json::from_str(
        lagged
            .lines()
            .find_map(|l| l.strip_prefix("data: "))
            .expect("data"),
    )
    .expect("json");
    assert!(data["missed"].as_u64().expect("missed") > 0, "{data}");
}
