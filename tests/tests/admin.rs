//! Administration through the API: staff accounts, units, categories and routing rules.

use hientruong_tests::{CITADEL, TestApp, error_code};
use serde_json::{Value, json};

#[tokio::test]
async fn administrators_create_staff_accounts_with_a_role_and_a_unit() {
    let app = TestApp::spawn().await;
    let admin = app.staff("admin", None).await;
    let create = |body: Value| {
        app.send(
            reqwest::Method::POST,
            "/api/v1/admin/users",
            &admin.token,
            body,
        )
    };
    let base =
        json!({"login": "canbo.phuxuan", "full_name": "Lê Thị Hoa", "password": "mat-khau-dai-du"});
    let with = |extra: Value| {
        let mut body = base.clone();
        for (k, v) in extra.as_object().expect("object") {
            body[k] = v.clone();
        }
        body
    };
    for (extra, status, code) in [
        (json!({"role": "chief"}), 422, "unknown_role"),
        (json!({"role": "officer"}), 422, "unit_required"),
        (
            json!({"role": "ioc_operator", "unit": "csgt"}),
            422,
            "unit_required",
        ),
        (
            json!({"role": "officer", "unit": "khong-co"}),
            422,
            "unknown_unit",
        ),
        (
            json!({"role": "officer", "unit": "csgt", "login": "a b"}),
            422,
            "invalid_login",
        ),
    ] {
        assert_eq!(
            error_code(create(with(extra.clone())).await).await,
            (status, code.into()),
            "{extra}"
        );
    }
    let res = create(with(json!({"role": "officer", "unit": "csgt"}))).await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.expect("json");
    assert_eq!(created["unit"], "csgt");
    assert!(!created.to_string().contains("password"), "{created}");
    let session = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"login": "canbo.phuxuan", "password": "mat-khau-dai-du"}),
        )
        .await;
    assert_eq!(session.status(), 200);
    let staff = app
        .get_json("/api/v1/admin/users?unit=csgt", Some(&admin.token))
        .await;
    assert!(staff.to_string().contains("canbo.phuxuan"));
}

#[tokio::test]
async fn a_new_category_is_triaged_by_the_ioc_until_a_rule_routes_it() {
    let app = TestApp::spawn().await;
    let admin = app.staff("admin", None).await;
    let put =
        |path: &'static str, body: Value| app.send(reqwest::Method::PUT, path, &admin.token, body);
    assert_eq!(
        error_code(
            put(
                "/api/v1/admin/units/Bad Code",
                json!({"kind": "department", "name_vi": "X", "name_en": "X", "email": "x@y.z"})
            )
            .await
        )
        .await,
        (422, "invalid_definition".into())
    );
    assert_eq!(
        error_code(
            put(
                "/api/v1/admin/units/cay-xanh",
                json!({"kind": "shop", "name_vi": "X", "name_en": "X", "email": "x@y.z"})
            )
            .await
        )
        .await,
        (422, "invalid_definition".into())
    );
    let res = put(
        "/api/v1/admin/units/cay-xanh",
        json!({"kind": "department", "name_vi": "Công ty Cây xanh Huế", "name_en": "Huế Parks Company", "email": "cayxanh@hue.hientruong.invalid"}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let res = put(
        "/api/v1/admin/categories/trees",
        json!({"name_vi": "Cây xanh", "name_en": "Trees", "sort_order": 60}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let categories = app.get_json("/api/v1/categories", None).await;
    assert!(categories.to_string().contains("Cây xanh"));

    let resident = app.resident("cay.do@example.com").await;
    let triaged = app.report(&resident, "trees", CITADEL).await;
    let report = app
        .get_json(&format!("/api/v1/reports/{triaged}"), Some(&resident))
        .await;
    assert_eq!(report["unit"]["code"], "ioc");
    assert_eq!(report["routing"]["unit_reason"], "ioc_triage");

    let res = app.send(reqwest::Method::POST,
        "/api/v1/admin/routing-rules",
        &admin.token,
        json!({"category": "trees", "target_kind": "unit", "target_unit": "cay-xanh", "note": "Cây đổ, cành gãy"}),
    )
    .await;
    assert_eq!(res.status(), 201);
    let rule: Value = res.json().await.expect("json");
    let routed = app.report(&resident, "trees", CITADEL).await;
    let report = app
        .get_json(&format!("/api/v1/reports/{routed}"), Some(&resident))
        .await;
    assert_eq!(report["unit"]["code"], "cay-xanh");
    assert_eq!(report["routing"]["rule_id"], rule["id"]);

    // The IOC re-routes the triaged one to the new unit.
    let ioc = app.staff("ioc_operator", None).await;
    let moved = app
        .act_ok(
            &ioc.token,
            &triaged,
            json!({"action": "transfer", "to_unit": "cay-xanh", "note": "Đúng đơn vị"}),
        )
        .await;
    assert_eq!(moved["unit"]["code"], "cay-xanh");

    // Ending the rule sends new reports back to triage.
    let end = app
        .send(
            reqwest::Method::POST,
            &format!("/api/v1/admin/routing-rules/{}/end", rule["id"]),
            &admin.token,
            json!({}),
        )
        .await;
    assert_eq!(end.status(), 200);
    let later = app.report(&resident, "trees", CITADEL).await;
    let report = app
        .get_json(&format!("/api/v1/reports/{later}"), Some(&resident))
        .await;
    assert_eq!(report["unit"]["code"], "ioc");
}
