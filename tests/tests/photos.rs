//! Photos: upload with a report or after it, privacy of what is served, bad files, limits.

use std::time::{Duration, SystemTime};

use hientruong_tests::photos::{self, metadata_markers};
use hientruong_tests::{TestApp, error_code};
use image::{GenericImageView, ImageFormat};
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};
use uuid::Uuid;

fn part(bytes: Vec<u8>, name: &str) -> Part {
    Part::bytes(bytes)
        .file_name(name.to_owned())
        .mime_str("application/octet-stream")
        .expect("mime")
}

fn report_form(report: &Value, photos: Vec<Vec<u8>>) -> Form {
    let mut form = Form::new().text("report", report.to_string());
    for (i, bytes) in photos.into_iter().enumerate() {
        form = form.part("photo", part(bytes, &format!("IMG_{i}.jpg")));
    }
    form
}

async fn submit_multipart(app: &TestApp, token: &str, key: Uuid, form: Form) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/reports"))
        .bearer_auth(token)
        .header("Idempotency-Key", key.to_string())
        .multipart(form)
        .send()
        .await
        .expect("send")
}

async fn add_photo(
    app: &TestApp,
    token: &str,
    report: &str,
    key: Uuid,
    bytes: Vec<u8>,
) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/v1/reports/{report}/photos")))
        .bearer_auth(token)
        .header("Idempotency-Key", key.to_string())
        .multipart(Form::new().part("photo", part(bytes, "later.jpg")))
        .send()
        .await
        .expect("send")
}

/// A GET sent byte for byte, without the path normalisation HTTP clients apply.
fn raw_get(base: &str, path: &str) -> String {
    use std::io::{Read, Write};
    let addr = base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer
}

fn files_in(dir: &std::path::Path) -> usize {
    let mut n = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        n += if path.is_dir() { files_in(&path) } else { 1 };
    }
    n
}

async fn make_staff(app: &TestApp, login: &str, role: &str) -> String {
    app.resident(login).await;
    use diesel::{self, RunQueryDsl};
    diesel::sql_query(format!(
        "UPDATE users SET role = '{role}' WHERE login = '{login}'"
    ))
    .execute(&mut app.db.conn())
    .expect("role");
    app.login(login).await["access_token"]
        .as_str()
        .expect("token")
        .to_owned()
}

#[tokio::test]
async fn a_phone_photo_gives_the_position_is_oriented_and_leaks_no_metadata() {
    let app = TestApp::spawn().await;
    let token = app.resident("anh@example.vn").await;
    let original = photos::phone_photo(2000, 1500);
    // The test photo really carries every kind of metadata the variants must not.
    assert_eq!(
        metadata_markers(&original).len(),
        6,
        "{:?}",
        metadata_markers(&original)
    );
    let report = json!({"category": "flooding", "description": "Ngập trước Ngọ Môn"});
    let res = submit_multipart(
        &app,
        &token,
        Uuid::new_v4(),
        report_form(&report, vec![original.clone()]),
    )
    .await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.expect("json");

    // The report had no position: it took the photo's, and says so.
    assert_eq!(body["location_source"], "photo");
    assert!((body["lat"].as_f64().expect("lat") - 16.4698).abs() < 1e-6);
    assert!((body["lon"].as_f64().expect("lon") - 107.5786).abs() < 1e-6);
    assert_eq!(body["commune"]["code"], "19753");

    // Orientation 6: the 2000×1500 landscape sensor image is a 1500×2000 portrait photo.
    let photo = &body["photos"][0];
    assert_eq!(
        (photo["width"].as_i64(), photo["height"].as_i64()),
        (Some(1500), Some(2000))
    );
    assert_eq!(
        (
            photo["display"]["width"].as_i64(),
            photo["display"]["height"].as_i64()
        ),
        (Some(1200), Some(1600))
    );
    assert_eq!(
        (
            photo["thumb"]["width"].as_i64(),
            photo["thumb"]["height"].as_i64()
        ),
        (Some(240), Some(320))
    );

    for (variant, size) in [("display", (1200, 1600)), ("thumb", (240, 320))] {
        let url = photo[variant]["url"].as_str().expect("url");
        let res = app.get(url, None).await;
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()["content-type"], "image/jpeg");
        // Kept minutes, not a year: a photo moderators hide must disappear from caches.
        assert_eq!(res.headers()["cache-control"], "public, max-age=300");
        let etag = res.headers()["etag"].to_str().expect("ascii").to_owned();
        let bytes = res.bytes().await.expect("bytes").to_vec();
        assert_eq!(
            metadata_markers(&bytes),
            Vec::<&str>::new(),
            "{variant} carries metadata"
        );
        let img = image::load_from_memory_with_format(&bytes, ImageFormat::Jpeg).expect("decodes");
        assert_eq!(img.dimensions(), size);
        // Rotated 90° clockwise, the red top-left quadrant is now top-right, blue is top-left.
        let (w, h) = img.dimensions();
        let top_right = img.get_pixel(w * 3 / 4, h / 4);
        let top_left = img.get_pixel(w / 4, h / 4);
        assert!(
            top_right[0] > 150 && top_right[2] < 100,
            "{variant} top-right is {top_right:?}, expected red"
        );
        assert!(
            top_left[2] > 150 && top_left[0] < 100,
            "{variant} top-left is {top_left:?}, expected blue"
        );
        let again = app
            .client
            .get(app.url(url))
            .header("If-None-Match", &etag)
            .send()
            .await
            .expect("get");
        assert_eq!(again.status(), 304);
    }

    // The public view of the report carries no EXIF, camera or original.
    let public = app
        .get(
            &format!("/api/v1/reports/{}", body["id"].as_str().expect("id")),
            None,
        )
        .await
        .text()
        .await
        .expect("text");
    for leak in ["Acme", "2026-11-20", "original", "exif", "sha256"] {
        assert!(
            !public.contains(leak),
            "public report contains {leak}: {public}"
        );
    }
    // Originals are not under /media, and keys that are not variants are refused, also when the
    // path climbs out of variants/ (sent raw: HTTP clients would normalise the dots away).
    assert_eq!(
        app.get("/media/originals/ab/whatever.jpg", None)
            .await
            .status(),
        404
    );
    let raw = raw_get(&app.base, "/media/variants/../originals/ab/whatever.jpg");
    assert!(raw.starts_with("HTTP/1.1 404"), "{raw}");

    // The original, with its metadata, is evidence for the IOC only.
    let photo_id = photo["id"].as_str().expect("id");
    let owner = app
        .get(&format!("/api/v1/photos/{photo_id}/original"), Some(&token))
        .await;
    assert_eq!(error_code(owner).await, (403, "forbidden".into()));
    let anonymous = app
        .get(&format!("/api/v1/photos/{photo_id}/original"), None)
        .await;
    assert_eq!(error_code(anonymous).await, (401, "missing_token".into()));
    let ioc = make_staff(&app, "ioc@example.vn", "ioc_operator").await;
    let evidence: Value = app
        .get(&format!("/api/v1/photos/{photo_id}"), Some(&ioc))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(evidence["exif"]["camera"], "Acme Phone X9");
    assert_eq!(evidence["exif"]["orientation"], 6);
    assert_eq!(evidence["exif"]["taken_at"], "2026-11-20T08:30:00");
    assert!((evidence["exif"]["lat"].as_f64().expect("lat") - 16.4698).abs() < 1e-6);
    let res = app
        .get(&format!("/api/v1/photos/{photo_id}/original"), Some(&ioc))
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "private, no-store");
    assert_eq!(res.headers()["content-disposition"], "attachment");
    assert_eq!(
        res.bytes().await.expect("bytes").to_vec(),
        original,
        "the original is kept byte for byte"
    );
}

#[tokio::test]
async fn bad_files_are_refused_with_their_codes_and_no_report_is_recorded() {
    let app = TestApp::spawn().await;
    let token = app.resident("xau@example.vn").await;
    let report =
        json!({"category": "fire", "description": "Cháy", "lat": 16.4698, "lon": 107.5786});
    let mut truncated = photos::jpeg(400, 300);
    truncated.truncate(truncated.len() / 2);
    let mut polyglot = photos::jpeg(64, 48);
    polyglot.extend_from_slice(b"PK\x03\x04\x14\x00\x00\x00\x08\x00payload.sh echo pwned");
    let mut zip_with_jpeg_header = vec![0xFF, 0xD8, 0xFF];
    zip_with_jpeg_header.extend_from_slice(b"PK\x03\x04 archive");
    let svg = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".to_vec();
    let mut eleven_mb = photos::jpeg(64, 48);
    eleven_mb.resize(11 * 1024 * 1024, 0);
    let cases: Vec<(&str, Vec<Vec<u8>>, u16, &str)> = vec![
        ("0 bytes", vec![Vec::new()], 422, "photo_empty"),
        ("truncated JPEG", vec![truncated], 422, "photo_corrupt"),
        (
            "PNG declaring 100000x100000",
            vec![photos::png_declaring(100_000, 100_000)],
            422,
            "photo_too_many_pixels",
        ),
        (
            "JPEG with corrupt EXIF",
            vec![photos::jpeg_with_corrupt_exif()],
            422,
            "photo_metadata_corrupt",
        ),
        (
            "polyglot JPEG+zip",
            vec![polyglot],
            415,
            "unsupported_image_format",
        ),
        (
            "zip with a JPEG header",
            vec![zip_with_jpeg_header],
            415,
            "unsupported_image_format",
        ),
        (
            "SVG with script",
            vec![svg],
            415,
            "unsupported_image_format",
        ),
        (
            "text named .jpg",
            vec![b"just some text, not a picture".to_vec()],
            415,
            "unsupported_image_format",
        ),
        (
            "GIF",
            vec![b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec()],
            415,
            "unsupported_image_format",
        ),
        (
            "PDF",
            vec![b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec()],
            415,
            "unsupported_image_format",
        ),
        (
            "HEIC",
            vec![b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic".to_vec()],
            415,
            "unsupported_image_format",
        ),
        (
            "6 photos",
            (0..6).map(|_| photos::jpeg(32, 32)).collect(),
            422,
            "too_many_photos",
        ),
        ("11 MB photo", vec![eleven_mb], 413, "photo_too_large"),
    ];
    for (name, files, status, code) in cases {
        let res = submit_multipart(&app, &token, Uuid::new_v4(), report_form(&report, files)).await;
        assert_eq!(error_code(res).await, (status, code.into()), "{name}");
    }
    let no_report = Form::new().part("photo", part(photos::jpeg(32, 32), "a.jpg"));
    assert_eq!(
        error_code(submit_multipart(&app, &token, Uuid::new_v4(), no_report).await).await,
        (400, "invalid_multipart".into())
    );
    let no_position = json!({"category": "fire", "description": "Cháy"});
    let res = submit_multipart(
        &app,
        &token,
        Uuid::new_v4(),
        report_form(&no_position, vec![photos::jpeg(64, 48)]),
    )
    .await;
    assert_eq!(
        error_code(res).await,
        (422, "location_required".into()),
        "a photo without GPS gives no position"
    );
    assert_eq!(app.db.count("reports"), 0);
    assert_eq!(app.db.count("photos"), 0);

    // PNG and WebP are accepted; what is served is always a metadata-free JPEG.
    for format in [ImageFormat::Png, ImageFormat::WebP] {
        let bytes = photos::encode(&photos::quadrants(300, 200), format);
        let res = submit_multipart(
            &app,
            &token,
            Uuid::new_v4(),
            report_form(&report, vec![bytes]),
        )
        .await;
        assert_eq!(res.status(), 201, "{format:?}");
        let body: Value = res.json().await.expect("json");
        let url = body["photos"][0]["display"]["url"]
            .as_str()
            .expect("url")
            .to_owned();
        assert_eq!(
            app.get(&url, None).await.headers()["content-type"],
            "image/jpeg"
        );
    }
}

#[tokio::test]
async fn photos_sent_after_the_report_are_stored_once_per_key() {
    let app = TestApp::spawn().await;
    let token = app.resident("sau@example.vn").await;
    let other = app.resident("khac@example.vn").await;
    let created: Value = app
        .submit(
            &token,
            Uuid::new_v4(),
            &json!({"category": "traffic", "description": "Ổ gà", "lat": 16.4698, "lon": 107.5786}),
        )
        .await
        .json()
        .await
        .expect("json");
    let id = created["id"].as_str().expect("id");
    assert_eq!(created["photos"], json!([]));

    let key = Uuid::new_v4();
    let first = add_photo(&app, &token, id, key, photos::jpeg(800, 600)).await;
    assert_eq!(first.status(), 201);
    assert_eq!(first.headers()["idempotent-replayed"], "false");
    let first: Value = first.json().await.expect("json");
    let retry = add_photo(&app, &token, id, key, photos::jpeg(800, 600)).await;
    assert_eq!(retry.headers()["idempotent-replayed"], "true");
    let retry: Value = retry.json().await.expect("json");
    assert_eq!(first["id"], retry["id"]);
    let files = files_in(&app.media_dir);
    assert_eq!(files, 3, "one original and two variants");
    let conflict = add_photo(&app, &token, id, key, photos::jpeg(640, 480)).await;
    assert_eq!(
        error_code(conflict).await,
        (409, "idempotency_conflict".into())
    );
    let stranger = add_photo(&app, &other, id, Uuid::new_v4(), photos::jpeg(64, 64)).await;
    assert_eq!(error_code(stranger).await, (403, "forbidden".into()));
    let missing = add_photo(
        &app,
        &token,
        &Uuid::new_v4().to_string(),
        Uuid::new_v4(),
        photos::jpeg(64, 64),
    )
    .await;
    assert_eq!(error_code(missing).await, (404, "not_found".into()));
    let no_key = app
        .client
        .post(app.url(&format!("/api/v1/reports/{id}/photos")))
        .bearer_auth(&token)
        .multipart(Form::new().part("photo", part(photos::jpeg(64, 64), "a.jpg")))
        .send()
        .await
        .expect("send");
    assert_eq!(
        error_code(no_key).await,
        (400, "idempotency_key_required".into())
    );

    for size in [100, 110, 120, 130] {
        assert_eq!(
            add_photo(&app, &token, id, Uuid::new_v4(), photos::jpeg(size, size))
                .await
                .status(),
            201
        );
    }
    let sixth = add_photo(&app, &token, id, Uuid::new_v4(), photos::jpeg(140, 140)).await;
    assert_eq!(error_code(sixth).await, (422, "too_many_photos".into()));
    let report: Value = app
        .get(&format!("/api/v1/reports/{id}"), None)
        .await
        .json()
        .await
        .expect("json");
    let widths: Vec<i64> = report["photos"]
        .as_array()
        .expect("photos")
        .iter()
        .map(|p| p["width"].as_i64().expect("w"))
        .collect();
    assert_eq!(widths, vec![800, 100, 110, 120, 130], "in upload order");
}

#[tokio::test]
async fn a_retried_multipart_report_stores_nothing_twice() {
    let app = TestApp::spawn().await;
    let token = app.resident("lai@example.vn").await;
    let key = Uuid::new_v4();
    let report =
        json!({"category": "environment", "description": "Rác", "lat": 16.55, "lon": 107.64});
    let files = vec![photos::jpeg(640, 480), photos::jpeg(480, 640)];
    let a: Value = submit_multipart(&app, &token, key, report_form(&report, files.clone()))
        .await
        .json()
        .await
        .expect("json");
    let stored = files_in(&app.media_dir);
    let b = submit_multipart(&app, &token, key, report_form(&report, files)).await;
    assert_eq!(b.headers()["idempotent-replayed"], "true");
    let b: Value = b.json().await.expect("json");
    assert_eq!(a["id"], b["id"]);
    assert_eq!(a["photos"], b["photos"]);
    assert_eq!(files_in(&app.media_dir), stored);
    assert_eq!(app.db.count("photos"), 2);
    // The same key with other photos is another submission: refused.
    let res = submit_multipart(
        &app,
        &token,
        key,
        report_form(&report, vec![photos::jpeg(100, 100)]),
    )
    .await;
    assert_eq!(error_code(res).await, (409, "idempotency_conflict".into()));
}

#[tokio::test]
async fn the_sweep_removes_files_no_photo_refers_to() {
    let app = TestApp::spawn().await;
    let token = app.resident("don@example.vn").await;
    let report =
        json!({"category": "health", "description": "Muỗi", "lat": 16.4698, "lon": 107.5786});
    // 800×600: the display and thumb variants differ, so the report has three files.
    let res = submit_multipart(
        &app,
        &token,
        Uuid::new_v4(),
        report_form(&report, vec![photos::jpeg(800, 600)]),
    )
    .await;
    assert_eq!(res.status(), 201);
    // What a crash between storing and recording leaves: files nobody refers to.
    let orphan_dir = app.media_dir.join("originals/ff");
    std::fs::create_dir_all(&orphan_dir).expect("dir");
    let orphan = orphan_dir.join(format!("ff{}.jpg", "0".repeat(62)));
    std::fs::write(&orphan, photos::jpeg(16, 16)).expect("write");
    let recent_orphan = orphan_dir.join(format!("ff{}.jpg", "1".repeat(62)));
    std::fs::write(&recent_orphan, photos::jpeg(16, 16)).expect("write");
    let two_hours_ago = SystemTime::now() - Duration::from_secs(7200);
    for path in walk(&app.media_dir) {
        if path != recent_orphan {
            std::fs::File::options()
                .write(true)
                .open(&path)
                .expect("open")
                .set_modified(two_hours_ago)
                .expect("mtime");
        }
    }
    let removed = hientruong_api::photos::sweep_orphans(&app.state, Duration::from_secs(3600))
        .await
        .expect("sweep");
    assert_eq!(removed, 1);
    assert!(!orphan.exists(), "the old orphan is removed");
    assert!(
        recent_orphan.exists(),
        "a file younger than the grace period may be an upload in progress"
    );
    assert_eq!(
        files_in(&app.media_dir),
        4,
        "the report's three files and the recent one remain"
    );
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[tokio::test]
async fn a_full_processing_pool_answers_503_instead_of_queueing_without_bound() {
    // One resident's eight at once: the per-account share of uploads is not what this is about.
    let app = TestApp::spawn_with(hientruong_api::Settings {
        photo_workers: Some(1),
        uploads_per_account: 8,
        uploads_per_address: 8,
        ..hientruong_tests::settings()
    })
    .await;
    let token = app.resident("dong@example.vn").await;
    let big = photos::jpeg(3000, 2000);
    let report =
        json!({"category": "fire", "description": "Cháy lớn", "lat": 16.4698, "lon": 107.5786});
    let answers = futures::future::join_all((0..8).map(|_| {
        submit_multipart(
            &app,
            &token,
            Uuid::new_v4(),
            report_form(&report, vec![big.clone()]),
        )
    }))
    .await;
    let mut busy = 0;
    let mut created = 0;
    for res in answers {
        match res.status().as_u16() {
            201 => created += 1,
            503 => {
                assert!(res.headers().contains_key("retry-after"));
                assert_eq!(error_code(res).await.1, "media_busy");
                busy += 1;
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert!(created >= 1 && busy >= 1, "created {created}, busy {busy}");
    assert_eq!(app.db.count("reports"), created);
}

/// An S3-compatible server for the duration of a test: moto's (PyPI `moto[server]`).
struct S3Server {
    child: std::process::Child,
    endpoint: String,
}

impl S3Server {
    async fn start() -> S3Server {
        let port = hientruong_tests::process::free_port();
        let child = std::process::Command::new("moto_server")
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("moto_server (pip install 'moto[server]') must be installed");
        // Owned by the guard from here on, so it is stopped however the test ends.
        let server = S3Server {
            child,
            endpoint: format!("http://127.0.0.1:{port}"),
        };
        let client = reqwest::Client::new();
        for _ in 0..200 {
            if client.get(&server.endpoint).send().await.is_ok() {
                return server;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("moto_server did not start");
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test]
async fn photos_can_live_in_an_s3_compatible_store() {
    let s3 = S3Server::start().await;
    let bucket = format!("{}/hientruong-media", s3.endpoint);
    assert!(
        reqwest::Client::new()
            .put(&bucket)
            .send()
            .await
            .expect("create bucket")
            .status()
            .is_success()
    );
    let options = [
        ("aws_endpoint", s3.endpoint.as_str()),
        ("allow_http", "true"),
        ("aws_access_key_id", "test"),
        ("aws_secret_access_key", "test"),
        ("aws_region", "us-east-1"),
    ]
    .map(|(k, v)| (k.to_owned(), v.to_owned()));
    let media =
        hientruong_media::store::MediaStore::from_url("s3://hientruong-media/photos", options)
            .expect("s3 store");
    let app = TestApp::spawn_with_media(
        Default::default(),
        media,
        hientruong_tests::temp_dir("unused"),
    )
    .await;
    let token = app.resident("s3@example.vn").await;
    let original = photos::phone_photo(1200, 900);
    let report = json!({"category": "environment", "description": "Rác trên bờ sông"});
    let res = submit_multipart(
        &app,
        &token,
        Uuid::new_v4(),
        report_form(&report, vec![original.clone()]),
    )
    .await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.expect("json");
    let url = body["photos"][0]["display"]["url"].as_str().expect("url");
    let res = app.get(url, None).await;
    assert_eq!(res.status(), 200);
    let bytes = res.bytes().await.expect("bytes").to_vec();
    assert_eq!(metadata_markers(&bytes), Vec::<&str>::new());
    // The objects really are in the bucket, under the prefix.
    let listing = reqwest::get(format!("{bucket}?list-type=2&prefix=photos/"))
        .await
        .expect("list")
        .text()
        .await
        .expect("text");
    assert_eq!(listing.matches("<Key>photos/").count(), 3, "{listing}");
    let ioc = make_staff(&app, "ioc.s3@example.vn", "ioc_operator").await;
    let photo_id = body["photos"][0]["id"].as_str().expect("id");
    let res = app
        .get(&format!("/api/v1/photos/{photo_id}/original"), Some(&ioc))
        .await;
    assert_eq!(res.bytes().await.expect("bytes").to_vec(), original);
    // Everything in the bucket is referenced: the sweep removes nothing.
    let removed = hientruong_api::photos::sweep_orphans(&app.state, Duration::ZERO)
        .await
        .expect("sweep");
    assert_eq!(removed, 0);
}
