//! Runs the walkthrough of docs/api.md ("A phone app from start to finish") against a live server,
//! exactly as written: each `http` request block is sent in order, and the `http` answer block
//! after it must match (status, listed headers, listed JSON fields; `"…"` is any value; arrays have
//! the listed length). `{{name}}` in an answer binds a value (or must equal it once bound); in a
//! request it is replaced by it. An HTML comment `<!-- example: the unit resolves the report with
//! "…" -->` makes the report's unit do so, as officers would between two steps; `<!-- example:
//! the resident reads the code sent to their login -->` binds `{{verification_code}}` to the code
//! registration queued in the outbox, as the resident reads it in the message.

use std::collections::HashMap;

use hientruong_tests::photos::{gps_photo, jpeg};
use hientruong_tests::{CITADEL, TestApp, workspace};
use serde_json::{Value, json};

const SECTION: &str = "## A phone app from start to finish";
const PHOTO: &str = "<the photo's bytes>";

#[derive(Debug)]
enum Step {
    Request(String),
    Answer(String),
    Resolve(String),
    ReadCode,
}

/// The section's steps, in order.
fn steps(doc: &str) -> Vec<Step> {
    let start = doc.find(SECTION).expect("the walkthrough section");
    let rest = &doc[start + SECTION.len()..];
    let section = &rest[..rest.find("\n## ").unwrap_or(rest.len())];
    let mut steps = Vec::new();
    let mut lines = section.lines();
    while let Some(line) = lines.next() {
        if let Some(answer) = line
            .strip_prefix("<!-- example: the unit resolves the report with \"")
            .and_then(|l| l.strip_suffix("\" -->"))
        {
            steps.push(Step::Resolve(answer.to_owned()));
        } else if line.trim_end()
            == "<!-- example: the resident reads the code sent to their login -->"
        {
            steps.push(Step::ReadCode);
        } else if line.trim_end() == "```http" {
            let block: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            let block = block.join("\n");
            steps.push(if block.starts_with("HTTP/1.1 ") {
                Step::Answer(block)
            } else {
                Step::Request(block)
            });
        }
    }
    steps
}

fn substitute(text: &str, vars: &HashMap<String, String>) -> String {
    let mut out = text.to_owned();
    for (name, value) in vars {
        out = out.replace(&format!("{{{{{name}}}}}"), value);
    }
    assert!(!out.contains("{{"), "an unbound value in {out}");
    out
}

/// `{{name}}` alone in a string.
fn placeholder(s: &str) -> Option<&str> {
    s.strip_prefix("{{").and_then(|s| s.strip_suffix("}}"))
}

/// Checks `actual` against the documented `expected`, binding placeholders.
fn matches(expected: &Value, actual: &Value, path: &str, vars: &mut HashMap<String, String>) {
    match expected {
        Value::String(s) if s == "…" => {}
        Value::String(s) if placeholder(s).is_some() => {
            let name = placeholder(s).unwrap_or_default().to_owned();
            let got = actual
                .as_str()
                .unwrap_or_else(|| panic!("{path}: expected a string, got {actual}"));
            match vars.get(&name) {
                Some(bound) => assert_eq!(got, bound, "{path}: {{{{{name}}}}}"),
                None => {
                    vars.insert(name, got.to_owned());
                }
            }
        }
        Value::Object(fields) => {
            for (key, value) in fields {
                let got = actual
                    .get(key)
                    .unwrap_or_else(|| panic!("{path}.{key} missing in {actual}"));
                matches(value, got, &format!("{path}.{key}"), vars);
            }
        }
        Value::Array(items) => {
            let got = actual
                .as_array()
                .unwrap_or_else(|| panic!("{path}: expected a list, got {actual}"));
            assert_eq!(got.len(), items.len(), "{path}: {actual}");
            for (i, (e, a)) in items.iter().zip(got).enumerate() {
                matches(e, a, &format!("{path}[{i}]"), vars);
            }
        }
        other => assert_eq!(actual, other, "{path}"),
    }
}

/// The request's head and body as written (lines after the first blank line).
fn split(block: &str) -> (Vec<&str>, Option<&str>) {
    match block.split_once("\n\n") {
        Some((head, body)) => (head.lines().collect(), Some(body)),
        None => (block.lines().collect(), None),
    }
}

async fn send(app: &TestApp, block: &str, photo: &[u8]) -> reqwest::Response {
    let (head, body) = split(block);
    let (method, path) = head[0].split_once(' ').expect("METHOD /path");
    let mut req = app
        .client
        .request(method.parse().expect("a method"), app.url(path));
    let mut multipart = false;
    for header in &head[1..] {
        let (name, value) = header.split_once(": ").expect("Name: value");
        multipart |= name == "Content-Type" && value.starts_with("multipart/form-data");
        req = req.header(name, value);
    }
    if let Some(body) = body {
        let bytes = if multipart {
            // Multipart lines end in CRLF; the photo placeholder stands for a real JPEG.
            let text = body.replace('\n', "\r\n") + "\r\n";
            let mut bytes = Vec::new();
            let mut parts = text.split(PHOTO);
            bytes.extend_from_slice(parts.next().unwrap_or_default().as_bytes());
            for part in parts {
                bytes.extend_from_slice(photo);
                bytes.extend_from_slice(part.as_bytes());
            }
            bytes
        } else {
            body.as_bytes().to_vec()
        };
        req = req.body(bytes);
    }
    req.send().await.expect("send")
}

async fn check(response: reqwest::Response, block: &str, vars: &mut HashMap<String, String>) {
    let (head, body) = split(block);
    let status: u16 = head[0]
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("HTTP/1.1 <status>");
    let headers = response.headers().clone();
    let got_status = response.status().as_u16();
    let text = response.text().await.expect("body");
    assert_eq!(got_status, status, "{}: {text}", head[0]);
    for header in &head[1..] {
        let (name, value) = header.split_once(": ").expect("Name: value");
        let got = headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_else(|| panic!("header {name} missing"));
        match value.find("{{") {
            Some(at) => {
                assert!(got.starts_with(&value[..at]), "{name}: {got}");
                matches(&json!(value[at..]), &json!(got[at..]), name, vars);
            }
            None => assert_eq!(got, value, "{name}"),
        }
    }
    match body {
        Some(expected) => {
            let expected: Value = serde_json::from_str(expected)
                .unwrap_or_else(|e| panic!("the documented answer is JSON: {e}: {expected}"));
            let actual: Value = serde_json::from_str(&text).expect("a JSON answer");
            matches(&expected, &actual, "$", vars);
        }
        None => assert!(text.is_empty(), "no body expected: {text}"),
    }
}

/// What the ward's officers do between two steps of the resident's app.
async fn resolve(app: &TestApp, report: &str, answer: &str) {
    let view: Value = app
        .get_json(&format!("/api/v1/reports/{report}"), None)
        .await;
    let unit = view["unit"]["code"].as_str().expect("unit");
    let officer = app.staff("officer", Some(unit)).await;
    app.act_ok(&officer.token, report, json!({"action": "accept"}))
        .await;
    let res = app
        .upload(
            &officer.token,
            &format!("/api/v1/tickets/{report}/photos"),
            jpeg(64, 48),
        )
        .await;
    assert_eq!(res.status(), 201);
    app.act_ok(
        &officer.token,
        report,
        json!({"action": "resolve", "public_answer": answer}),
    )
    .await;
}

#[tokio::test]
async fn the_phone_app_walkthrough_runs_as_documented() {
    let doc = std::fs::read_to_string(workspace().join("docs/api.md")).expect("docs/api.md");
    let steps = steps(&doc);
    let requests = steps
        .iter()
        .filter(|s| matches!(s, Step::Request(_)))
        .count();
    assert!(requests >= 9, "the walkthrough has its steps: {steps:?}");
    let app = TestApp::spawn().await;
    let photo = gps_photo(CITADEL.0, CITADEL.1);
    let mut vars = HashMap::new();
    let mut pending: Option<reqwest::Response> = None;
    for step in &steps {
        match step {
            Step::Request(block) => {
                assert!(pending.is_none(), "a request without its answer");
                pending = Some(send(&app, &substitute(block, &vars), &photo).await);
            }
            Step::Answer(block) => {
                let response = pending.take().expect("an answer follows a request");
                check(response, block, &mut vars).await;
            }
            Step::Resolve(answer) => {
                let report = vars.get("report_id").expect("a report by now").clone();
                resolve(&app, &report, answer).await;
            }
            Step::ReadCode => {
                #[derive(diesel::QueryableByName)]
                struct Queued {
                    #[diesel(sql_type = diesel::sql_types::Text)]
                    code: String,
                }
                let queued: Queued = diesel::RunQueryDsl::get_result(
                    diesel::sql_query(
                        "SELECT payload->'notice'->>'code' AS code FROM jobs \
                         WHERE kind IN ('account_email', 'sms') ORDER BY id DESC LIMIT 1",
                    ),
                    &mut app.db.conn(),
                )
                .expect("the code in the outbox");
                vars.insert("verification_code".into(), queued.code);
            }
        }
    }
    assert!(pending.is_none(), "the last request has its answer");
    // The walkthrough left one report, rated and closed, and no second one from the retry.
    assert_eq!(app.db.count("reports"), 1);
    assert_eq!(app.db.count("ratings"), 1);
}
