//! Atom feeds of public reports (issue 14): valid Atom 1.0 as two standard parsers read it
//! (Python's XML parser and feedparser), filtered as asked, and nothing of anyone's identity in
//! their bytes.

use std::io::Write;
use std::process::{Command, Stdio};

use hientruong_tests::{CITADEL, TestApp, error_code};
use serde_json::{Value, json};

/// What the standard parsers make of a feed (tests/src/atom_check.py).
fn parsed(bytes: &[u8]) -> Value {
    let mut child = Command::new(hientruong_tests::python())
        .args(["-c", include_str!("../src/atom_check.py")])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python with feedparser (scripts/test installs it)");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(bytes)
        .expect("feed to the parser");
    let out = child.wait_with_output().expect("parser");
    assert!(out.status.success(), "the XML parser refused the feed");
    serde_json::from_slice(&out.stdout).expect("json")
}

async fn feed(app: &TestApp, path: &str) -> (Vec<u8>, Value) {
    let res = app.get(path, None).await;
    assert_eq!(res.status(), 200, "{path}");
    assert_eq!(
        res.headers()["content-type"],
        "application/atom+xml; charset=utf-8"
    );
    let bytes = res.bytes().await.expect("body").to_vec();
    let checked = parsed(&bytes);
    assert_eq!(checked["problems"], json!([]), "{path}: {checked}");
    assert_eq!(checked["feedparser_bozo"], false, "{path}: {checked}");
    assert_eq!(checked["feedparser_version"], "atom10");
    (bytes, checked)
}

fn ids(checked: &Value) -> Vec<String> {
    checked["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| {
            e["id"]
                .as_str()
                .expect("id")
                .trim_start_matches("urn:uuid:")
                .to_owned()
        })
        .collect()
}

#[tokio::test]
async fn feeds_are_atom_filtered_as_asked_and_carry_no_identity() {
    let app = TestApp::spawn().await;
    let officer = app.staff("officer", Some("csgt")).await;
    let resident = app.resident("nguoi.viet.feed@example.com").await;
    let traffic = app.report(&resident, "traffic", CITADEL).await;
    let flood = app.report(&resident, "flooding", CITADEL).await;
    // Across the river, 2.6 km away, in another ward.
    let far = app.report(&resident, "traffic", (16.4456, 107.6012)).await;
    let mut odd_text = String::from("Ổ gà <sâu> & \"nguy hiểm\"");
    odd_text.push('\u{1F6A7}');
    let res = app
        .submit(
            &resident,
            uuid::Uuid::new_v4(),
            &json!({"category": "environment", "lat": CITADEL.0, "lon": CITADEL.1,
                    "description": odd_text}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let odd: Value = res.json().await.expect("json");
    let odd = odd["id"].as_str().expect("id").to_owned();
    // The traffic report is handled last: it leads the feed (the last updated first).
    app.act_ok(&officer.token, &traffic, json!({"action": "accept"}))
        .await;

    let (bytes, all) = feed(&app, "/feeds/reports.atom").await;
    assert_eq!(ids(&all)[0], traffic);
    for id in [&traffic, &flood, &far, &odd] {
        assert!(ids(&all).contains(id), "{id}");
    }
    let first = &all["entries"][0];
    assert!(
        first["link"]
            .as_str()
            .is_some_and(|l| l.ends_with(&format!("/#/reports/{traffic}"))),
        "{first}"
    );
    assert!(
        first["terms"]
            .as_array()
            .expect("terms")
            .contains(&json!("accepted"))
    );
    assert!(
        first["title"]
            .as_str()
            .expect("title")
            .contains("Đã nhận xử lý")
    );
    // No identity, not even the exact position (the public one is on a 10 m grid).
    let text = String::from_utf8(bytes).expect("utf-8");
    assert!(!text.contains("nguoi.viet.feed"), "{text}");
    assert!(text.contains("Ổ gà &lt;sâu&gt; &amp;"), "escaped text");

    let ward = app
        .get_json(&format!("/api/v1/reports/{traffic}"), None)
        .await["commune"]["code"]
        .as_str()
        .expect("commune")
        .to_owned();
    let (_, in_ward) = feed(&app, &format!("/feeds/reports.atom?commune={ward}")).await;
    assert!(!ids(&in_ward).contains(&far));
    assert!(ids(&in_ward).contains(&traffic));
    let (_, floods) = feed(&app, "/feeds/reports.atom?category=flooding").await;
    assert_eq!(ids(&floods), std::slice::from_ref(&flood));

    let (_, near) = feed(
        &app,
        &format!(
            "/feeds/nearby.atom?lat={}&lon={}&radius=300",
            CITADEL.0, CITADEL.1
        ),
    )
    .await;
    assert!(!ids(&near).contains(&far));
    assert_eq!(ids(&near).len(), 3);
    let (_, wide) = feed(
        &app,
        &format!(
            "/feeds/nearby.atom?lat={}&lon={}&radius=2000",
            CITADEL.0, CITADEL.1
        ),
    )
    .await;
    assert!(!ids(&wide).contains(&far), "2.6 km is beyond 2 km");

    // A hidden text leaves the feed at once.
    let ioc = app.staff("ioc_operator", None).await;
    let res = app
        .post_auth(
            &format!("/api/v1/admin/reports/{odd}/hide"),
            &ioc.token,
            &json!({"what": "text", "reason": "Thử ẩn"}),
        )
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    let (bytes, _) = feed(&app, "/feeds/reports.atom").await;
    assert!(
        !String::from_utf8(bytes)
            .expect("utf-8")
            .contains("nguy hiểm")
    );

    // Beyond 2 km, or not a place: refused with the API's codes.
    for (bad, expected) in [
        (
            format!(
                "/feeds/nearby.atom?lat={}&lon={}&radius=2001",
                CITADEL.0, CITADEL.1
            ),
            (400, "invalid_query"),
        ),
        (
            "/feeds/nearby.atom?lat=north&lon=1".to_owned(),
            (400, "invalid_query"),
        ),
        (
            "/feeds/nearby.atom?lat=95&lon=107".to_owned(),
            (422, "invalid_coordinates"),
        ),
        (
            "/feeds/reports.atom?category=%3Cx%3E".to_owned(),
            (400, "invalid_query"),
        ),
    ] {
        let (status, code) = error_code(app.get(&bad, None).await).await;
        assert_eq!((status, code.as_str()), expected, "{bad}");
    }
}
