//! The `hientruong` binary: configuration checks, migrate, import-units, and the managed database.

use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::process::Stdio;
use std::time::Duration;

use diesel::prelude::*;
use diesel::{self, sql_types};
use hientruong_tests::process::{ServerProcess, command, free_port};
use hientruong_tests::{TestDb, temp_dir, workspace};
use serde_json::{Value, json};

#[test]
fn invalid_settings_stop_the_start_with_a_clear_message() {
    for (var, value, expect) in [
        (
            "HIENTRUONG_BINDD",
            "127.0.0.1:1",
            "unknown setting(s) HIENTRUONG_BINDD",
        ),
        ("HIENTRUONG_BIND", "localhost", "HIENTRUONG_BIND"),
        ("HIENTRUONG_JWT_SECRET", "short", "too short"),
        ("HIENTRUONG_DB_POOL_SIZE", "0", "HIENTRUONG_DB_POOL_SIZE"),
        ("HIENTRUONG_LOG_FORMAT", "xml", "HIENTRUONG_LOG_FORMAT"),
        ("DATABASE_URL", "mysql://x", "DATABASE_URL"),
        (
            "HIENTRUONG_PUBLIC_URL",
            "hientruong.vn",
            "HIENTRUONG_PUBLIC_URL",
        ),
        (
            "HIENTRUONG_OPEN311_POSTS_PER_MINUTE",
            "0",
            "HIENTRUONG_OPEN311_POSTS_PER_MINUTE",
        ),
        (
            "HIENTRUONG_LIMIT_REPORTS_PER_ACCOUNT",
            "10/week",
            "HIENTRUONG_LIMIT_REPORTS_PER_ACCOUNT",
        ),
        (
            "HIENTRUONG_TRUSTED_PROXIES",
            "10.0.0.0/33",
            "HIENTRUONG_TRUSTED_PROXIES",
        ),
        (
            "HIENTRUONG_VAPID_PRIVATE_KEY",
            "not-a-key",
            "HIENTRUONG_VAPID_PRIVATE_KEY is not a P-256 private key",
        ),
        (
            "HIENTRUONG_VAPID_SUBJECT",
            "ops@example.vn",
            "HIENTRUONG_VAPID_SUBJECT must be a mailto: or https:// address",
        ),
        (
            "HIENTRUONG_PUSH_SERVICES",
            "fcm.googleapis.com",
            "HIENTRUONG_PUSH_SERVICES",
        ),
        // Listening beyond this machine, absolute URLs need the public address.
        (
            "HIENTRUONG_BIND",
            "0.0.0.0:18080",
            "HIENTRUONG_PUBLIC_URL is required",
        ),
    ] {
        let out = command()
            .arg("serve")
            .env(var, value)
            .output()
            .expect("run");
        assert!(!out.status.success(), "{var}={value} was accepted");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(expect), "{var}={value}: {stderr}");
    }
}

#[test]
fn migrate_and_import_units_are_idempotent() {
    let db = TestDb::empty();
    {
        let mut conn = db.conn();
        hientruong_db::migrations::ensure_postgis(&mut conn).expect("postgis");
    }
    for _ in 0..2 {
        let out = command()
            .arg("migrate")
            .env("DATABASE_URL", &db.url)
            .output()
            .expect("migrate");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let file = workspace().join("data/hue/hue_communes.geojson");
    let first = command()
        .arg("import-units")
        .arg(&file)
        .env("DATABASE_URL", &db.url)
        .output()
        .expect("import");
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(
        String::from_utf8_lossy(&first.stdout)
            .contains("40 new, 0 replaced, 0 unchanged, 134 legacy links")
    );
    let second = command()
        .arg("import-units")
        .arg(&file)
        .env("DATABASE_URL", &db.url)
        .output()
        .expect("import");
    assert!(
        String::from_utf8_lossy(&second.stdout).contains("0 new, 0 replaced, 40 unchanged"),
        "{}",
        String::from_utf8_lossy(&second.stdout)
    );

    // A boundary change from a later date closes the old version and opens a new one.
    let mut geojson: Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("json");
    geojson["features"][0]["properties"]["name_en"] = json!("Phu Xuan (renamed)");
    let changed = temp_dir("import").join("changed.geojson");
    std::fs::write(&changed, geojson.to_string()).expect("write");
    let third = command()
        .args(["import-units", "--valid-from", "2027-01-01"])
        .arg(&changed)
        .env("DATABASE_URL", &db.url)
        .output()
        .expect("import");
    assert!(
        String::from_utf8_lossy(&third.stdout).contains("0 new, 1 replaced, 39 unchanged"),
        "{}",
        String::from_utf8_lossy(&third.stdout)
    );
    #[derive(QueryableByName)]
    struct V {
        #[diesel(sql_type = sql_types::Text)]
        name_en: String,
        #[diesel(sql_type = sql_types::Nullable<sql_types::Date>)]
        valid_to: Option<chrono::NaiveDate>,
    }
    let versions: Vec<V> = diesel::sql_query(
        "SELECT name_en, valid_to FROM admin_units WHERE code = '19753' ORDER BY valid_from",
    )
    .load(&mut db.conn())
    .expect("versions");
    assert_eq!(versions.len(), 2);
    assert_eq!(
        versions[0].valid_to,
        chrono::NaiveDate::from_ymd_opt(2027, 1, 1)
    );
    assert_eq!(versions[1].name_en, "Phu Xuan (renamed)");
    assert!(versions[1].valid_to.is_none());

    let bad = temp_dir("import").join("bad.geojson");
    std::fs::write(&bad, "{\"type\": \"FeatureCollection\"}").expect("write");
    let out = command()
        .arg("import-units")
        .arg(&bad)
        .env("DATABASE_URL", &db.url)
        .output()
        .expect("import");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a GeoJSON FeatureCollection"));
}

#[tokio::test]
async fn logs_carry_a_request_id_and_never_the_secret() {
    let db = TestDb::new();
    let data = temp_dir("logs");
    let port = free_port();
    let log_path = data.join("server.log");
    let log = std::fs::File::create(&log_path).expect("log file");
    let mut child = command()
        .arg("serve")
        .env("DATABASE_URL", &db.url)
        .env("HIENTRUONG_BIND", format!("127.0.0.1:{port}"))
        .env("HIENTRUONG_DATA_DIR", &data)
        .env("HIENTRUONG_LOG", "debug")
        .env("HIENTRUONG_LOG_FORMAT", "json")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("serve");
    let client = reqwest::Client::new();
    let base = format!("http://127.0.0.1:{port}");
    let mut ready = false;
    for _ in 0..300 {
        if client
            .get(format!("{base}/readyz"))
            .send()
            .await
            .is_ok_and(|r| r.status() == 200)
        {
            ready = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(ready, "server did not start");
    let res = client
        .post(format!("{base}/api/v1/auth/register"))
        .json(&json!({"login": "log@example.vn", "password": "mat-khau-dai", "full_name": "Log"}))
        .send()
        .await
        .expect("register");
    let request_id = res.headers()["x-request-id"]
        .to_str()
        .expect("ascii")
        .to_owned();
    // An Open311 client's key in the query string (the standard allows it).
    let (_, api_key) = hientruong_db::open311::create_key(&mut db.conn(), "Ứng dụng nhật ký", None)
        .expect("api key");
    let res = client
        .post(format!(
            "{base}/open311/v2/requests.json?api_key={api_key}&service_code=health"
        ))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("lat=16.4698&long=107.5786&description=R%C3%A1c")
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), 201);
    let _ = child.kill();
    let _ = child.wait();

    let secret_path = data.join("jwt.secret");
    let mode = std::fs::metadata(&secret_path)
        .expect("secret file")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
    let secret = std::fs::read_to_string(&secret_path).expect("secret");
    let logs = std::fs::read_to_string(&log_path).expect("logs");
    assert!(!logs.contains(secret.trim()), "the secret is in the logs");
    assert!(!logs.contains("mat-khau-dai"), "a password is in the logs");
    assert!(!logs.contains(&api_key), "an API key is in the logs");
    assert!(
        logs.contains("api_key=REDACTED&service_code=health"),
        "the Open311 request is logged, its key redacted:\n{logs}"
    );
    let request_lines: Vec<Value> = BufReader::new(logs.as_bytes())
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<Value>(&l).ok())
        .filter(|v| v.to_string().contains("/api/v1/auth/register"))
        .collect();
    assert!(
        !request_lines.is_empty(),
        "no log line for the request:\n{logs}"
    );
    for line in &request_lines {
        assert!(
            line.to_string().contains(&request_id),
            "line without the request id: {line}"
        );
    }
}

/// How many communes a running server lists (Huế's 40 once its database is ready).
async fn communes_served(client: &reqwest::Client, server: &ServerProcess) -> Option<usize> {
    let communes: Value = client
        .get(format!("{}/api/v1/communes", server.base))
        .send()
        .await
        .expect("communes")
        .json()
        .await
        .expect("json");
    communes["items"].as_array().map(Vec::len)
}

/// The product's own managed PostgreSQL: created on first start, reused on the next, stopped with
/// the server.
#[tokio::test]
async fn the_managed_database_starts_is_reused_and_stops_with_the_server() {
    let data = temp_dir("managed");
    let client = reqwest::Client::new();
    for round in 0..2 {
        let port = free_port();
        let mut server = ServerProcess::start_managed(port, &data);
        server.wait_ready(&client).await;
        assert_eq!(
            communes_served(&client, &server).await,
            Some(40),
            "round {round}"
        );
        assert!(data.join("pg/postmaster.pid").exists(), "the cluster runs");
        server.terminate().await;
        assert!(
            !data.join("pg/postmaster.pid").exists(),
            "round {round}: the cluster was not stopped"
        );
    }
    let mode = std::fs::metadata(data.join("pg.password"))
        .expect("password file")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);

    // A killed server leaves its PostgreSQL running; the next server adopts it and stops it.
    let mut server = ServerProcess::start_managed(free_port(), &data);
    server.wait_ready(&client).await;
    server.kill();
    assert!(
        data.join("pg/postmaster.pid").exists(),
        "PostgreSQL outlives a SIGKILLed server"
    );
    let mut server = ServerProcess::start_managed(free_port(), &data);
    server.wait_ready(&client).await;
    server.terminate().await;
    assert!(
        !data.join("pg/postmaster.pid").exists(),
        "the adopted cluster was not stopped"
    );
}

/// A clone in `/root` (or any 0700 home directory) as root: the `postgres` user, as which the
/// managed PostgreSQL runs, cannot reach the data directory, so the cluster's files go to
/// `/var/lib/hientruong/<id>` (owned by `postgres`, 0700), where the next start and `hientruong
/// db` find them again; the home directory's permissions are left as they are.
#[tokio::test]
async fn as_root_a_data_directory_in_a_private_home_gets_its_cluster_under_var_lib() {
    use sha2::Digest;
    use std::os::unix::fs::MetadataExt;
    if !nix::unistd::geteuid().is_root() {
        // As any other user the cluster runs as that user, inside the data directory: the
        // managed-database test above covers it.
        eprintln!("not root: nothing to check here");
        return;
    }
    let home = temp_dir("home");
    std::fs::set_permissions(&home, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    let data = home.join("hientruong").join(".data");
    std::fs::create_dir_all(&data).expect("data dir");
    let data = std::fs::canonicalize(&data).expect("canonical");
    let id: String = sha2::Sha256::digest(data.as_os_str().as_encoded_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let system = std::path::PathBuf::from("/var/lib/hientruong").join(id);
    // Whatever happens, the cluster is stopped and its files removed at the end.
    struct Cleanup(std::path::PathBuf, std::path::PathBuf);
    impl Drop for Cleanup {
        fn drop(&mut self) {
            let _ = command()
                .args(["db", "stop"])
                .env("HIENTRUONG_DATA_DIR", &self.0)
                .output();
            let _ = std::fs::remove_dir_all(&self.1);
        }
    }
    let _cleanup = Cleanup(data.clone(), system.clone());

    let client = reqwest::Client::new();
    for round in 0..2 {
        let mut server = ServerProcess::start_managed(free_port(), &data);
        server.wait_ready(&client).await;
        assert_eq!(
            communes_served(&client, &server).await,
            Some(40),
            "round {round}"
        );
        assert!(
            system.join("pg/postmaster.pid").exists(),
            "round {round}: the cluster runs from {}",
            system.display()
        );
        assert!(!data.join("pg").exists(), "nothing of it in the data dir");
        // `hientruong db` finds the running cluster: the same port as the server's.
        let out = command()
            .args(["db", "url"])
            .env("HIENTRUONG_DATA_DIR", &data)
            .output()
            .expect("db url");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let pid_file = std::fs::read_to_string(system.join("pg/postmaster.pid")).expect("pid");
        let port = pid_file.lines().nth(3).expect("port line").trim();
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(&format!("@127.0.0.1:{port}/")),
            "db url names the running cluster"
        );
        server.terminate().await;
        assert!(
            !system.join("pg/postmaster.pid").exists(),
            "round {round}: the cluster was not stopped"
        );
    }
    let meta = std::fs::metadata(&system).expect("cluster home");
    let postgres = nix::unistd::User::from_name("postgres")
        .expect("users")
        .expect("the postgres user");
    assert_eq!(meta.uid(), postgres.uid.as_raw(), "owned by postgres");
    assert_eq!(meta.mode() & 0o777, 0o700);
    assert_eq!(
        std::fs::read_to_string(system.join("DATA_DIR")).expect("note"),
        format!("{}\n", data.display())
    );
    let home_mode = std::fs::metadata(&home).expect("home").mode() & 0o777;
    assert_eq!(home_mode, 0o700, "the home directory keeps its permissions");

    // `db start` says where the files are; `db stop` stops it.
    let out = command()
        .args(["db", "start"])
        .env("HIENTRUONG_DATA_DIR", &data)
        .output()
        .expect("db start");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(&system.join("pg").display().to_string()),
        "db start names the files: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = command()
        .args(["db", "stop"])
        .env("HIENTRUONG_DATA_DIR", &data)
        .output()
        .expect("db stop");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "managed PostgreSQL stopped"
    );
}

/// Runs `hientruong user create` with `args`, the password on standard input.
fn user_create(db: &TestDb, args: &[&str], password: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = command()
        .args(["user", "create"])
        .args(args)
        .env("DATABASE_URL", &db.url)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(format!("{password}\n").as_bytes())
        .expect("password");
    child.wait_with_output().expect("wait")
}

#[tokio::test]
async fn user_create_makes_staff_accounts_that_can_log_in() {
    let app = hientruong_tests::TestApp::spawn().await;
    let password = "mat-khau-can-bo-2026";
    let out = user_create(
        &app.db,
        &[
            "--role",
            "officer",
            "--unit",
            "csgt",
            "--login",
            "canbo.csgt",
            "--full-name",
            "Trần Văn Cán",
            "--password-stdin",
        ],
        password,
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("created officer canbo.csgt"), "{stdout}");
    assert!(!stdout.contains(password) && !String::from_utf8_lossy(&out.stderr).contains(password));
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"login": "CanBo.CSGT", "password": password}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let session: Value = res.json().await.expect("json");
    assert_eq!(session["user"]["role"], "officer");
    assert_eq!(session["user"]["unit"], "csgt");

    for (args, expect) in [
        (
            vec![
                "--role",
                "officer",
                "--login",
                "canbo.khac",
                "--full-name",
                "A",
                "--password-stdin",
            ],
            "unit_required",
        ),
        (
            vec![
                "--role",
                "officer",
                "--unit",
                "khong-co",
                "--login",
                "canbo.khac",
                "--full-name",
                "A",
                "--password-stdin",
            ],
            "unknown_unit",
        ),
        (
            vec![
                "--role",
                "chief",
                "--login",
                "canbo.khac",
                "--full-name",
                "A",
                "--password-stdin",
            ],
            "unknown role",
        ),
        (
            vec![
                "--role",
                "admin",
                "--login",
                "canbo.csgt",
                "--full-name",
                "A",
                "--password-stdin",
            ],
            "login_taken",
        ),
        (
            vec!["--role", "admin", "--login", "quan.tri", "--full-name", "A"],
            "--password-stdin",
        ),
    ] {
        let out = user_create(&app.db, &args, password);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} was accepted");
        assert!(stderr.contains(expect), "{args:?}: {stderr}");
    }
    let out = user_create(
        &app.db,
        &[
            "--role",
            "admin",
            "--login",
            "quan.tri",
            "--full-name",
            "Quản trị",
            "--password-stdin",
        ],
        "short",
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("weak_password"));
}

#[tokio::test]
async fn api_key_create_prints_a_working_key_once_and_revoke_stops_it() {
    let app = hientruong_tests::TestApp::spawn().await;
    let url = &app.db.url;
    let out = command()
        .args(["api-key", "create", "--name", "Cổng thông tin Huế-S"])
        .env("DATABASE_URL", url)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let secret = stdout.trim();
    assert!(
        secret.starts_with("ht_") && secret.len() == 43 && !secret.contains(char::is_whitespace),
        "the key alone on standard output: {stdout:?}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("shown once"));
    let post = |key: String| {
        let app = &app;
        async move {
            app.client
                .post(app.url("/open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(format!(
                    "api_key={key}&service_code=health&lat=16.4698&long=107.5786&description=R%C3%A1c+th%E1%BA%A3i+y+t%E1%BA%BF"
                ))
                .send()
                .await
                .expect("post")
                .status()
        }
    };
    assert_eq!(post(secret.to_owned()).await, 201);
    let list = run_ok(url, &["api-key", "list"]);
    assert!(
        list.contains("Cổng thông tin Huế-S") && list.contains(&secret[..11]),
        "{list}"
    );
    assert!(!list.contains(&secret[11..]), "never the secret: {list}");
    let id = list.split_whitespace().next().expect("the key's id");
    let revoked = run_ok(url, &["api-key", "revoke", id]);
    assert!(revoked.contains("revoked"), "{revoked}");
    assert_eq!(post(secret.to_owned()).await, 403);
    let out = command()
        .args(["api-key", "create", "--name", " "])
        .env("DATABASE_URL", url)
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid_api_key_name"));
}

#[tokio::test]
async fn the_worker_command_delivers_the_outbox_and_stops_on_sigterm() {
    let app = hientruong_tests::TestApp::spawn().await;
    let resident = app.resident("gui.thu@example.com").await;
    app.report(&resident, "traffic", hientruong_tests::CITADEL)
        .await;
    let data_dir = temp_dir("worker");
    let mail_dir = data_dir.join("mail");
    let mut child = command()
        .arg("worker")
        .env("DATABASE_URL", &app.db.url)
        .env("HIENTRUONG_DATA_DIR", &data_dir)
        .env("HIENTRUONG_JOB_POLL_MS", "100")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the worker");
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let delivered = loop {
        let files: Vec<_> = std::fs::read_dir(&mail_dir)
            .map(|d| {
                d.flatten()
                    .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
                    .collect()
            })
            .unwrap_or_default();
        if !files.is_empty() || std::time::Instant::now() > deadline {
            break files;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(delivered.len(), 1, "the unit's new-ticket email");
    let text = std::fs::read_to_string(delivered[0].path()).expect("read");
    assert!(text.contains("To: csgt@hue.hientruong.invalid"), "{text}");
    assert!(
        hientruong_db::jobs::pending(&mut app.db.conn(), hientruong_db::jobs::EMAIL)
            .expect("jobs")
            .is_empty()
    );
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(i32::try_from(child.id()).expect("pid")),
        nix::sys::signal::Signal::SIGTERM,
    )
    .expect("signal");
    let status = child.wait().expect("wait");
    assert!(status.success(), "{status}");
}

#[tokio::test]
async fn rebuild_facts_recomputes_the_statistics_of_handled_tickets() {
    let app = hientruong_tests::TestApp::spawn().await;
    let resident = app.resident("tinh.lai@example.com").await;
    let officer = app.staff("officer", Some("csgt")).await;
    let id = app
        .report(&resident, "traffic", hientruong_tests::CITADEL)
        .await;
    app.act_ok(&officer.token, &id, json!({"action": "accept"}))
        .await;
    // The facts row is lost (say, by a bad manual edit): the command brings it back.
    diesel::sql_query("DELETE FROM ticket_facts")
        .execute(&mut app.db.conn())
        .expect("delete");
    let out = run_ok(&app.db.url, &["rebuild-facts"]);
    assert!(out.contains("recomputed the facts of 1 tickets"));
    assert_eq!(
        app.db.count("ticket_facts WHERE accepted_at IS NOT NULL"),
        1
    );
}

/// Runs `hientruong ARGS` against the database at `url`; it must succeed. Its standard output.
fn run_ok(url: &str, args: &[&str]) -> String {
    let out = command()
        .args(args)
        .env("DATABASE_URL", url)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every generated ticket's facts, as text, in a fixed order.
fn facts_snapshot(conn: &mut PgConnection) -> Vec<String> {
    #[derive(QueryableByName)]
    struct Line {
        #[diesel(sql_type = sql_types::Text)]
        line: String,
    }
    diesel::sql_query("SELECT f::text AS line FROM ticket_facts f ORDER BY report_id")
        .load::<Line>(conn)
        .expect("facts")
        .into_iter()
        .map(|l| l.line)
        .collect()
}

#[test]
fn generate_writes_a_history_whose_facts_are_those_of_its_events() {
    let db = TestDb::new();
    let out = run_ok(
        &db.url,
        &[
            "generate",
            "--reports",
            "3000",
            "--days",
            "730",
            "--seed",
            "7",
        ],
    );
    assert!(out.contains("added 3000 synthetic reports"));
    assert_eq!(db.count("reports"), 3000);
    // Each report has its receipt, a point inside its commune, and a unit.
    assert_eq!(db.count("report_events WHERE kind = 'received'"), 3000);
    assert_eq!(
        db.count(
            "reports r JOIN admin_units a ON a.id = r.boundary_id \
             WHERE a.code = r.commune_code AND ST_Covers(a.geom, r.location)"
        ),
        3000
    );
    // Handled tickets have facts, and they are exactly what the application derives from the
    // events: recomputing them all changes nothing.
    assert_eq!(
        db.count("ticket_facts"),
        db.count("reports r WHERE EXISTS (SELECT 1 FROM report_events e WHERE e.report_id = r.id AND e.kind <> 'received')")
    );
    let mut conn = db.conn();
    let generated = facts_snapshot(&mut conn);
    assert!(generated.len() > 2_500, "{}", generated.len());
    hientruong_db::facts::rebuild(&mut conn).expect("rebuild");
    assert_eq!(facts_snapshot(&mut conn), generated);
    // A mix of outcomes, ratings where closed or reopened, deadlines where open.
    for status in ["resolved", "closed", "rejected", "duplicate"] {
        assert!(
            db.count(&format!("reports WHERE status = '{status}'")) > 10,
            "{status}"
        );
    }
    assert_eq!(
        db.count("reports r WHERE status = 'closed' AND NOT EXISTS (SELECT 1 FROM ratings g WHERE g.report_id = r.id)"),
        0
    );
    assert_eq!(
        db.count("reports WHERE status IN ('received', 'accepted', 'in_progress', 'transferred', 'reopened') AND due_at IS NULL"),
        0
    );
    // The flood season's peak (October and November) has about a third of the year's reports,
    // and most of the floods.
    let flood_season = db.count(
        "reports WHERE extract(month FROM created_at AT TIME ZONE 'Asia/Ho_Chi_Minh') IN (10, 11)",
    );
    assert!(flood_season > 750 && flood_season < 1300, "{flood_season}");
    assert!(
        db.count("reports WHERE category_code = 'flooding' AND extract(month FROM created_at AT TIME ZONE 'Asia/Ho_Chi_Minh') IN (10, 11)")
            > db.count("reports WHERE category_code = 'flooding'") / 2
    );
}
