//! A Web Push service for the tests (`push_service.py`): subscriptions with key pairs of its own,
//! and every push the server sends them, its VAPID signature checked and its payload decrypted
//! by Mozilla's reference implementation (`http_ece`, PyPI), not by the code under test.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use serde_json::Value;

pub struct PushService {
    child: Child,
    pub origin: String,
    http: reqwest::Client,
}

impl PushService {
    pub fn start() -> PushService {
        let mut child = Command::new(crate::python())
            .args(["-c", include_str!("push_service.py")])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("python with http_ece and cryptography (scripts/test installs them)");
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().expect("stdout"))
            .read_line(&mut line)
            .expect("the push service's port");
        let port: u16 = line.trim().parse().expect("a port");
        PushService {
            child,
            origin: format!("http://127.0.0.1:{port}"),
            http: reqwest::Client::new(),
        }
    }

    /// A new subscription, as a browser's `PushSubscription.toJSON()` gives it. `mode`: `ok`
    /// (pushes answered 201), `gone` (410), `flaky` (500 once, then 201).
    pub async fn subscribe(&self, mode: &str) -> Value {
        self.http
            .post(format!("{}/subscribe?mode={mode}", self.origin))
            .send()
            .await
            .expect("subscribe")
            .json()
            .await
            .expect("json")
    }

    /// Every push received so far, in order.
    pub async fn received(&self) -> Vec<Value> {
        self.http
            .get(format!("{}/log", self.origin))
            .send()
            .await
            .expect("log")
            .json()
            .await
            .expect("json")
    }
}

impl Drop for PushService {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
