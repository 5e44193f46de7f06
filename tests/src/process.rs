//! The real `hientruong` binary as a child process, for tests of start-up, configuration and
//! crash safety.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The built server binary (`cargo build --bin hientruong` comes first in the test command).
pub fn binary() -> PathBuf {
    if let Some(path) = std::env::var_os("HIENTRUONG_BIN") {
        return PathBuf::from(path);
    }
    let path = crate::target_dir().join("debug").join("hientruong");
    assert!(
        path.is_file(),
        "{} is missing: build it first with `cargo build --bin hientruong` (scripts/test does)",
        path.display()
    );
    path
}

/// A command for the binary with a clean `HIENTRUONG_*` environment.
pub fn command() -> Command {
    let mut cmd = Command::new(binary());
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("HIENTRUONG_") || key == "DATABASE_URL" {
            cmd.env_remove(key);
        }
    }
    cmd.env("HIENTRUONG_LOG", "warn");
    cmd.current_dir(std::env::temp_dir());
    cmd
}

/// Abuse limits so wide that a test or benchmark driving thousands of reports from a few accounts
/// and one address never reaches them, while every use is still counted (their cost is part of
/// what a benchmark measures).
pub const WIDE_LIMITS: &[(&str, &str)] = &[
    ("HIENTRUONG_LIMIT_REPORTS_PER_ACCOUNT", "1000000/h"),
    ("HIENTRUONG_LIMIT_REPORTS_PER_ADDRESS", "1000000/h"),
    ("HIENTRUONG_LIMIT_REGISTRATIONS_PER_ADDRESS", "1000000/h"),
    ("HIENTRUONG_LIMIT_LOGINS_PER_LOGIN_AND_ADDRESS", "1000000/h"),
    ("HIENTRUONG_LIMIT_LOGINS_PER_ADDRESS", "1000000/h"),
    (
        "HIENTRUONG_LIMIT_OPEN311_KEY_FAILURES_PER_ADDRESS",
        "1000000/h",
    ),
    ("HIENTRUONG_LIMIT_PASSWORD_RESETS_PER_LOGIN", "1000000/h"),
    ("HIENTRUONG_LIMIT_PASSWORD_RESETS_PER_ADDRESS", "1000000/h"),
    (
        "HIENTRUONG_LIMIT_VERIFICATION_CODES_PER_ACCOUNT",
        "1000000/h",
    ),
    (
        "HIENTRUONG_LIMIT_VERIFICATION_CODES_PER_ADDRESS",
        "1000000/h",
    ),
];

/// A running server process on `port`; killed when dropped.
pub struct ServerProcess {
    pub child: Child,
    pub base: String,
}

impl ServerProcess {
    /// A server on `database_url`.
    pub fn start(database_url: &str, port: u16, data_dir: &std::path::Path) -> ServerProcess {
        ServerProcess::spawn(Some(database_url), port, data_dir, &[])
    }

    /// A server on `database_url` with these settings besides (over the wide limits).
    pub fn start_with(
        database_url: &str,
        port: u16,
        data_dir: &std::path::Path,
        settings: &[(&str, &str)],
    ) -> ServerProcess {
        ServerProcess::spawn(Some(database_url), port, data_dir, settings)
    }

    /// A server with no `DATABASE_URL`: it runs its own PostgreSQL in `data_dir/pg`.
    pub fn start_managed(port: u16, data_dir: &std::path::Path) -> ServerProcess {
        ServerProcess::spawn(None, port, data_dir, &[])
    }

    fn spawn(
        database_url: Option<&str>,
        port: u16,
        data_dir: &std::path::Path,
        settings: &[(&str, &str)],
    ) -> ServerProcess {
        let mut cmd = command();
        if let Some(url) = database_url {
            cmd.env("DATABASE_URL", url);
        }
        let child = cmd
            .arg("serve")
            .env("HIENTRUONG_BIND", format!("127.0.0.1:{port}"))
            .env("HIENTRUONG_DATA_DIR", data_dir)
            .env("HIENTRUONG_DB_POOL_SIZE", "8")
            .envs(WIDE_LIMITS.iter().copied())
            .envs(settings.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start hientruong serve");
        ServerProcess {
            child,
            base: format!("http://127.0.0.1:{port}"),
        }
    }

    /// Waits until `/readyz` answers 200.
    pub async fn wait_ready(&mut self, client: &reqwest::Client) {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("the server exited early: {status}");
            }
            let ready = client.get(format!("{}/readyz", self.base)).send().await;
            if ready.is_ok_and(|res| res.status() == 200) {
                return;
            }
            assert!(Instant::now() < deadline, "the server did not become ready");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

impl ServerProcess {
    /// SIGTERM, then waits for a clean exit.
    pub async fn terminate(&mut self) {
        let pid = nix::unistd::Pid::from_raw(i32::try_from(self.child.id()).expect("pid"));
        nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM).expect("SIGTERM");
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                assert!(status.success(), "exit after SIGTERM: {status}");
                return;
            }
            assert!(Instant::now() < deadline, "no exit after SIGTERM");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}
