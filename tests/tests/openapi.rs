//! The OpenAPI document of `/api/v1` (mobile-api/openapi.json): the committed file is what the code
//! serves, it covers every error code, and a property-based run of schemathesis against the live
//! server finds no server error and no answer that the document does not describe. (Every route
//! of `/api/v1` is an operation of the document by construction: `routes::API_V1` makes both.)

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use hientruong_domain::Error;
use hientruong_tests::process::command;
use hientruong_tests::{CITADEL, TestApp, error_code, target_dir, temp_dir, workspace};
use serde_json::Value;

const REGENERATE: &str = "cargo run --bin hientruong -- openapi > mobile-api/openapi.json";

fn committed_text() -> String {
    std::fs::read_to_string(workspace().join("mobile-api/openapi.json")).unwrap_or_else(|e| {
        panic!("read mobile-api/openapi.json ({e}); create it with `{REGENERATE}`")
    })
}

fn committed() -> Value {
    serde_json::from_str(&committed_text()).expect("mobile-api/openapi.json is JSON")
}

/// A JSON pointer segment (RFC 6901).
fn segment(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The JSON pointers at which `a` and `b` differ (at most `max`).
fn differences(a: &Value, b: &Value, at: &str, out: &mut Vec<String>, max: usize) {
    if out.len() >= max {
        return;
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            for key in keys {
                let path = format!("{at}/{}", segment(key));
                match (x.get(key), y.get(key)) {
                    (Some(v), Some(w)) => differences(v, w, &path, out, max),
                    (Some(_), None) => out.push(format!("{path} (only in the code)")),
                    (None, Some(_)) => out.push(format!("{path} (only in the committed file)")),
                    (None, None) => {}
                }
                if out.len() >= max {
                    return;
                }
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                differences(v, w, &format!("{at}/{i}"), out, max);
            }
        }
        _ if a != b => out.push(at.to_owned()),
        _ => {}
    }
}

#[tokio::test]
async fn the_committed_document_is_the_one_the_code_serves() {
    let app = TestApp::spawn().await;
    let res = app.get("/api/v1/openapi.json", None).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-type"].to_str().expect("ascii"),
        "application/json"
    );
    let served: Value = res.json().await.expect("JSON");
    let mut diff = Vec::new();
    differences(&served, &committed(), "", &mut diff, 10);
    assert!(
        diff.is_empty(),
        "mobile-api/openapi.json is not the document the code serves; regenerate it with\n    \
         {REGENERATE}\nand review the change. First differences (JSON pointers):\n  {}",
        diff.join("\n  ")
    );
}

#[test]
fn the_cli_prints_the_committed_document_byte_for_byte() {
    let out = command()
        .arg("openapi")
        .output()
        .expect("run hientruong openapi");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout) == committed_text(),
        "`hientruong openapi` does not print mobile-api/openapi.json; regenerate it with\n    {REGENERATE}"
    );
}

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

fn documented(doc: &Value) -> BTreeSet<(String, String)> {
    let mut ops = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in METHODS {
            if item.get(method).is_some() {
                ops.insert((method.to_owned(), path.clone()));
            }
        }
    }
    ops
}

#[test]
fn the_document_is_openapi_3_1_and_covers_every_error_code() {
    let doc = committed();
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(doc.get("servers").is_none(), "no absolute server URL");

    // The error enum is every code, in the order of the domain's list.
    let codes: Vec<&str> = Error::ALL.iter().map(|e| e.code()).collect();
    let error = &doc["components"]["schemas"]["Error"];
    let listed: Vec<&str> = error["properties"]["error"]["enum"]
        .as_array()
        .expect("the code enum")
        .iter()
        .map(|c| c.as_str().expect("a code"))
        .collect();
    assert_eq!(listed, codes);
    let description = error["description"].as_str().expect("a description");
    for e in Error::ALL {
        let row = format!("`{}` |", e.code());
        assert!(description.contains(&row), "{row} in the Error description");
        assert!(description.contains(e.message(hientruong_domain::Lang::En)));
    }

    // Every operation: an id, a success answer, and errors that are the Error shape with codes of
    // their status; a token's errors only where a token is looked at.
    for (method, path) in &documented(&doc) {
        let op = &doc["paths"][path][method];
        let id = op["operationId"].as_str().unwrap_or_default();
        assert!(!id.is_empty(), "{method} {path} has an operationId");
        let responses = op["responses"].as_object().expect("responses");
        assert!(
            responses.keys().any(|s| s.starts_with('2')),
            "{id}: a success answer"
        );
        let secured = op["security"]
            .as_array()
            .is_some_and(|s| s.iter().any(|r| r.get("bearer").is_some()));
        for (status, response) in responses.iter().filter(|(s, _)| !s.starts_with('2')) {
            let schema = &response["content"]["application/json"]["schema"];
            assert_eq!(
                schema["allOf"][0]["$ref"], "#/components/schemas/Error",
                "{id} {status}"
            );
            for code in schema["allOf"][1]["properties"]["error"]["enum"]
                .as_array()
                .expect("codes")
            {
                let e = Error::ALL
                    .iter()
                    .find(|e| e.code() == code)
                    .unwrap_or_else(|| panic!("{id}: unknown code {code}"));
                assert_eq!(
                    hientruong_api::error::status_of(*e).as_u16().to_string(),
                    *status,
                    "{id}: {code}"
                );
                if matches!(e, Error::InvalidToken | Error::TokenExpired) {
                    assert!(secured, "{id} answers {code} but has no bearer security");
                }
            }
        }
    }
    let id_of = |method: &str, path: &str| doc["paths"][path][method]["operationId"].clone();
    assert_eq!(id_of("post", "/api/v1/reports"), "create_report");
    assert_eq!(
        doc["paths"]["/api/v1/reports"]["post"]["requestBody"]["content"]
            .as_object()
            .map(|c| c.keys().cloned().collect::<Vec<_>>()),
        Some(vec![
            "application/json".to_owned(),
            "multipart/form-data".to_owned()
        ])
    );
    assert_eq!(
        doc["paths"]["/api/v1/events"]["get"]["responses"]["200"]["content"]
            .as_object()
            .map(|c| c.keys().cloned().collect::<Vec<_>>()),
        Some(vec!["text/event-stream".to_owned()])
    );
}

/// schemathesis (`st`) from the virtualenv scripts/test makes.
fn schemathesis() -> PathBuf {
    [
        workspace().join("target/test-venv/bin/st"),
        target_dir().join("test-venv/bin/st"),
    ]
    .into_iter()
    .find(|p| p.is_file())
    .unwrap_or_else(|| {
        panic!(
            "schemathesis is not installed in target/test-venv: run scripts/test, which installs \
             it (or `target/test-venv/bin/pip install 'schemathesis>=4,<5'`)"
        )
    })
}

/// Operations a fuzzer cannot test. `GET /events` is a stream that never ends: every request
/// would wait for its timeout. (`POST /auth/logout` stays: it revokes the session of the refresh
/// token in its body, and the fuzzer knows none; the access tokens used here are unaffected.)
const EXCLUDED: &[&str] = &["events"];

/// Examples per operation and phase: about 3,500 requests a run, 25 to 40 s on 2 cores (the
/// whole test stays well within nextest's limit even beside other tests).
const EXAMPLES: &str = "40";

/// Runs schemathesis against `app` with `token`, over the operations `include` matches (a regex
/// of operation ids); panics with its output when it finds anything.
fn fuzz(app: &TestApp, who: &str, token: &str, include: &str, report: &str) {
    let started = Instant::now();
    let dir = temp_dir("schemathesis");
    // The operations on one report or ticket get the id of a real one, so that they reach more
    // than `404 not_found`.
    let config = dir.join("schemathesis.toml");
    std::fs::write(
        &config,
        format!(
            "[[operations]]\n\
             include-operation-id-regex = \"^(get_report|rate_report|add_report_photo|get_ticket|\
             transition_ticket|add_ticket_photo)$\"\n\
             parameters = {{ \"path.id\" = \"{report}\" }}\n"
        ),
    )
    .expect("write schemathesis.toml");
    let mut st = Command::new(schemathesis());
    st.current_dir(&dir)
        .arg("--config-file")
        .arg(&config)
        .arg("run")
        .arg(workspace().join("mobile-api/openapi.json"))
        .args(["--url", &app.base])
        .args(["--header", &format!("Authorization: Bearer {token}")])
        .args([
            "--checks",
            "not_a_server_error,status_code_conformance,content_type_conformance,\
             response_headers_conformance,response_schema_conformance",
        ])
        .args(["--include-operation-id-regex", include])
        .args(["--max-examples", EXAMPLES])
        .args(["--seed", "20261127"])
        .args(["--generation-database", "none"])
        // One worker: Python 3.11's parser is not safe in threads (hypothesis then fails with
        // "AST constructor recursion depth mismatch"), and the test server has one worker too.
        .args(["--workers", "1"])
        .args(["--request-timeout", "20"])
        .args(["--no-color", "--output-truncate", "false"])
        .env_remove("SCHEMATHESIS_HOOKS");
    for id in EXCLUDED {
        st.args(["--exclude-operation-id", id]);
    }
    let out = st.output().expect("run schemathesis");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
    let summary: Vec<&str> = text
        .lines()
        .filter(|l| {
            l.contains("generated,")
                || l.contains("Seed:")
                || l.contains(" in ") && l.contains("===")
        })
        .collect();
    eprintln!(
        "schemathesis as {who}: {:.0} s\n{}",
        started.elapsed().as_secs_f64(),
        summary.join("\n")
    );
    assert!(
        out.status.success(),
        "schemathesis as {who} found problems (exit {:?}):\n{text}",
        out.status.code()
    );
    assert!(
        text.contains("Test cases:") && text.contains(" generated, "),
        "schemathesis as {who} ran no test:\n{text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schemathesis_finds_no_server_error_and_no_answer_outside_the_document() {
    let st = schemathesis();
    assert!(st.is_file());
    let app = TestApp::spawn().await;
    let resident = app.resident("0905111222").await;
    let report = app.report(&resident, "traffic", CITADEL).await;
    let officer = app.staff("officer", Some("csgt")).await;
    app.act_ok(
        &officer.token,
        &report,
        serde_json::json!({"action": "accept"}),
    )
    .await;
    let admin = app.staff("admin", None).await;
    let app = std::sync::Arc::new(app);
    let run = app.clone();
    tokio::task::spawn_blocking(move || {
        // As a resident: everything (staff operations answer 403).
        fuzz(&run, "a resident", &resident, ".*", &report);
        // As an administrator: the staff and administration operations too.
        fuzz(&run, "an administrator", &admin.token, ".*", &report);
    })
    .await
    .expect("the runs");
}

/// What the fuzzer found, kept as plain tests.
#[tokio::test]
async fn what_the_fuzzer_found_stays_fixed() {
    let app = TestApp::spawn().await;
    let admin = app.staff("admin", None).await;
    // A year outside the dates the database holds was a 500.
    for year in ["-94412", "0", "10000"] {
        let res = app
            .get(
                &format!("/api/v1/admin/holidays?year={year}"),
                Some(&admin.token),
            )
            .await;
        assert_eq!(
            error_code(res).await,
            (400, "invalid_query".into()),
            "{year}"
        );
    }
    // Ending a rule before it started was `400 invalid_query`, the code of query strings.
    let rules = app
        .get_json("/api/v1/admin/routing-rules", Some(&admin.token))
        .await;
    let id = &rules[0]["id"];
    let res = app
        .post_auth(
            &format!("/api/v1/admin/routing-rules/{id}/end"),
            &admin.token,
            &serde_json::json!({"valid_to": "2000-01-01T00:00:00Z"}),
        )
        .await;
    assert_eq!(error_code(res).await, (422, "invalid_period".into()));
}
