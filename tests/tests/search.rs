//! Search that reads Vietnamese (issue 17): `q=` on the public list and on the staff inbox finds
//! reports by their description, address and public answer, folded for diacritics and case (đ
//! too), forgiving a typo in longer words, or by tracking code; ranked; never by a text
//! moderators hid, for the public. A set of 36 queries with the hits each must give, exactly.

use std::collections::BTreeSet;

use hientruong_tests::photos::jpeg;
use hientruong_tests::{CITADEL, TestApp, error_code};
use serde_json::{Value, json};
use uuid::Uuid;

/// The reports of the set: a label, a category, a description, an address.
const REPORTS: &[(&str, &str, &str, Option<&str>)] = &[
    (
        "A",
        "flooding",
        "Ngập nước sâu 40cm trên đường Lê Lợi, xe máy chết máy",
        Some("12 Lê Lợi"),
    ),
    (
        "B",
        "traffic",
        "Cây đổ chắn ngang đường Hùng Vương sau bão",
        None,
    ),
    (
        "C",
        "traffic",
        "Đèn giao thông ở ngã tư Bà Triệu bị hỏng",
        None,
    ),
    (
        "D",
        "environment",
        "Rác thải ùn ứ ở chợ Đông Ba, bốc mùi hôi",
        None,
    ),
    (
        "E",
        "environment",
        "Khói đen từ nhà máy gần cầu Trường Tiền",
        None,
    ),
    ("F", "fire", "Cháy nhà dân ở kiệt 15 Đặng Thái Thân", None),
    (
        "G",
        "traffic",
        "Ổ gà lớn trước trường tiểu học Phú Hội",
        None,
    ),
    (
        "H",
        "health",
        "Người già bị té, cần xe cấp cứu ở Kim Long",
        None,
    ),
    (
        "I",
        "environment",
        "Nước thải tràn ra đường Nguyễn Huệ",
        None,
    ),
    (
        "J",
        "flooding",
        "ĐƯỜNG ĐIỆN BIÊN PHỦ NGẬP, NƯỚC CHẢY XIẾT",
        None,
    ),
    (
        "K",
        "environment",
        "Hàng xóm mở nhạc quá to lúc nửa đêm",
        None,
    ),
];

/// Each query and the labels it must find, exactly (the public list; K's text is hidden).
const QUERIES: &[(&str, &[&str])] = &[
    ("ngap nuoc", &["A", "J"]),
    ("ngập nước", &["A", "J"]),
    ("NGẬP NƯỚC", &["A", "J"]),
    ("Ngap Nuoc", &["A", "J"]),
    ("duong le loi", &["A"]),
    ("12 lê lợi", &["A"]),
    ("đường", &["A", "B", "G", "I", "J"]),
    ("duong", &["A", "B", "G", "I", "J"]),
    ("ĐƯỜNG", &["A", "B", "G", "I", "J"]),
    ("cay do", &["B"]),
    ("hung vuong", &["B"]),
    ("den giao thong", &["C"]),
    ("ba trieu", &["C"]),
    ("rac thai", &["D"]),
    ("chợ đông ba", &["D"]),
    ("boc mui", &["D"]),
    ("khoi den", &["E"]),
    ("cau truong tien", &["E"]),
    ("chay nha", &["F"]),
    ("dang thai than", &["F"]),
    ("tieu hoc phu hoi", &["G"]),
    ("vá ổ gà", &["G"]),
    ("nguoi gia", &["H"]),
    ("cap cuu", &["H"]),
    ("kim long", &["H"]),
    ("nuoc thai", &["I"]),
    ("nguyen hue", &["I"]),
    ("dien bien phu", &["J"]),
    // A typo in a longer word is forgiven.
    ("ngapp nuoc", &["A", "J"]),
    ("hunng vuong", &["B"]),
    ("cap cuuu", &["H"]),
    ("nguyenn hue", &["I"]),
    // Wildcards are letters; nothing is not something.
    ("50%", &[]),
    ("a_b c_d", &[]),
    ("chua co gi", &[]),
    // A hidden text is not found by the public.
    ("nhac qua to", &[]),
];

fn labels(page: &Value, ids: &[(String, &str)]) -> BTreeSet<String> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|r| {
            let id = r["id"].as_str().expect("id");
            ids.iter()
                .find(|(i, _)| i == id)
                .map(|(_, l)| (*l).to_owned())
                .unwrap_or_else(|| format!("unknown {id}"))
        })
        .collect()
}

/// `q` as a query string's value.
fn encode(q: &str) -> String {
    serde_urlencoded::to_string([("q", q)])
        .expect("encoded")
        .trim_start_matches("q=")
        .to_owned()
}

#[tokio::test]
async fn vietnamese_queries_find_what_they_say_folded_forgiving_and_ranked() {
    let app = TestApp::spawn().await;
    let resident = app.resident("nguoi.tim@example.com").await;
    let mut ids: Vec<(String, &str)> = Vec::new();
    for (label, category, description, address) in REPORTS {
        let mut body = json!({"category": category, "lat": CITADEL.0, "lon": CITADEL.1,
                              "description": description});
        if let Some(a) = address {
            body["address"] = json!(a);
        }
        let res = app.submit(&resident, Uuid::new_v4(), &body).await;
        assert_eq!(res.status(), 201, "{label}");
        let made: Value = res.json().await.expect("json");
        ids.push((made["id"].as_str().expect("id").to_owned(), label));
    }
    let id = |label: &str| {
        ids.iter()
            .find(|(_, l)| *l == label)
            .map(|(i, _)| i.clone())
            .expect("label")
    };
    // G is resolved with an answer, which is searched too; K's text is hidden by a moderator.
    let officer = app.staff("officer", Some("csgt")).await;
    let g = id("G");
    app.act_ok(&officer.token, &g, json!({"action": "accept"}))
        .await;
    let res = app
        .upload(
            &officer.token,
            &format!("/api/v1/tickets/{g}/photos"),
            jpeg(64, 48),
        )
        .await;
    assert_eq!(res.status(), 201);
    app.act_ok(
        &officer.token,
        &g,
        json!({"action": "resolve", "public_answer": "Đã vá ổ gà và dặm lại mặt đường"}),
    )
    .await;
    let ioc = app.staff("ioc_operator", None).await;
    let res = app
        .post_auth(
            &format!("/api/v1/admin/reports/{}/hide", id("K")),
            &ioc.token,
            &json!({"what": "text", "reason": "Thử ẩn"}),
        )
        .await;
    assert!(res.status().is_success());

    let mut failures = Vec::new();
    for (q, expected) in QUERIES {
        let expected: BTreeSet<String> = expected.iter().map(|s| (*s).to_owned()).collect();
        let public = app
            .get_json(&format!("/api/v1/reports?q={}", encode(q)), None)
            .await;
        let found = labels(&public, &ids);
        if found != expected {
            failures.push(format!("public {q:?}: {found:?}, expected {expected:?}"));
        }
        assert_eq!(
            public["next_cursor"],
            Value::Null,
            "a ranked list has one page"
        );
        // Staff search every text, the hidden one too.
        let staff = app
            .get_json(
                &format!("/api/v1/tickets?q={}", encode(q)),
                Some(&ioc.token),
            )
            .await;
        let mut staff_expected = expected.clone();
        if *q == "nhac qua to" {
            staff_expected.insert("K".to_owned());
        }
        let found = labels(&staff, &ids);
        if found != staff_expected {
            failures.push(format!(
                "staff {q:?}: {found:?}, expected {staff_expected:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(QUERIES.len() >= 30);

    // Ranked: the closest text first ("duong le loi" is A; "ngap nuoc" finds A, then J).
    let page = app
        .get_json(
            "/api/v1/reports?q=ng%E1%BA%ADp%20n%C6%B0%E1%BB%9Bc%20s%C3%A2u",
            None,
        )
        .await;
    assert_eq!(page["items"][0]["id"], id("A"));
    // A tracking code finds its report, in any form people type it.
    let code = app
        .get_json(&format!("/api/v1/reports/{}", id("F")), None)
        .await["tracking_code"]
        .as_str()
        .expect("code")
        .to_owned();
    for form in [code.clone(), code.to_lowercase(), code.replace('-', "")] {
        let page = app
            .get_json(
                &format!("/api/v1/tickets?q={}", encode(&form)),
                Some(&ioc.token),
            )
            .await;
        assert_eq!(
            labels(&page, &ids),
            BTreeSet::from(["F".to_owned()]),
            "{form}"
        );
    }
    // The inbox's search keeps the caller's scope: the traffic police see their own only.
    let page = app
        .get_json("/api/v1/tickets?q=duong", Some(&officer.token))
        .await;
    assert_eq!(
        labels(&page, &ids),
        BTreeSet::from(["B".to_owned(), "G".to_owned()])
    );
    // Other filters apply with it; counts are of the matches.
    let page = app
        .get_json("/api/v1/tickets?q=duong&status=resolved", Some(&ioc.token))
        .await;
    assert_eq!(labels(&page, &ids), BTreeSet::from(["G".to_owned()]));
    let counts = &page["counts"];
    assert_eq!(counts["resolved"], 1, "{counts}");
    assert_eq!(counts["received"], 4, "{counts}");
    // A resident searches their own list, their hidden text included.
    let mine = app
        .get_json("/api/v1/me/reports?q=nhac%20qua%20to", Some(&resident))
        .await;
    assert_eq!(labels(&mine, &ids), BTreeSet::from(["K".to_owned()]));
    // Too long, or nothing to look for: refused.
    for q in ["x".repeat(201), "a".to_owned()] {
        let (status, code) = error_code(
            app.get(&format!("/api/v1/reports?q={}", encode(&q)), None)
                .await,
        )
        .await;
        assert_eq!((status, code.as_str()), (400, "invalid_query"), "{q}");
    }
}
