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
