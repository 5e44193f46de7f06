//! The authorisation matrix: every staff endpoint, called by every role, on a ticket of the
//! caller's own unit and of another unit. Any status other than the expected one fails, and so
//! does any answer to a role that must not know who reported that carries the reporter's identity
//! or a photo's metadata.

use hientruong_tests::photos::phone_photo;
use hientruong_tests::{CITADEL, Staff, TestApp, report_at};
use reqwest::Method;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};
use uuid::Uuid;

/// The callers, in the order of each row's expectations. The ticket belongs to `csgt`.
const ROLES: [&str; 8] = [
    "anonymous",
    "resident",
    "officer (own unit)",
    "manager (own unit)",
    "officer (other unit)",
    "manager (other unit)",
    "ioc_operator",
    "admin",
];

struct World {
    app: TestApp,
    tokens: Vec<Option<String>>,
    reporter_token: String,
    reporter_login: String,
    reporter_name: String,
    own_officer: Staff,
    ioc: Staff,
    /// A phone photo with EXIF (made once: exiftool is slow to start).
    photo: Vec<u8>,
}

impl World {
    async fn new() -> World {
        let app = TestApp::spawn().await;
        let reporter_login = format!("nguoi.bao.{}@example.com", Uuid::new_v4().simple());
        let reporter_name = format!("Người Báo {}", &Uuid::new_v4().simple().to_string()[..6]);
        let res = app
            .post_json(
                "/api/v1/auth/register",
                &json!({"login": reporter_login, "password": hientruong_tests::TEST_PASSWORD, "full_name": reporter_name}),
            )
            .await;
        assert_eq!(res.status(), 201);
        let reporter: serde_json::Value = res.json().await.expect("json");
        app.db
            .verify_account(reporter["id"].as_str().expect("id").parse().expect("uuid"));
        let reporter_token = app.login(&reporter_login).await["access_token"]
            .as_str()
            .expect("token")
            .to_owned();
        let resident = app.resident("ai.do@example.com").await;
        let own_officer = app.staff("officer", Some("csgt")).await;
        let own_manager = app.staff("unit_manager", Some("csgt")).await;
        let other_officer = app.staff("officer", Some("pccc")).await;
        let other_manager = app.staff("unit_manager", Some("pccc")).await;
        let ioc = app.staff("ioc_operator", None).await;
        let admin = app.staff("admin", None).await;
        let tokens = vec![
            None,
            Some(resident),
            Some(own_officer.token.clone()),
            Some(own_manager.token),
            Some(other_officer.token),
            Some(other_manager.token),
            Some(ioc.token.clone()),
            Some(admin.token),
        ];
        World {
            app,
            tokens,
            reporter_token,
            reporter_login,
            reporter_name,
            own_officer,
            ioc,
            photo: phone_photo(64, 48),
        }
    }

    /// A fresh traffic ticket (unit `csgt`) by the reporter, with a phone photo; returns (ticket
    /// id, photo id).
    async fn ticket(&self) -> (String, String) {
        let form = Form::new()
            .text(
                "report",
                report_at("traffic", CITADEL.0, CITADEL.1).to_string(),
            )
            .part(
                "photo",
                Part::bytes(self.photo.clone())
                    .file_name("IMG_1.jpg")
                    .mime_str("image/jpeg")
                    .expect("mime"),
            );
        let res = self
            .app
            .client
            .post(self.app.url("/api/v1/reports"))
            .bearer_auth(&self.reporter_token)
            .header("Idempotency-Key", Uuid::new_v4().to_string())
            .multipart(form)
            .send()
            .await
            .expect("submit");
        assert_eq!(res.status(), 201);
        let body: Value = res.json().await.expect("json");
        (
            body["id"].as_str().expect("id").to_owned(),
            body["photos"][0]["id"].as_str().expect("photo").to_owned(),
        )
    }

    async fn call(
        &self,
        role: usize,
        method: Method,
        path: &str,
        body: Option<&Value>,
    ) -> (u16, String) {
        let mut req = self.app.client.request(method, self.app.url(path));
        if let Some(token) = &self.tokens[role] {
            req = req.bearer_auth(token);
        }
        if let Some(body) = body {
            req = req.json(body);
        }
        let res = req.send().await.expect("request");
        (res.status().as_u16(), res.text().await.unwrap_or_default())
    }

    /// Fails on any identity or photo metadata in what a role without the right received.
    fn check_no_leak(&self, role: usize, what: &str, body: &str) {
        if role >= 6 {
            return;
        }
        for secret in [
            self.reporter_login.as_str(),
            self.reporter_name.as_str(),
            "Acme Phone X9",
            "exif",
            "original_key",
        ] {
            assert!(
                !body.contains(secret),
                "{what} as {}: leaks {secret:?} in {body}",
                ROLES[role]
            );
        }
    }
}

/// What to call and what each role must get.
struct Case {
    name: &'static str,
    method: Method,
    /// `{t}` is the ticket, `{p}` its photo.
    path: &'static str,
    body: Option<Value>,
    /// The ticket must be accepted first (photos of the result are added while handling).
    accepted: bool,
    /// A ticket of its own for each call (the call changes it).
    fresh: bool,
    expect: [u16; 8],
}

fn case(name: &'static str, method: Method, path: &'static str, expect: [u16; 8]) -> Case {
    Case {
        name,
        method,
        path,
        body: None,
        accepted: false,
        fresh: false,
        expect,
    }
}

#[tokio::test]
async fn every_staff_endpoint_for_every_role_and_unit() {
    let w = World::new().await;
    let own_officer = w.own_officer.id;
    let admin_only = [401, 403, 403, 403, 403, 403, 403, 200];
    let mut cases = vec![
        case(
            "list tickets",
            Method::GET,
            "/api/v1/tickets",
            [401, 403, 200, 200, 200, 200, 200, 200],
        ),
        case(
            "view ticket",
            Method::GET,
            "/api/v1/tickets/{t}",
            [401, 403, 200, 200, 404, 404, 200, 200],
        ),
        case(
            "export tickets",
            Method::GET,
            "/api/v1/tickets/export",
            [401, 403, 200, 200, 200, 200, 200, 200],
        ),
        case(
            "photo evidence",
            Method::GET,
            "/api/v1/photos/{p}",
            [401, 403, 403, 403, 403, 403, 200, 200],
        ),
        case(
            "photo original",
            Method::GET,
            "/api/v1/photos/{p}/original",
            [401, 403, 403, 403, 403, 403, 200, 200],
        ),
        case(
            "read templates",
            Method::GET,
            "/api/v1/templates?unit=csgt",
            [401, 403, 200, 200, 403, 403, 200, 200],
        ),
        case(
            "admin users",
            Method::GET,
            "/api/v1/admin/users",
            admin_only,
        ),
        case(
            "admin units",
            Method::GET,
            "/api/v1/admin/units",
            admin_only,
        ),
        case(
            "admin api keys",
            Method::GET,
            "/api/v1/admin/api-keys",
            admin_only,
        ),
        case(
            "admin categories",
            Method::GET,
            "/api/v1/admin/categories",
            admin_only,
        ),
        case(
            "admin rules",
            Method::GET,
            "/api/v1/admin/routing-rules",
            admin_only,
        ),
        case(
            "admin policies",
            Method::GET,
            "/api/v1/admin/sla-policies",
            admin_only,
        ),
        case(
            "admin populations",
            Method::GET,
            "/api/v1/admin/populations",
            admin_only,
        ),
        case(
            "admin holidays",
            Method::GET,
            "/api/v1/admin/holidays",
            admin_only,
        ),
    ];
    let mut write = |name, method, path, body: Value, accepted, expect| {
        cases.push(Case {
            name,
            method,
            path,
            body: Some(body),
            accepted,
            fresh: true,
            expect,
        })
    };
    let transitions = "/api/v1/tickets/{t}/transitions";
    write(
        "comment",
        Method::POST,
        transitions,
        json!({"action": "comment", "note": "ghi chú"}),
        false,
        [401, 403, 200, 200, 404, 404, 200, 200],
    );
    write(
        "accept",
        Method::POST,
        transitions,
        json!({"action": "accept"}),
        false,
        [401, 403, 200, 200, 404, 404, 200, 200],
    );
    write(
        "start",
        Method::POST,
        transitions,
        json!({"action": "start"}),
        true,
        [401, 403, 200, 200, 404, 404, 200, 200],
    );
    write(
        "ask citizen",
        Method::POST,
        transitions,
        json!({"action": "ask_citizen", "public_answer": "?"}),
        true,
        [401, 403, 200, 200, 404, 404, 200, 200],
    );
    write(
        "duplicate",
        Method::POST,
        transitions,
        json!({"action": "mark_duplicate", "duplicate_of": "{orig}"}),
        false,
        [401, 403, 200, 200, 404, 404, 200, 200],
    );
    write(
        "transfer",
        Method::POST,
        transitions,
        json!({"action": "transfer", "to_unit": "so-y-te", "note": "sai đơn vị"}),
        false,
        [401, 403, 403, 200, 404, 404, 200, 200],
    );
    write(
        "reject",
        Method::POST,
        transitions,
        json!({"action": "reject", "public_answer": "không thuộc thẩm quyền"}),
        false,
        [401, 403, 403, 200, 404, 404, 200, 200],
    );
    write(
        "assign",
        Method::POST,
        transitions,
        json!({"action": "assign", "assignee": own_officer}),
        false,
        [401, 403, 403, 200, 404, 404, 200, 200],
    );
    write(
        "close",
        Method::POST,
        transitions,
        json!({"action": "close"}),
        false,
        [401, 403, 403, 409, 404, 404, 409, 409],
    );
    write(
        "rate someone else's report",
        Method::POST,
        "/api/v1/reports/{t}/rating",
        json!({"score": 5}),
        false,
        [401, 403, 403, 403, 403, 403, 403, 403],
    );
    write(
        "write template",
        Method::POST,
        "/api/v1/templates",
        json!({"unit": "csgt", "title": "Mẫu", "body": "Nội dung"}),
        false,
        [401, 403, 403, 201, 403, 403, 403, 201],
    );
    write(
        "create staff",
        Method::POST,
        "/api/v1/admin/users",
        json!({"login": "{login}", "full_name": "Cán bộ mới", "password": "mat-khau-rat-dai", "role": "officer", "unit": "csgt"}),
        false,
        [401, 403, 403, 403, 403, 403, 403, 201],
    );
    write(
        "change staff",
        Method::PATCH,
        "/api/v1/admin/users/{officer}",
        json!({"disabled": false}),
        false,
        [401, 403, 403, 403, 403, 403, 403, 200],
    );
    write(
        "create api key",
        Method::POST,
        "/api/v1/admin/api-keys",
        json!({"name": "{login}"}),
        false,
        [401, 403, 403, 403, 403, 403, 403, 201],
    );
    write(
        "revoke api key",
        Method::DELETE,
        "/api/v1/admin/api-keys/{api_key}",
        json!({}),
        false,
        [401, 403, 403, 403, 403, 403, 403, 200],
    );
    write(
        "put unit",
        Method::PUT,
        "/api/v1/admin/units/phong-moi",
        json!({"kind": "department", "name_vi": "Phòng mới", "name_en": "New office", "email": "moi@hue.hientruong.invalid"}),
        false,
        [401, 403, 403, 403, 403, 403, 403, 200],
    );
    write(
        "put category",
        Method::PUT,
        "/api/v1/admin/categories/trees",
        json!({"name_vi": "Cây xanh", "name_en": "Trees"}),
        false,
        [401, 403, 403, 403, 403, 403, 403, 200],
    );
    write(
        "add rule",
        Method::POST,
        "/api/v1/admin/routing-rules",
        json!({"category": "health", "target_kind": "unit", "target_unit": "so-y-te"}),
        false,
        [401, 403, 403, 403, 403, 403, 403, 201],
    );
    write(
        "end rule",
        Method::POST,
        "/api/v1/admin/routing-rules/1/end",
        json!({}),
        false,
        [401, 403, 403, 403, 403, 403, 403, 200],
    );
    write(
        "put policy",
        Method::PUT,
        "/api/v1/admin/sla-policies",
        json!({"urgent": true, "clock": "wall_clock", "accept_minutes": 30, "resolve_minutes": 240}),
        false,
        [401, 403, 403, 403, 403, 403, 403, 200],
    );
    write(
        "put population",
        Method::PUT,
        "/api/v1/admin/populations/19753",
        json!({"population": 30000, "as_of": "2025-07-01"}),
        false,
        [401, 403, 403, 403, 403, 403, 403, 200],
    );
    write(
        "put holidays",
        Method::PUT,
        "/api/v1/admin/holidays",
        json!([{"day": "2027-01-01", "name": "Tết Dương lịch"}]),
        false,
        [401, 403, 403, 403, 403, 403, 403, 204],
    );

    let (shared, shared_photo) = w.ticket().await;
    let (original, _) = w.ticket().await;
    let api_key = hientruong_db::open311::create_key(&mut w.app.db.conn(), "Ứng dụng thử", None)
        .expect("api key")
        .0
        .id;
    let mut failures = Vec::new();
    for c in &cases {
        for (role, expected) in c.expect.iter().enumerate() {
            let (ticket, photo) = if c.fresh {
                w.ticket().await
            } else {
                (shared.clone(), shared_photo.clone())
            };
            if c.accepted {
                w.app
                    .act_ok(&w.ioc.token, &ticket, json!({"action": "accept"}))
                    .await;
            }
            let path = c
                .path
                .replace("{t}", &ticket)
                .replace("{p}", &photo)
                .replace("{officer}", &own_officer.to_string())
                .replace("{api_key}", &api_key.to_string());
            let body = c.body.as_ref().map(|b| {
                let text = b
                    .to_string()
                    .replace("{orig}", &original)
                    .replace("{login}", &format!("moi.{}", Uuid::new_v4().simple()));
                serde_json::from_str::<Value>(&text).expect("json")
            });
            let (status, text) = w.call(role, c.method.clone(), &path, body.as_ref()).await;
            if status != *expected {
                failures.push(format!(
                    "{} as {}: expected {expected}, got {status}: {text}",
                    c.name, ROLES[role]
                ));
            }
            w.check_no_leak(role, c.name, &text);
        }
    }
    // "After" photos are multipart uploads: same matrix, on accepted tickets.
    let uploads = [401, 403, 201, 201, 404, 404, 201, 201];
    for (role, expected) in uploads.iter().enumerate() {
        let (ticket, _) = w.ticket().await;
        w.app
            .act_ok(&w.ioc.token, &ticket, json!({"action": "accept"}))
            .await;
        let path = format!("/api/v1/tickets/{ticket}/photos");
        let part = Part::bytes(hientruong_tests::photos::jpeg(32, 32))
            .file_name("after.jpg")
            .mime_str("image/jpeg")
            .expect("mime");
        let mut req = w
            .app
            .client
            .post(w.app.url(&path))
            .header("Idempotency-Key", Uuid::new_v4().to_string())
            .multipart(Form::new().part("photo", part));
        if let Some(token) = &w.tokens[role] {
            req = req.bearer_auth(token);
        }
        let res = req.send().await.expect("upload");
        let status = res.status().as_u16();
        let text = res.text().await.unwrap_or_default();
        if status != *expected {
            failures.push(format!(
                "after photo as {}: expected {expected}, got {status}: {text}",
                ROLES[role]
            ));
        }
    }
    // Deleting a template: a template of the ticket's unit for each call. Only the unit's manager
    // and administrators may; to anyone else it does not exist.
    let deletes = [401, 404, 404, 204, 404, 404, 404, 204];
    for (role, expected) in deletes.iter().enumerate() {
        let (_, created) = w
            .call(
                7,
                Method::POST,
                "/api/v1/templates",
                Some(&json!({"unit": "csgt", "title": "Mẫu", "body": "Nội dung"})),
            )
            .await;
        let id = serde_json::from_str::<Value>(&created).expect("json")["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let (status, text) = w
            .call(
                role,
                Method::DELETE,
                &format!("/api/v1/templates/{id}"),
                None,
            )
            .await;
        if status != *expected {
            failures.push(format!(
                "delete template as {}: expected {expected}, got {status}: {text}",
                ROLES[role]
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // The export has the reporter's columns for the IOC only, and an officer of another unit
    // exports none of this unit's tickets.
    let (_, ioc_csv) = w.call(6, Method::GET, "/api/v1/tickets/export", None).await;
    assert!(
        ioc_csv
            .lines()
            .next()
            .is_some_and(|h| h.ends_with("reporter_name,reporter_login"))
    );
    assert!(ioc_csv.contains(&w.reporter_login));
    let (_, other_csv) = w.call(4, Method::GET, "/api/v1/tickets/export", None).await;
    assert!(!other_csv.contains(&shared), "{other_csv}");
    let (_, own_csv) = w.call(2, Method::GET, "/api/v1/tickets/export", None).await;
    assert!(own_csv.contains(&shared));

    // Positive control: the leak check can fail. IOC operators do see who reported.
    let (_, detail) = w
        .call(6, Method::GET, &format!("/api/v1/tickets/{shared}"), None)
        .await;
    assert!(detail.contains(&w.reporter_login) && detail.contains(&w.reporter_name));
}

#[tokio::test]
async fn officers_lists_hold_only_their_units_tickets() {
    let w = World::new().await;
    let (ticket, _) = w.ticket().await;
    for (role, sees) in [
        (2, true),
        (3, true),
        (4, false),
        (5, false),
        (6, true),
        (7, true),
    ] {
        let (status, body) = w.call(role, Method::GET, "/api/v1/tickets", None).await;
        assert_eq!(status, 200);
        assert_eq!(body.contains(&ticket), sees, "{}", ROLES[role]);
        w.check_no_leak(role, "list", &body);
        let (status, body) = w
            .call(role, Method::GET, "/api/v1/tickets?unit=csgt", None)
            .await;
        assert_eq!(status, 200);
        // A unit filter cannot widen an officer's scope.
        assert_eq!(
            body.contains(&ticket),
            sees,
            "{} with unit=csgt",
            ROLES[role]
        );
    }
}

#[tokio::test]
async fn a_disabled_account_is_refused_at_once_and_logout_ends_the_session() {
    let w = World::new().await;
    let (ticket, _) = w.ticket().await;
    let session = w.app.login(&w.own_officer.login).await;
    let token = session["access_token"].as_str().expect("token").to_owned();
    let refresh = session["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_owned();
    let path = format!("/api/v1/tickets/{ticket}");
    assert_eq!(w.app.get(&path, Some(&token)).await.status(), 200);
    let (status, _) = w
        .call(
            7,
            Method::PATCH,
            &format!("/api/v1/admin/users/{}", w.own_officer.id),
            Some(&json!({"disabled": true})),
        )
        .await;
    assert_eq!(status, 200);
    // The access token has not expired, but the account is disabled: refused on the next call.
    let res = w.app.get(&path, Some(&token)).await;
    assert_eq!(
        hientruong_tests::error_code(res).await,
        (403, "account_disabled".into())
    );
    let res = w
        .app
        .post_json("/api/v1/auth/refresh", &json!({"refresh_token": refresh}))
        .await;
    assert_eq!(res.status(), 401);

    // Logout revokes the refresh token (and its family); logging out twice is harmless.
    let manager = w.app.staff("unit_manager", Some("csgt")).await;
    let session = w.app.login(&manager.login).await;
    let refresh = session["refresh_token"].as_str().expect("refresh");
    for _ in 0..2 {
        let res = w
            .app
            .post_json("/api/v1/auth/logout", &json!({"refresh_token": refresh}))
            .await;
        assert_eq!(res.status(), 204);
    }
    let res = w
        .app
        .post_json("/api/v1/auth/refresh", &json!({"refresh_token": refresh}))
        .await;
    assert_eq!(
        hientruong_tests::error_code(res).await,
        (401, "invalid_refresh_token".into())
    );

    // A role change applies to the next request, with the same token.
    let (status, _) = w
        .call(
            7,
            Method::PATCH,
            &format!("/api/v1/admin/users/{}", manager.id),
            Some(&json!({"role": "officer", "unit": "pccc"})),
        )
        .await;
    assert_eq!(status, 200);
    let res = w.app.get(&path, Some(&manager.token)).await;
    assert_eq!(res.status(), 404, "now of another unit");
}
