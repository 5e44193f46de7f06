//! Open311 GeoReport v2 (`/open311/v2`): every call in both formats, the XML read by a conforming
//! XML parser (roxmltree) and found to say what the JSON says; postings with API keys, their
//! errors, idempotency and rate; the listing's window, ids, filters and pages; FixMyStreet's
//! updates; and that nothing about the reporter ever comes out.

use hientruong_domain::limits::{Limited, Limits, Quota};
use hientruong_tests::photos::jpeg;
use hientruong_tests::{CITADEL, Staff, TestApp};
use reqwest::Response;
use serde_json::{Value, json};
use uuid::Uuid;

const EMAIL: &str = "nguoi.bao@example.vn";
const FIRST: &str = "Thị Hoa";
const LAST: &str = "Lê-Riêng";
const PHONE: &str = "0905777888";

/// A key for a client application, made as `hientruong api-key create` makes it.
fn key(app: &TestApp, name: &str) -> String {
    hientruong_db::open311::create_key(&mut app.db.conn(), name, None)
        .expect("create key")
        .1
}

async fn post(app: &TestApp, suffix: &str, query: &str, fields: &[(&str, &str)]) -> Response {
    app.client
        .post(app.url(&format!("/open311/v2/requests.{suffix}{query}")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(serde_urlencoded::to_string(fields).expect("form"))
        .send()
        .await
        .expect("post")
}

/// A traffic report at the citadel with everything a client may send about the reporter.
fn traffic(api_key: &str, description: &str) -> Vec<(String, String)> {
    [
        ("api_key", api_key),
        ("service_code", "traffic"),
        ("lat", "16.4698"),
        ("long", "107.5786"),
        ("address_string", "Cửa Ngọ Môn"),
        ("description", description),
        ("email", EMAIL),
        ("first_name", FIRST),
        ("last_name", LAST),
        ("phone", PHONE),
        ("attribute[hazard][]", "pothole"),
        ("attribute[hazard][]", "obstruction"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

/// The XML as a JSON-like value: lists are elements whose children all carry the singular name.
fn xml_value(node: roxmltree::Node) -> Value {
    let children: Vec<_> = node.children().filter(|c| c.is_element()).collect();
    if children.is_empty() {
        return node
            .text()
            .filter(|t| !t.is_empty())
            .map_or(Value::Null, |t| Value::String(t.to_owned()));
    }
    let name = node.tag_name().name();
    let item = match name {
        "service_requests" => "request",
        "service_requests_updates" => "request_update",
        other => other.strip_suffix('s').unwrap_or(""),
    };
    if children.iter().all(|c| c.tag_name().name() == item) {
        Value::Array(children.into_iter().map(xml_value).collect())
    } else {
        Value::Object(
            children
                .into_iter()
                .map(|c| (c.tag_name().name().to_owned(), xml_value(c)))
                .collect(),
        )
    }
}

/// JSON as XML can carry it: scalars as text, empty text and empty lists as nothing.
fn as_text(value: &Value) -> Value {
    match value {
        Value::Array(items) if items.is_empty() => Value::Null,
        Value::Array(items) => Value::Array(items.iter().map(as_text).collect()),
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(k, v)| (k.clone(), as_text(v)))
                .collect(),
        ),
        Value::String(s) if s.is_empty() => Value::Null,
        Value::String(s) => Value::String(s.clone()),
        Value::Null => Value::Null,
        other => Value::String(other.to_string()),
    }
}

/// Both formats of a call: same status, the right content types, XML that parses (declared
/// UTF-8, the expected root) and says the same as the JSON. Returns the status and the JSON.
async fn both(app: &TestApp, path: &str, query: &str, root: &str) -> (u16, Value) {
    let json_res = app
        .get(&format!("/open311/v2/{path}.json{query}"), None)
        .await;
    let xml_res = app
        .get(&format!("/open311/v2/{path}.xml{query}"), None)
        .await;
    let status = json_res.status().as_u16();
    assert_eq!(xml_res.status().as_u16(), status, "{path}{query}");
    let content_type = |r: &Response| {
        r.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(content_type(&json_res), "application/json");
    assert_eq!(content_type(&xml_res), "text/xml; charset=utf-8");
    let json: Value = json_res.json().await.expect("JSON");
    let text = xml_res.text().await.expect("text");
    assert!(
        text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
        "{text}"
    );
    let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    assert_eq!(doc.root_element().tag_name().name(), root, "{text}");
    assert_eq!(
        xml_value(doc.root_element()),
        as_text(&json),
        "{path}{query}: XML {text}"
    );
    (status, json)
}

/// An error in both formats: the status, and the stable code that starts the description.
async fn error_both(app: &TestApp, path: &str, query: &str) -> (u16, String) {
    let (status, body) = both(app, path, query, "errors").await;
    let errors = body.as_array().expect("a list of errors");
    assert_eq!(errors.len(), 1, "{body}");
    assert_eq!(errors[0]["code"], status, "{body}");
    let description = errors[0]["description"].as_str().expect("description");
    (
        status,
        description.split(':').next().unwrap_or("").to_owned(),
    )
}

async fn posted_error(res: Response) -> (u16, String) {
    let status = res.status().as_u16();
    let body: Value = res.json().await.expect("JSON error");
    assert_eq!(body[0]["code"], status, "{body}");
    let description = body[0]["description"].as_str().expect("description");
    (
        status,
        description.split(':').next().unwrap_or("").to_owned(),
    )
}

/// Posts and returns the created request's id and token.
async fn post_ok(app: &TestApp, fields: &[(String, String)]) -> (String, String) {
    let res = post(app, "json", "", &pairs(fields)).await;
    let status = res.status();
    let body: Value = res.json().await.expect("json");
    assert_eq!(status, 201, "{body}");
    (
        body[0]["service_request_id"]
            .as_str()
            .expect("id")
            .to_owned(),
        body[0]["token"].as_str().expect("token").to_owned(),
    )
}

async fn resolve(app: &TestApp, officer: &Staff, id: &str) {
    app.act_ok(&officer.token, id, json!({"action": "accept"}))
        .await;
    let res = app
        .upload(
            &officer.token,
            &format!("/api/v1/tickets/{id}/photos"),
            jpeg(64, 48),
        )
        .await;
    assert_eq!(res.status(), 201);
    app.act_ok(
        &officer.token,
        id,
        json!({"action": "resolve", "public_answer": "Đã vá ổ gà & dọn đường."}),
    )
    .await;
}

fn is_hue_time(v: &Value) -> bool {
    v.as_str().is_some_and(|s| {
        s.len() == 25 && s.ends_with("+07:00") && chrono::DateTime::parse_from_rfc3339(s).is_ok()
    })
}

#[tokio::test]
async fn every_call_answers_the_same_in_xml_and_json_and_never_names_the_reporter() {
    let app = TestApp::spawn().await;
    let api_key = key(&app, "Ứng dụng Phố Huế");
    let (id, token) = post_ok(&app, &traffic(&api_key, "Ổ gà lớn <giữa> đường & vật cản")).await;
    let officer = app.staff("officer", Some("csgt")).await;
    resolve(&app, &officer, &id).await;
    // A second, open request with a photo sent through the residents' app.
    let resident = app.resident("0905111222").await;
    let open_id = app.report(&resident, "flooding", CITADEL).await;
    let mut outputs = Vec::new();

    let (_, discovery) = both(&app, "discovery", "", "discovery").await;
    let endpoint = &discovery["endpoints"][0];
    assert_eq!(
        endpoint["specification"],
        "http://wiki.open311.org/GeoReport_v2"
    );
    assert_eq!(endpoint["url"], app.url("/open311/v2"));
    assert_eq!(endpoint["formats"], json!(["text/xml", "application/json"]));

    let (_, services) = both(&app, "services", "", "services").await;
    let codes: Vec<&str> = services
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|s| s["service_code"].as_str())
        .collect();
    assert_eq!(
        codes,
        ["flooding", "fire", "traffic", "environment", "health"]
    );
    let fire = &services[1];
    assert_eq!(
        (
            &fire["service_name"],
            &fire["metadata"],
            &fire["type"],
            &fire["group"]
        ),
        (
            &json!("Cháy nổ"),
            &json!(true),
            &json!("realtime"),
            &json!("Thiên tai và sự cố")
        )
    );
    assert_eq!(services[4]["metadata"], false);

    let (_, definition) = both(&app, "services/traffic", "", "service_definition").await;
    assert_eq!(definition["service_code"], "traffic");
    let hazard = &definition["attributes"][0];
    assert_eq!(
        (
            &hazard["code"],
            &hazard["datatype"],
            &hazard["required"],
            &hazard["variable"]
        ),
        (
            &json!("hazard"),
            &json!("multivaluelist"),
            &json!(false),
            &json!(true)
        )
    );
    assert_eq!(
        hazard["values"][0],
        json!({"key": "pothole", "name": "Ổ gà"})
    );
    let (_, empty) = both(&app, "services/health", "", "service_definition").await;
    assert_eq!(empty["attributes"], json!([]));

    let (_, one) = both(&app, &format!("requests/{id}"), "", "service_requests").await;
    let request = &one[0];
    assert_eq!(request["service_request_id"], id.as_str());
    assert_eq!(request["status"], "closed");
    assert_eq!(request["status_notes"], "Đã vá ổ gà & dọn đường.");
    assert_eq!(request["service_code"], "traffic");
    assert_eq!(request["description"], "Ổ gà lớn <giữa> đường & vật cản");
    assert_eq!(request["address"], "Cửa Ngọ Môn");
    assert_eq!(
        (request["lat"].as_f64(), request["long"].as_f64()),
        (Some(16.4698), Some(107.5786))
    );
    assert!(is_hue_time(&request["requested_datetime"]), "{request}");
    assert!(is_hue_time(&request["updated_datetime"]), "{request}");
    assert!(
        request["agency_responsible"]
            .as_str()
            .is_some_and(|a| !a.is_empty())
    );
    assert!(
        request["service_notice"]
            .as_str()
            .is_some_and(|n| n.contains("HT-"))
    );
    // The client sent no photo: none to show.
    assert_eq!(request["media_url"], Value::Null);

    let (_, open) = both(&app, &format!("requests/{open_id}"), "", "service_requests").await;
    assert_eq!(open[0]["status"], "open");
    assert!(is_hue_time(&open[0]["expected_datetime"]), "{open}");

    let (_, listed) = both(&app, "requests", "", "service_requests").await;
    assert_eq!(listed.as_array().map(Vec::len), Some(2), "{listed}");
    assert_eq!(
        listed[0]["service_request_id"],
        open_id.as_str(),
        "newest first"
    );

    let (_, tokens) = both(&app, &format!("tokens/{token}"), "", "service_requests").await;
    assert_eq!(tokens, json!([{"service_request_id": id, "token": token}]));

    let (_, updates) = both(
        &app,
        "servicerequestupdates",
        "",
        "service_requests_updates",
    )
    .await;
    let statuses: Vec<(&str, &str)> = updates
        .as_array()
        .expect("list")
        .iter()
        .map(|u| {
            (
                u["status"].as_str().unwrap_or_default(),
                u["external_status_code"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        [("investigating", "accepted"), ("fixed", "resolved")]
    );
    let fixed = &updates[1];
    assert_eq!(fixed["service_request_id"], id.as_str());
    assert_eq!(fixed["description"], "Đã vá ổ gà & dọn đường.");
    assert!(is_hue_time(&fixed["updated_datetime"]));
    let after = fixed["media_url"].as_str().expect("the after photo");
    let photo = app.client.get(after).send().await.expect("photo");
    assert_eq!(photo.status(), 200, "{after}");

    // In English on request.
    let english: Value = app
        .client
        .get(app.url("/open311/v2/services.json"))
        .header("Accept-Language", "en")
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(english[1]["service_name"], "Fire");

    outputs.extend([
        discovery, services, definition, one, open, listed, tokens, updates,
    ]);
    for suffix in ["xml", "json"] {
        for path in ["requests", &format!("requests/{id}")] {
            outputs.push(Value::String(
                app.get(&format!("/open311/v2/{path}.{suffix}"), None)
                    .await
                    .text()
                    .await
                    .expect("text"),
            ));
        }
    }
    let everything = outputs
        .iter()
        .map(Value::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    for secret in [
        EMAIL,
        FIRST,
        LAST,
        PHONE,
        "0905111222",
        "Người Thử Nghiệm",
        &api_key,
    ] {
        assert!(!everything.contains(secret), "{secret} leaked");
    }
    // Officers see the answers; who reported, only those who may know (IOC, administrators).
    let handling = app
        .get_json(&format!("/api/v1/tickets/{id}"), Some(&officer.token))
        .await;
    assert_eq!(
        handling["answers"],
        json!({"hazard": ["obstruction", "pothole"]})
    );
    assert!(handling.get("contact").is_none(), "{handling}");
    for secret in [EMAIL, FIRST, LAST, PHONE] {
        assert!(
            !handling.to_string().contains(secret),
            "{secret} shown to the unit"
        );
    }
    let ioc = app.staff("ioc_operator", None).await;
    let overseeing = app
        .get_json(&format!("/api/v1/tickets/{id}"), Some(&ioc.token))
        .await;
    assert_eq!(
        overseeing["contact"],
        json!({"email": EMAIL, "first_name": FIRST, "last_name": LAST, "phone": PHONE,
               "device_id": null, "account_id": null, "media_url": null})
    );
    let plain = app
        .get_json(&format!("/api/v1/tickets/{open_id}"), Some(&ioc.token))
        .await;
    assert_eq!(plain["answers"], json!({}));
    assert!(plain.get("contact").is_none());
    // The unit's accept and resolution are told to the address the application gave, never to
    // the application's own account.
    let mailed: Vec<(String, String)> = {
        use diesel::prelude::*;
        use hientruong_db::schema::jobs;
        jobs::table
            .filter(jobs::kind.eq("email"))
            .select(jobs::payload)
            .load::<Value>(&mut app.db.conn())
            .expect("jobs")
            .into_iter()
            .map(|p| {
                (
                    p["to"].as_str().unwrap_or_default().to_owned(),
                    p["notice"]["kind"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .filter(|(to, _)| !to.ends_with(".test") && !to.contains("hue.hientruong.invalid"))
            .collect()
    };
    assert_eq!(
        mailed,
        [
            (EMAIL.to_owned(), "accepted".to_owned()),
            (EMAIL.to_owned(), "resolved".to_owned())
        ],
        "{mailed:?}"
    );
    // The reporter's details are kept with the report.
    let kept: (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Value,
    ) = {
        use diesel::prelude::*;
        use hientruong_db::schema::report_submissions as s;
        s::table
            .find(Uuid::parse_str(&id).expect("uuid"))
            .select((s::email, s::first_name, s::last_name, s::phone, s::answers))
            .first(&mut app.db.conn())
            .expect("submission row")
    };
    assert_eq!(
        kept,
        (
            Some(EMAIL.into()),
            Some(FIRST.into()),
            Some(LAST.into()),
            Some(PHONE.into()),
            json!({"hazard": ["obstruction", "pothole"]})
        )
    );
}

#[tokio::test]
async fn bad_postings_and_missing_things_get_the_standards_errors() {
    let app = TestApp::spawn().await;
    let api_key = key(&app, "Ứng dụng thử");
    let good = traffic(&api_key, "Cây đổ chắn đường");
    let with = |changes: &[(&str, Option<&str>)]| {
        let mut fields: Vec<(String, String)> = good.clone();
        for (name, value) in changes {
            fields.retain(|(k, _)| k != name);
            if let Some(v) = value {
                fields.push((name.to_string(), v.to_string()));
            }
        }
        fields
    };
    type Fields = Vec<(String, String)>;
    let cases: Vec<(Fields, u16, &str)> = vec![
        (with(&[("api_key", None)]), 403, "invalid_api_key"),
        (
            with(&[("api_key", Some("ht_not-a-key"))]),
            403,
            "invalid_api_key",
        ),
        (
            with(&[("service_code", Some("potholes"))]),
            400,
            "unknown_category",
        ),
        (
            with(&[("lat", Some("10.7769")), ("long", Some("106.7009"))]),
            400,
            "outside_service_area",
        ),
        (with(&[("lat", Some("north"))]), 400, "invalid_coordinates"),
        (
            with(&[("lat", None), ("long", None)]),
            400,
            "location_required",
        ),
        (with(&[("description", None)]), 400, "description_empty"),
        (
            with(&[("attribute[hazard][]", Some("meteor"))]),
            400,
            "invalid_attribute",
        ),
        (
            with(&[("attribute[colour]", Some("red"))]),
            400,
            "invalid_attribute",
        ),
        (
            with(&[("jurisdiction_id", Some("hanoi.gov.vn"))]),
            404,
            "unknown_jurisdiction",
        ),
        (
            with(&[("email", Some(&"x".repeat(501)))]),
            400,
            "text_too_long",
        ),
    ];
    for (fields, status, code) in cases {
        let res = post(&app, "json", "", &pairs(&fields)).await;
        assert_eq!(
            posted_error(res).await,
            (status, code.to_owned()),
            "{fields:?}"
        );
    }
    // A fire needs its required answer.
    let mut fire = with(&[
        ("service_code", Some("fire")),
        ("attribute[hazard][]", None),
    ]);
    assert_eq!(
        posted_error(post(&app, "json", "", &pairs(&fire)).await).await,
        (400, "invalid_attribute".to_owned())
    );
    fire.push(("attribute[people_trapped]".into(), "unknown".into()));
    post_ok(&app, &fire).await;

    // XML errors parse, with the same shape.
    let res = post(&app, "xml", "", &[("api_key", "nope")]).await;
    assert_eq!(res.status(), 403);
    let text = res.text().await.expect("text");
    let doc = roxmltree::Document::parse(&text).expect("XML");
    let error = xml_value(doc.root_element());
    assert_eq!(error[0]["code"], "403", "{text}");
    assert!(
        error[0]["description"]
            .as_str()
            .is_some_and(|d| d.starts_with("invalid_api_key: "))
    );
    // A body over the limit (128 KiB) is refused in the standard's shape.
    let big = format!("api_key={api_key}&description={}", "x".repeat(200 * 1024));
    let res = app
        .client
        .post(app.url("/open311/v2/requests.xml"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(big)
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), 413);
    let text = res.text().await.expect("text");
    let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    assert!(
        xml_value(doc.root_element())[0]["description"]
            .as_str()
            .is_some_and(|d| d.starts_with("payload_too_large: ")),
        "{text}"
    );
    // The key is checked before anything else, wherever the other fields are.
    let res = post(
        &app,
        "json",
        "?jurisdiction_id=hanoi.gov.vn&lat=x",
        &[("service_code", "traffic")],
    )
    .await;
    assert_eq!(posted_error(res).await, (403, "invalid_api_key".to_owned()));
    // Other content types are refused.
    let res = app
        .client
        .post(app.url(&format!("/open311/v2/requests.json?api_key={api_key}")))
        .json(&json!({"service_code": "traffic"}))
        .send()
        .await
        .expect("post");
    assert_eq!(
        posted_error(res).await,
        (400, "unsupported_media_type".into())
    );

    // The key from the query string works as well as from the form.
    let mut in_query = good.clone();
    in_query.retain(|(k, _)| k != "api_key");
    let res = post(
        &app,
        "json",
        &format!("?api_key={api_key}"),
        &pairs(&in_query),
    )
    .await;
    assert_eq!(res.status(), 201);
    let res = post(&app, "json", "?jurisdiction_id=hue.gov.vn", &pairs(&good)).await;
    assert_eq!(res.status(), 201, "the right jurisdiction is accepted");

    // Missing resources and bad parameters, in both formats.
    let missing = Uuid::new_v4();
    for (path, query, expected) in [
        ("services/potholes", "", (404, "not_found")),
        (&format!("requests/{missing}"), "", (404, "not_found")),
        ("requests/HT-1234", "", (404, "not_found")),
        (&format!("tokens/{missing}"), "", (404, "not_found")),
        (
            "services",
            "?jurisdiction_id=hanoi.gov.vn",
            (404, "unknown_jurisdiction"),
        ),
        ("requests", "?status=pending", (400, "invalid_query")),
        ("requests", "?page_size=1001", (400, "invalid_query")),
        (
            "requests",
            "?start_date=2026-01-01&end_date=2026-06-01",
            (400, "date_range_too_long"),
        ),
        ("requests", "?start_date=last+week", (400, "invalid_query")),
        (
            "requests",
            "?start_date=2026-06-01&end_date=2026-01-01",
            (400, "invalid_period"),
        ),
        (
            "servicerequestupdates",
            "?start_date=2025-01-01T00:00:00Z",
            (200, ""),
        ),
        (
            "servicerequestupdates",
            "?end_date=2026-01-01&start_date=2025-01-01",
            (400, "date_range_too_long"),
        ),
        ("nothing-here", "", (404, "not_found")),
    ] {
        if expected.0 == 200 {
            assert_eq!(
                both(&app, path, query, "service_requests_updates").await.0,
                200
            );
            continue;
        }
        assert_eq!(
            error_both(&app, path, query).await,
            (expected.0, expected.1.to_owned()),
            "{path}{query}"
        );
    }
    // A format the standard does not know is a path that does not exist.
    let res = app.get("/open311/v2/services.csv", None).await;
    assert_eq!(res.status(), 404);
    assert!(res.text().await.expect("text").starts_with("<?xml"));
}

#[tokio::test]
async fn a_retried_posting_finds_its_request_and_tokens_lead_to_it() {
    let app = TestApp::spawn().await;
    let api_key = key(&app, "Ứng dụng mạng chập chờn");
    let fields = traffic(&api_key, "Đèn tín hiệu hỏng");
    let (first, token) = post_ok(&app, &fields).await;
    // The answer was lost; the client sends the same again (the key elsewhere makes no difference).
    let mut again = fields.clone();
    again.retain(|(k, _)| k != "api_key");
    let res = post(&app, "json", &format!("?api_key={api_key}"), &pairs(&again)).await;
    let body: Value = res.json().await.expect("json");
    assert_eq!(body[0]["service_request_id"], first.as_str());
    assert_eq!(body[0]["token"], token.as_str());
    assert_eq!(app.db.count("reports"), 1);
    assert_eq!(app.db.count("report_submissions"), 1);
    // A posting is recognised for a day: posted just before midnight and retried just after, it
    // is found under the previous day's key; the same content a day later is a new report.
    {
        use diesel::prelude::*;
        use hientruong_db::schema::{api_keys, reports};
        let mut conn = app.db.conn();
        let key_id: Uuid = api_keys::table
            .select(api_keys::id)
            .first(&mut conn)
            .expect("key id");
        let posting = hientruong_domain::open311::Posting::new(fields.clone());
        let (today, yesterday) = posting.derived_keys(key_id, chrono::Utc::now());
        let stored: Uuid = reports::table
            .find(Uuid::parse_str(&first).expect("uuid"))
            .select(reports::idempotency_key)
            .first(&mut conn)
            .expect("report");
        assert_eq!(stored, today);
        for (hours_ago, replayed) in [(1, true), (25, false)] {
            diesel::update(reports::table.find(Uuid::parse_str(&first).expect("uuid")))
                .set((
                    reports::idempotency_key.eq(yesterday),
                    reports::created_at.eq(chrono::Utc::now() - chrono::Duration::hours(hours_ago)),
                ))
                .execute(&mut conn)
                .expect("move the posting to yesterday");
            // Its token, as that posting would have had it.
            diesel::update(
                hientruong_db::schema::report_submissions::table
                    .find(Uuid::parse_str(&first).expect("uuid")),
            )
            .set(
                hientruong_db::schema::report_submissions::token
                    .eq(Uuid::new_v5(&key_id, yesterday.as_bytes())),
            )
            .execute(&mut conn)
            .expect("its token");
            let res = post(&app, "json", "", &pairs(&fields)).await;
            assert_eq!(res.status(), 201);
            let body: Value = res.json().await.expect("json");
            assert_eq!(
                body[0]["service_request_id"] == first.as_str(),
                replayed,
                "{hours_ago} h ago: {body}"
            );
        }
        assert_eq!(app.db.count("reports"), 2, "a new report the next day");
    }
    // Different content is a different request; another application's identical posting too.
    let (second, _) = post_ok(&app, &traffic(&api_key, "Đèn tín hiệu hỏng ở ngã tư")).await;
    let (third, _) = post_ok(
        &app,
        &traffic(&key(&app, "Ứng dụng khác"), "Đèn tín hiệu hỏng"),
    )
    .await;
    assert!(first != second && first != third && second != third);
    // A client's own idempotency key works like the residents' app's; two applications may
    // choose the same one and still get requests (and tokens) of their own.
    let idem = Uuid::new_v4();
    let other = key(&app, "Ứng dụng trùng khóa");
    let mut answers = Vec::new();
    for api_key in [&api_key, &api_key, &other] {
        let res = app
            .client
            .post(app.url("/open311/v2/requests.json"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Idempotency-Key", idem.to_string())
            .body(serde_urlencoded::to_string(pairs(&traffic(api_key, "Đèn hỏng"))).expect("form"))
            .send()
            .await
            .expect("post");
        assert_eq!(res.status(), 201);
        let body: Value = res.json().await.expect("json");
        answers.push((
            body[0]["service_request_id"]
                .as_str()
                .expect("id")
                .to_owned(),
            body[0]["token"].as_str().expect("token").to_owned(),
        ));
    }
    assert_eq!(answers[0], answers[1]);
    assert!(answers[2].0 != answers[0].0 && answers[2].1 != answers[0].1);
    assert_eq!(app.db.count("reports"), 6);
    for (id, token) in [&answers[0], &answers[2]] {
        let (_, found) = both(&app, &format!("tokens/{token}"), "", "service_requests").await;
        assert_eq!(found, json!([{"service_request_id": id, "token": token}]));
    }
    // A resident's idempotency key is not an Open311 token.
    let resident = app.resident("0905333444").await;
    let resident_key = Uuid::new_v4();
    let res = app
        .submit(
            &resident,
            resident_key,
            &hientruong_tests::report_at("traffic", CITADEL.0, CITADEL.1),
        )
        .await;
    assert_eq!(res.status(), 201);
    assert_eq!(
        error_both(&app, &format!("tokens/{resident_key}"), "")
            .await
            .0,
        404
    );
    // The posted report is a ticket like any other, with its deadlines.
    let officer = app.staff("officer", Some("csgt")).await;
    let ticket = app
        .get_json(&format!("/api/v1/tickets/{first}"), Some(&officer.token))
        .await;
    assert_eq!(ticket["status"], "received");
    assert!(ticket["due_at"].is_string(), "{ticket}");
}

#[tokio::test]
async fn the_listing_keeps_to_its_window_and_follows_ids_filters_and_pages() {
    let app = TestApp::spawn().await;
    let resident = app.resident("0905444555").await;
    let old = app.report(&resident, "traffic", CITADEL).await;
    let old_at = chrono::Utc::now() - chrono::Duration::days(120);
    hientruong_db::fixtures::set_times(&mut app.db.conn(), old.parse().expect("uuid"), old_at)
        .expect("set times");
    let mut recent = Vec::new();
    for category in ["traffic", "flooding", "traffic", "health", "traffic"] {
        recent.push(app.report(&resident, category, CITADEL).await);
    }
    let officer = app.staff("officer", Some("csgt")).await;
    resolve(&app, &officer, &recent[0]).await;
    let ids = |v: &Value| -> Vec<String> {
        v.as_array()
            .expect("list")
            .iter()
            .map(|r| {
                r["service_request_id"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect()
    };
    let newest_first: Vec<String> = recent.iter().rev().cloned().collect();
    let (_, all) = both(&app, "requests", "", "service_requests").await;
    assert_eq!(ids(&all), newest_first, "the last 90 days by default");
    // Ids override every other filter, the window included; unknown ids match nothing.
    let query = format!(
        "?service_request_id={old},{},nonsense&status=closed&service_code=health",
        recent[1]
    );
    let (_, picked) = both(&app, "requests", &query, "service_requests").await;
    assert_eq!(ids(&picked), [recent[1].clone(), old.clone()]);
    // An explicit window reaches back (dates are Huế's days: a margin of two on each side).
    let start = (old_at - chrono::Duration::days(2))
        .format("%Y-%m-%d")
        .to_string();
    let end = (old_at + chrono::Duration::days(2))
        .format("%Y-%m-%d")
        .to_string();
    let (_, back) = both(
        &app,
        "requests",
        &format!("?start_date={start}&end_date={end}"),
        "service_requests",
    )
    .await;
    assert_eq!(ids(&back), std::slice::from_ref(&old));
    // Filters take lists.
    let (_, traffic) = both(
        &app,
        "requests",
        "?service_code=traffic&status=open",
        "service_requests",
    )
    .await;
    assert_eq!(ids(&traffic), [recent[4].clone(), recent[2].clone()]);
    let (_, some) = both(
        &app,
        "requests",
        "?service_code=health,flooding",
        "service_requests",
    )
    .await;
    assert_eq!(ids(&some), [recent[3].clone(), recent[1].clone()]);
    let (_, closed) = both(&app, "requests", "?status=closed", "service_requests").await;
    assert_eq!(ids(&closed), [recent[0].clone()]);
    let (_, both_statuses) =
        both(&app, "requests", "?status=open,closed", "service_requests").await;
    assert_eq!(ids(&both_statuses).len(), 5);
    // Pages.
    let mut paged = Vec::new();
    for page in 1..=3 {
        let (_, part) = both(
            &app,
            "requests",
            &format!("?page={page}&page_size=2"),
            "service_requests",
        )
        .await;
        paged.extend(ids(&part));
    }
    assert_eq!(paged, newest_first);
    // Updates: the resolved one's accept and resolution, paged too.
    let (_, updates) = both(
        &app,
        "servicerequestupdates",
        "?page_size=1&page=2",
        "service_requests_updates",
    )
    .await;
    assert_eq!(updates[0]["status"], "fixed");
}

#[tokio::test]
async fn each_key_posts_at_its_rate_across_server_processes() {
    let mut limits = Limits::none();
    limits.set(Limited::Open311PostsPerKey, vec![Quota::new(2, 60)]);
    let app = TestApp::spawn_with(hientruong_api::Settings {
        limits,
        ..hientruong_tests::settings()
    })
    .await;
    let beside = app.spawn_beside().await;
    let busy = key(&app, "Ứng dụng bận");
    let other = key(&app, "Ứng dụng khác");
    post_ok(&app, &traffic(&busy, "Sự cố số 1")).await;
    post_ok(&beside, &traffic(&busy, "Sự cố số 2")).await;
    let res = post(&app, "json", "", &pairs(&traffic(&busy, "Sự cố số 3"))).await;
    let retry = res
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    assert!(retry.is_some_and(|s| (1..=60).contains(&s)), "{retry:?}");
    assert_eq!(posted_error(res).await, (429, "rate_limited".into()));
    assert_eq!(app.db.count("reports"), 2, "nothing stored beyond the rate");
    post_ok(&app, &traffic(&other, "Sự cố của ứng dụng khác")).await;
}

#[tokio::test]
async fn administrators_create_list_and_revoke_keys_which_are_stored_hashed() {
    let app = TestApp::spawn().await;
    let admin = app.staff("admin", None).await;
    let ioc = app.staff("ioc_operator", None).await;
    let res = app
        .post_auth(
            "/api/v1/admin/api-keys",
            &ioc.token,
            &json!({"name": "Không được"}),
        )
        .await;
    assert_eq!(res.status(), 403);
    let res = app
        .post_auth(
            "/api/v1/admin/api-keys",
            &admin.token,
            &json!({"name": "  Cổng dịch vụ công  "}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.expect("json");
    let secret = created["api_key"]
        .as_str()
        .expect("the key, once")
        .to_owned();
    assert!(secret.starts_with("ht_") && secret.len() == 43, "{secret}");
    assert_eq!(created["name"], "Cổng dịch vụ công");
    assert_eq!(created["prefix"], &secret[..11]);
    for name in ["cổng dịch vụ công", "", &"x".repeat(101)] {
        let res = app
            .post_auth(
                "/api/v1/admin/api-keys",
                &admin.token,
                &json!({"name": name}),
            )
            .await;
        assert_eq!(
            hientruong_tests::error_code(res).await,
            (422, "invalid_api_key_name".into()),
            "{name}"
        );
    }
    // Only the hash is stored.
    let stored: Vec<u8> = {
        use diesel::prelude::*;
        use hientruong_db::schema::api_keys as k;
        k::table
            .select(k::key_hash)
            .first(&mut app.db.conn())
            .expect("row")
    };
    assert_eq!(stored, hientruong_db::open311::hash_key(&secret));
    let (id, _) = post_ok(&app, &traffic(&secret, "Biển báo bị che khuất")).await;

    let list = app
        .get_json("/api/v1/admin/api-keys", Some(&admin.token))
        .await;
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert!(list[0]["last_used_at"].is_string(), "{list}");
    assert!(list[0].get("api_key").is_none() && !list.to_string().contains(&secret[11..]));
    assert_eq!(
        app.get("/api/v1/admin/api-keys", Some(&ioc.token))
            .await
            .status(),
        403
    );
    assert_eq!(app.get("/api/v1/admin/api-keys", None).await.status(), 401);

    // The application's account is no user to manage and cannot log in.
    let users = app
        .get_json("/api/v1/admin/users", Some(&admin.token))
        .await;
    assert!(!users.to_string().contains("client"), "{users}");
    // It is disabled, and the database keeps it so.
    {
        use diesel::prelude::*;
        use hientruong_db::schema::{api_keys, users};
        let mut conn = app.db.conn();
        let account: Uuid = api_keys::table
            .select(api_keys::account_id)
            .first(&mut conn)
            .expect("account");
        let (role, disabled): (String, bool) = users::table
            .find(account)
            .select((users::role, users::disabled_at.is_not_null()))
            .first(&mut conn)
            .expect("user");
        assert_eq!((role.as_str(), disabled), ("client", true));
        let enabled = diesel::update(users::table.find(account))
            .set(users::disabled_at.eq(None::<chrono::DateTime<chrono::Utc>>))
            .execute(&mut conn);
        assert!(enabled.is_err(), "a client account cannot be enabled");
    }
    let ticket = app
        .get_json(&format!("/api/v1/tickets/{id}"), Some(&admin.token))
        .await;
    assert_eq!(
        ticket["reporter"]["full_name"],
        "Open311: Cổng dịch vụ công"
    );
    let reporter = ticket["reporter"]["id"]
        .as_str()
        .expect("the reporter of record");
    for change in [
        json!({"disabled": false}),
        json!({"role": "admin"}),
        json!({}),
    ] {
        let res = app
            .client
            .patch(app.url(&format!("/api/v1/admin/users/{reporter}")))
            .bearer_auth(&admin.token)
            .json(&change)
            .send()
            .await
            .expect("patch");
        assert_eq!(
            res.status(),
            404,
            "a client account is no user to change: {change}"
        );
    }

    let key_id = created["id"].as_str().expect("id");
    for _ in 0..2 {
        let res = app
            .client
            .delete(app.url(&format!("/api/v1/admin/api-keys/{key_id}")))
            .bearer_auth(&admin.token)
            .send()
            .await
            .expect("delete");
        assert_eq!(res.status(), 200, "revoking twice is harmless");
    }
    let res = post(
        &app,
        "json",
        "",
        &pairs(&traffic(&secret, "Sau khi thu hồi")),
    )
    .await;
    assert_eq!(posted_error(res).await, (403, "invalid_api_key".into()));
    // What it brought stays public.
    assert_eq!(
        both(&app, &format!("requests/{id}"), "", "service_requests")
            .await
            .0,
        200
    );
    // The name is free again.
    let res = app
        .post_auth(
            "/api/v1/admin/api-keys",
            &admin.token,
            &json!({"name": "Cổng dịch vụ công"}),
        )
        .await;
    assert_eq!(res.status(), 201);
}

#[tokio::test]
async fn text_that_xml_cannot_carry_is_replaced_and_a_posting_answers_in_xml() {
    let app = TestApp::spawn().await;
    let api_key = key(&app, "Ứng dụng XML");
    let mut fields = traffic(&api_key, "Biển báo đổ\u{FFFF} giữa đường");
    fields.retain(|(k, _)| !k.starts_with("attribute"));
    let res = post(&app, "xml", "", &pairs(&fields)).await;
    assert_eq!(res.status(), 201);
    let text = res.text().await.expect("text");
    let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    let posted = xml_value(doc.root_element());
    let id = posted[0]["service_request_id"]
        .as_str()
        .expect("id")
        .to_owned();
    assert!(
        posted[0]["service_notice"]
            .as_str()
            .is_some_and(|n| n.contains("HT-"))
    );
    let res = app
        .get(&format!("/open311/v2/requests/{id}.xml"), None)
        .await;
    let text = res.text().await.expect("text");
    let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    assert_eq!(
        xml_value(doc.root_element())[0]["description"],
        "Biển báo đổ\u{FFFD} giữa đường"
    );
    // JSON carries the text as stored.
    let json: Value = app
        .get_json(&format!("/open311/v2/requests/{id}.json"), None)
        .await;
    assert_eq!(json[0]["description"], "Biển báo đổ\u{FFFF} giữa đường");
}

#[tokio::test]
async fn absolute_urls_use_the_configured_public_address_whatever_the_request_says() {
    let app = TestApp::spawn_with(hientruong_api::Settings {
        public_url: "https://hientruong.example.vn".into(),
        ..hientruong_tests::settings()
    })
    .await;
    let resident = app.resident("0905666777").await;
    let part = reqwest::multipart::Part::bytes(jpeg(64, 48))
        .file_name("a.jpg")
        .mime_str("image/jpeg")
        .expect("mime");
    let form = reqwest::multipart::Form::new()
        .text("report", report_json())
        .part("photo", part);
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
    let id = res.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    for path in [
        "/open311/v2/discovery.json".to_owned(),
        format!("/open311/v2/requests/{id}.json"),
    ] {
        let body: Value = app
            .client
            .get(app.url(&path))
            .header("X-Forwarded-Host", "evil.example")
            .header("Forwarded", "host=evil.example;proto=http")
            .send()
            .await
            .expect("get")
            .json()
            .await
            .expect("json");
        let url = body["endpoints"][0]["url"]
            .as_str()
            .or(body[0]["media_url"].as_str())
            .expect("an absolute URL");
        assert!(url.starts_with("https://hientruong.example.vn/"), "{url}");
    }
}

fn report_json() -> String {
    json!({"category": "environment", "description": "Rác thải đổ trộm", "lat": CITADEL.0, "lon": CITADEL.1})
        .to_string()
}
