//! Test harness for end-to-end tests: a real PostgreSQL+PostGIS, one fresh database per test cloned
//! from a migrated template, and the real HTTP server on a free loopback port.
//!
//! The cluster is the project's own managed cluster (in [`scratch_dir`]), shared by all test
//! processes and started once under a file lock; set `HT_TEST_DATABASE_URL` to a superuser URL to
//! use another server instead. Tests never share a database, so they run in parallel.

use std::fs;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use diesel::prelude::*;
use diesel::{self, Connection, PgConnection};
use hientruong_db::cluster::{Durability, ManagedCluster};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use uuid::Uuid;

pub mod bench;
pub mod browser;
pub mod figures;
pub mod photos;
pub mod process;
pub mod push;
pub mod sms;
pub mod smtp;
pub mod tiles;

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Cargo's target directory (where the binaries are).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("target"))
}

/// Where the test cluster and temporary files go: `HT_TEST_DIR`, or a directory under the system
/// temp dir named after this checkout. Not under the checkout itself: when the tests run as root,
/// PostgreSQL runs as `postgres`, which must be able to reach its data directory, and a checkout
/// may sit in a private home directory.
/// The Python of the tests' own servers and parsers (aiosmtpd, moto, http_ece, feedparser): the
/// project's test virtualenv when present (scripts/test makes it), else the system's.
pub fn python() -> PathBuf {
    let venv = target_dir().join("test-venv/bin/python");
    if venv.exists() {
        venv
    } else {
        PathBuf::from("python3")
    }
}

pub fn scratch_dir() -> PathBuf {
    let dir = match std::env::var_os("HT_TEST_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => {
            let checkout = fs::canonicalize(workspace()).unwrap_or_else(|_| workspace());
            let digest: String = Sha256::digest(checkout.to_string_lossy().as_bytes())
                .iter()
                .take(6)
                .map(|b| format!("{b:02x}"))
                .collect();
            std::env::temp_dir().join(format!("hientruong-test-{digest}"))
        }
    };
    fs::create_dir_all(&dir).expect("create the test scratch directory");
    dir
}

/// A fresh temporary directory for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = scratch_dir()
        .join("tmp")
        .join(format!("{name}-{}", Uuid::new_v4().simple()));
    fs::create_dir_all(&dir).expect("temp dir");
    dir
}

struct Server {
    /// URL of a database on the server with the right to create databases, without the name.
    base: String,
}

impl Server {
    fn url(&self, database: &str) -> String {
        format!("{}/{database}", self.base)
    }
}

fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| {
        if let Ok(url) = std::env::var("HT_TEST_DATABASE_URL") {
            let base = url
                .rsplit_once('/')
                .map(|(b, _)| b.to_owned())
                .unwrap_or(url);
            return Server { base };
        }
        let dir = scratch_dir().join("cluster");
        fs::create_dir_all(&dir).expect("create the test cluster directory");
        let _lock = lock(&dir.join("lock"));
        let cluster = ManagedCluster::ensure(&dir, "postgres", Durability::Throwaway)
            .expect("start the test PostgreSQL");
        let url = cluster.database_url("postgres");
        let base = url
            .rsplit_once('/')
            .map(|(b, _)| b.to_owned())
            .unwrap_or(url);
        Server { base }
    })
}

fn lock(path: &Path) -> fs::File {
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .expect("open the lock file");
    file.lock().expect("take the lock");
    file
}

/// Name of the template for the current migrations and boundary data: a change to either makes a
/// new template, so a stale one is never used.
fn template_name() -> String {
    let mut hash = Sha256::new();
    let mut entries: Vec<PathBuf> = fs::read_dir(workspace().join("migrations"))
        .expect("read migrations/")
        .flat_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    entries.sort();
    for dir in entries {
        for file in ["up.sql", "down.sql"] {
            hash.update(fs::read(dir.join(file)).unwrap_or_default());
        }
    }
    hash.update(hientruong_db::geography::HUE_COMMUNES_2025.as_bytes());
    let digest: String = hash
        .finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("ht_template_{digest}")
}

fn execute(conn: &mut PgConnection, sql: &str) -> QueryResult<usize> {
    diesel::sql_query(sql).execute(conn)
}

fn template() -> &'static str {
    static TEMPLATE: OnceLock<String> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let server = server();
        let name = template_name();
        let _lock = lock(&scratch_dir().join("template.lock"));
        let mut admin =
            PgConnection::establish(&server.url("postgres")).expect("connect to the test server");
        #[derive(QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let exists = diesel::sql_query("SELECT count(*) AS n FROM pg_database WHERE datname = $1")
            .bind::<diesel::sql_types::Text, _>(&name)
            .get_result::<Count>(&mut admin)
            .expect("look for the template")
            .n
            > 0;
        if !exists {
            let building = format!("{name}_building");
            execute(
                &mut admin,
                &format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)"),
            )
            .expect("drop");
            execute(&mut admin, &format!("CREATE DATABASE {building}"))
                .expect("create the template");
            {
                let mut conn = PgConnection::establish(&server.url(&building))
                    .expect("connect to the template");
                hientruong_db::migrations::run_pending(&mut conn).expect("migrate the template");
                hientruong_db::geography::import_hue_if_empty(&mut conn)
                    .expect("import Huế's communes");
            }
            execute(
                &mut admin,
                &format!("ALTER DATABASE {building} RENAME TO {name}"),
            )
            .expect("rename");
            execute(
                &mut admin,
                &format!("ALTER DATABASE {name} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false"),
            )
            .expect("mark as template");
        }
        name
    })
}

/// A database of its own for one test, migrated and loaded with Huế's communes; dropped at the end.
pub struct TestDb {
    name: String,
    pub url: String,
    /// Dropped with this value (false for a second handle on another test's database).
    owned: bool,
}

impl TestDb {
    pub fn new() -> TestDb {
        let template = template();
        let server = server();
        let name = format!("t_{}", Uuid::new_v4().simple());
        let mut admin =
            PgConnection::establish(&server.url("postgres")).expect("connect to the test server");
        execute(
            &mut admin,
            &format!("CREATE DATABASE {name} TEMPLATE {template}"),
        )
        .expect("clone the template");
        TestDb {
            url: server.url(&name),
            name,
            owned: true,
        }
    }

    /// An empty database (no migrations), for the migration tests.
    pub fn empty() -> TestDb {
        let server = server();
        let name = format!("t_{}", Uuid::new_v4().simple());
        let mut admin =
            PgConnection::establish(&server.url("postgres")).expect("connect to the test server");
        execute(&mut admin, &format!("CREATE DATABASE {name}")).expect("create a database");
        TestDb {
            url: server.url(&name),
            name,
            owned: true,
        }
    }

    pub fn conn(&self) -> PgConnection {
        PgConnection::establish(&self.url).expect("connect to the test database")
    }

    /// Another handle on the same database, which does not drop it.
    pub fn share(&self) -> TestDb {
        TestDb {
            name: self.name.clone(),
            url: self.url.clone(),
            owned: false,
        }
    }

    /// Verifies a newly registered account as if the code sent at registration had been delivered
    /// and entered (tests/tests/verification.rs does both for real): it can report, and the
    /// outbox owes it nothing.
    pub fn verify_account(&self, id: Uuid) {
        let mut conn = self.conn();
        for statement in [
            "UPDATE users SET verified_at = now() WHERE id = $1",
            "UPDATE account_codes SET used_at = now() WHERE user_id = $1 AND used_at IS NULL",
            "DELETE FROM jobs WHERE kind IN ('account_email', 'sms') \
             AND payload->>'to' = (SELECT login FROM users WHERE id = $1)",
        ] {
            diesel::sql_query(statement)
                .bind::<diesel::sql_types::Uuid, _>(id)
                .execute(&mut conn)
                .expect("verify the account");
        }
    }

    /// `SELECT count(*)` of a table.
    pub fn count(&self, table: &str) -> i64 {
        #[derive(QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        diesel::sql_query(format!("SELECT count(*) AS n FROM {table}"))
            .get_result::<Count>(&mut self.conn())
            .expect("count")
            .n
    }
}

impl Default for TestDb {
    fn default() -> TestDb {
        TestDb::new()
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if !self.owned {
            return;
        }
        if let Ok(mut admin) = PgConnection::establish(&server().url("postgres")) {
            let _ = execute(
                &mut admin,
                &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
            );
        }
    }
}

/// The real HTTP server, in this process, on a free loopback port, over its own database.
pub struct TestApp {
    pub db: TestDb,
    /// The local media store of this server.
    pub media_dir: PathBuf,
    /// The server's state, for calling what no endpoint exposes (the media sweep).
    pub state: hientruong_api::AppState,
    pub base: String,
    pub client: reqwest::Client,
    handle: actix_web::dev::ServerHandle,
    /// Told when the server's thread has ended.
    ended: std::sync::Mutex<std::sync::mpsc::Receiver<()>>,
}

pub const TEST_PASSWORD: &str = "mat-khau-thu-nghiem";

/// The argon2 hash of [`TEST_PASSWORD`], computed once per test process (hashing is slow on
/// purpose).
pub fn test_password_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| hientruong_app::password::hash_blocking(TEST_PASSWORD).expect("hash"))
}

/// A staff account created for a test, logged in.
#[derive(Debug, Clone)]
pub struct Staff {
    pub id: Uuid,
    pub login: String,
    pub token: String,
}

/// Where a Huế report lands for each category used in tests: traffic goes to `csgt`, fire to
/// `pccc`. The Imperial City (Phú Xuân ward).
pub const CITADEL: (f64, f64) = (16.4698, 107.5786);

/// A test server's settings: the defaults but no abuse limits, which tests of other things (many
/// reports by one resident, logins from one address) would run into; tests of the limits set
/// theirs.
pub fn settings() -> hientruong_api::Settings {
    hientruong_api::Settings {
        limits: hientruong_domain::limits::Limits::none(),
        push_public_key: vapid_key().public_base64url(),
        // The tests' push service (push.rs) listens on loopback.
        push_services: hientruong_domain::push::PushServices::parse("http://127.0.0.1:*")
            .expect("patterns"),
        ..hientruong_api::Settings::default()
    }
}

/// The tests' VAPID key pair: test servers announce its public key, test workers sign with it.
pub fn vapid_key() -> &'static hientruong_notify::VapidKey {
    static KEY: std::sync::OnceLock<hientruong_notify::VapidKey> = std::sync::OnceLock::new();
    KEY.get_or_init(hientruong_notify::VapidKey::generate)
}

/// The VAPID subject test workers sign as.
pub const VAPID_SUBJECT: &str = "mailto:ops@hientruong.test";

/// Runs `worker`'s jobs due at `at` with pushes signed by [`vapid_key`], on a blocking thread
/// (the push client must not live on the async runtime).
pub async fn run_with_push(
    worker: &hientruong_worker::Worker,
    at: chrono::DateTime<chrono::Utc>,
) -> hientruong_worker::Pass {
    let worker = worker.clone();
    tokio::task::spawn_blocking(move || {
        let push = hientruong_notify::PushSender::new(vapid_key().clone(), VAPID_SUBJECT.into())
            .expect("push sender");
        worker.with_push(push).run_due(at).expect("pass")
    })
    .await
    .expect("the worker's thread")
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with(settings()).await
    }

    pub async fn spawn_with(settings: hientruong_api::Settings) -> TestApp {
        let media_dir = temp_dir("media");
        let media = hientruong_media::store::MediaStore::local(&media_dir).expect("media store");
        TestApp::spawn_with_media(settings, media, media_dir).await
    }

    /// A server whose photos go to `media` (`media_dir` is where a local one lives).
    pub async fn spawn_with_media(
        settings: hientruong_api::Settings,
        media: hientruong_media::store::MediaStore,
        media_dir: PathBuf,
    ) -> TestApp {
        TestApp::spawn_on(TestDb::new(), settings, media, media_dir).await
    }

    /// A second server process's worth of server (its own pool, its own event listener) on this
    /// app's database, as behind a load balancer; same token secret.
    /// Same settings (token secret, limits, proxies).
    pub async fn spawn_beside(&self) -> TestApp {
        let settings = (*self.state.settings).clone();
        let media = hientruong_media::store::MediaStore::local(&self.media_dir).expect("media");
        TestApp::spawn_on(self.db.share(), settings, media, self.media_dir.clone()).await
    }

    async fn spawn_on(
        db: TestDb,
        mut settings: hientruong_api::Settings,
        media: hientruong_media::store::MediaStore,
        media_dir: PathBuf,
    ) -> TestApp {
        if settings.jwt_secret.is_empty() {
            settings.jwt_secret = Uuid::new_v4().to_string().into_bytes();
        }
        let pool = hientruong_db::pool::build(&db.url, 4).expect("pool");
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        // The public address is the test server's own, unless the test set another.
        if settings.public_url == hientruong_api::Settings::default().public_url {
            settings.public_url = base.clone();
        }
        // The statistics' own pool, sized as the server sizes it.
        let stats_pool = hientruong_db::pool::build(
            &db.url,
            (settings.statistics_at_once * hientruong_api::STATISTICS_CONNECTIONS) as u32,
        )
        .expect("statistics pool");
        let state =
            hientruong_api::AppState::new(pool, settings, media).with_stats_pool(stats_pool);
        let shared_state = state.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        let (ended_tx, ended) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let server =
                    hientruong_api::server(listener, state, Some(1), false).expect("server");
                let _ = tx.send(server.handle());
                let _ = server.run().await;
            });
            let _ = ended_tx.send(());
        });
        let handle = rx.recv().expect("server handle");
        TestApp {
            db,
            state: shared_state,
            media_dir,
            base,
            // Idle connections are dropped before the server's keep-alive ends, so a request is
            // never sent on a connection the server is closing.
            client: reqwest::Client::builder()
                .pool_idle_timeout(std::time::Duration::from_secs(2))
                .build()
                .expect("client"),
            handle,
            ended: std::sync::Mutex::new(ended),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("request")
    }

    /// Registers a resident with `login` and returns an access token.
    pub async fn resident(&self, login: &str) -> String {
        let id = self.unverified_resident(login).await;
        self.db.verify_account(id);
        self.login(login).await["access_token"]
            .as_str()
            .expect("token")
            .to_owned()
    }

    /// Registers a resident (password [`TEST_PASSWORD`]) who has not entered the verification
    /// code yet; answers the account's id.
    pub async fn unverified_resident(&self, login: &str) -> Uuid {
        let res = self
            .post_json(
                "/api/v1/auth/register",
                &json!({"login": login, "password": TEST_PASSWORD, "full_name": "Người Thử Nghiệm"}),
            )
            .await;
        let status = res.status();
        let body = res.text().await.unwrap_or_default();
        assert_eq!(status, 201, "register {login}: {body}");
        let account: Value = serde_json::from_str(&body).expect("json");
        account["id"]
            .as_str()
            .and_then(|id| Uuid::parse_str(id).ok())
            .expect("the account's id")
    }

    pub async fn login(&self, login: &str) -> Value {
        let res = self
            .post_json(
                "/api/v1/auth/login",
                &json!({"login": login, "password": TEST_PASSWORD}),
            )
            .await;
        assert_eq!(res.status(), 200, "login {login}");
        res.json().await.expect("json")
    }

    /// `GET path`, with a bearer token when given.
    pub async fn get(&self, path: &str, token: Option<&str>) -> reqwest::Response {
        let mut req = self.client.get(self.url(path));
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        req.send().await.expect("get")
    }

    /// `GET path` answered 200 with JSON.
    pub async fn get_json(&self, path: &str, token: Option<&str>) -> Value {
        let res = self.get(path, token).await;
        assert_eq!(res.status(), 200, "{path}");
        res.json().await.expect("json")
    }

    /// `POST path` with JSON and a bearer token.
    pub async fn post_auth(&self, path: &str, token: &str, body: &Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .expect("request")
    }

    /// `method path` with a JSON body and a bearer token.
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: Value,
    ) -> reqwest::Response {
        self.client
            .request(method, self.url(path))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .expect("request")
    }

    /// A staff account of `role` (and `unit`), created directly in the database as
    /// `hientruong user create` does, then logged in through the API.
    pub async fn staff(&self, role: &str, unit: Option<&str>) -> Staff {
        let login = format!("canbo.{}", &Uuid::new_v4().simple().to_string()[..10]);
        self.staff_with_login(role, unit, &login).await
    }

    pub async fn staff_with_login(&self, role: &str, unit: Option<&str>, login: &str) -> Staff {
        let parsed = hientruong_domain::login::Login::parse_staff(login).expect("login");
        let role = hientruong_domain::role::Role::parse(role).expect("role");
        let user = hientruong_db::users::create_staff(
            &mut self.db.conn(),
            &parsed,
            "Cán Bộ Thử Nghiệm",
            test_password_hash(),
            role,
            unit,
        )
        .expect("create staff");
        let session = self.login(login).await;
        Staff {
            id: user.id,
            login: login.to_owned(),
            token: session["access_token"].as_str().expect("token").to_owned(),
        }
    }

    /// Submits a report as `token` and returns its id.
    pub async fn report(&self, token: &str, category: &str, at: (f64, f64)) -> String {
        let res = self
            .submit(token, Uuid::new_v4(), &report_at(category, at.0, at.1))
            .await;
        assert_eq!(res.status(), 201, "submit");
        let body: Value = res.json().await.expect("json");
        body["id"].as_str().expect("id").to_owned()
    }

    /// `POST /api/v1/tickets/{id}/transitions`.
    pub async fn act(&self, token: &str, ticket: &str, body: Value) -> reqwest::Response {
        self.post_auth(
            &format!("/api/v1/tickets/{ticket}/transitions"),
            token,
            &body,
        )
        .await
    }

    /// A transition that must succeed; returns the ticket as answered.
    pub async fn act_ok(&self, token: &str, ticket: &str, body: Value) -> Value {
        let res = self.act(token, ticket, body.clone()).await;
        let status = res.status();
        let text = res.text().await.unwrap_or_default();
        assert_eq!(status, 200, "{body} -> {text}");
        serde_json::from_str(&text).expect("json")
    }

    /// Uploads one photo (multipart part `photo`) to `path` with a fresh idempotency key.
    pub async fn upload(&self, token: &str, path: &str, bytes: Vec<u8>) -> reqwest::Response {
        let part = reqwest::multipart::Part::bytes(bytes)
            .file_name("after.jpg")
            .mime_str("image/jpeg")
            .expect("mime");
        self.client
            .post(self.url(path))
            .bearer_auth(token)
            .header("Idempotency-Key", Uuid::new_v4().to_string())
            .multipart(reqwest::multipart::Form::new().part("photo", part))
            .send()
            .await
            .expect("upload")
    }

    /// A background worker over this app's database, delivering email as files into `mail_dir`.
    pub fn worker(&self, mail_dir: &Path) -> hientruong_worker::Worker {
        let mailer =
            hientruong_notify::Mailer::files(mail_dir, "Hiện Trường <no-reply@hientruong.test>")
                .expect("mail dir");
        self.worker_with(mailer)
    }

    /// A background worker delivering email through `mailer`, its links to this server. (Pushes
    /// and SMS need an HTTP client that must live off the async runtime: [`run_with_push`].)
    pub fn worker_with(&self, mailer: hientruong_notify::Mailer) -> hientruong_worker::Worker {
        let pool = hientruong_db::pool::build(&self.db.url, 2).expect("pool");
        hientruong_worker::Worker::new(pool, mailer).with_public_url(&self.url(""))
    }

    /// Submits a report with the given idempotency key.
    pub async fn submit(&self, token: &str, key: Uuid, body: &Value) -> reqwest::Response {
        self.client
            .post(self.url("/api/v1/reports"))
            .bearer_auth(token)
            .header("Idempotency-Key", key.to_string())
            .json(body)
            .send()
            .await
            .expect("request")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // The stop is sent at once; the future only reports its end, which is waited for here
        // (boundedly) so that the test process never exits while the server's threads still
        // use the database client: an exit racing them crashed passed tests under load (SIGSEGV
        // at exit; the ticket-event thread, polling every 100 ms, is now ended with the server).
        drop(self.handle.stop(false));
        if let Ok(ended) = self.ended.lock() {
            let _ = ended.recv_timeout(std::time::Duration::from_secs(10));
        }
    }
}

/// A time in Huế (UTC+07:00), for tests with fixed timestamps.
pub fn hue_time(
    year: i32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
) -> chrono::DateTime<chrono::Utc> {
    use chrono::TimeZone;
    hientruong_domain::sla::vn_offset()
        .with_ymd_and_hms(year, month, day, hour, minute, 0)
        .single()
        .expect("a valid Huế time")
        .with_timezone(&chrono::Utc)
}

impl TestApp {
    /// Applies a transition (`{"action", ...}`) as `actor` at an injected time, through the
    /// storage layer (the API always uses the real time).
    pub fn act_at(
        &self,
        actor: &hientruong_domain::policy::Actor,
        id: Uuid,
        body: Value,
        at: chrono::DateTime<chrono::Utc>,
    ) {
        let request: hientruong_domain::ticket::TransitionRequest =
            serde_json::from_value(body).expect("a transition request");
        let transition = request.validate().expect("a valid transition");
        hientruong_db::tickets::transition(&mut self.db.conn(), actor, id, &transition, at)
            .expect("transition");
    }
}

/// A report body at a point.
pub fn report_at(category: &str, lat: f64, lon: f64) -> Value {
    json!({"category": category, "description": "Nước ngập sâu trước cổng chợ", "lat": lat, "lon": lon})
}

/// Reads an error body and checks its shape; returns the code.
/// The first run of exactly six digits in `text` (a code in an email or an SMS).
pub fn code_in(text: &str) -> String {
    let digits: Vec<char> = text.chars().collect();
    digits
        .windows(6)
        .enumerate()
        .find(|(i, w)| {
            w.iter().all(char::is_ascii_digit)
                && !digits.get(i + 6).is_some_and(char::is_ascii_digit)
                && (*i == 0 || !digits[i - 1].is_ascii_digit())
        })
        .map(|(_, w)| w.iter().collect())
        .expect("a six-digit code")
}

pub async fn error_code(res: reqwest::Response) -> (u16, String) {
    let status = res.status().as_u16();
    let body: Value = res.json().await.expect("error body is JSON");
    let code = body["error"].as_str().expect("error code").to_owned();
    assert!(
        body["message"].as_str().is_some_and(|m| !m.is_empty()),
        "message in {body}"
    );
    (status, code)
}
