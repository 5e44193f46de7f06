//! An SMS gateway of the tests' own, on loopback: it takes each `POST` the worker sends (a JSON
//! `{to, text}`), keeps it with its `Authorization` and `Idempotency-Key` headers, and answers
//! with the statuses a test scripts (then `200`), so that a test sees exactly what an operator's
//! gateway would receive, failures and retries included.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use serde_json::Value;

/// One message as the gateway received it.
#[derive(Debug, Clone)]
pub struct Received {
    pub authorization: Option<String>,
    pub idempotency_key: Option<String>,
    pub body: Value,
    /// The status it was answered with.
    pub status: u16,
}

pub struct SmsGateway {
    pub url: String,
    received: Arc<Mutex<Vec<Received>>>,
    script: Arc<Mutex<VecDeque<u16>>>,
}

impl SmsGateway {
    pub fn start() -> SmsGateway {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the SMS gateway");
        let url = format!("http://{}/sms", listener.local_addr().expect("address"));
        let received = Arc::new(Mutex::new(Vec::new()));
        let script = Arc::new(Mutex::new(VecDeque::new()));
        let (log, statuses) = (received.clone(), script.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let mut reader = BufReader::new(&stream);
                let mut line = String::new();
                let (mut length, mut authorization, mut idempotency_key) = (0, None, None);
                if reader.read_line(&mut line).is_err() {
                    continue;
                }
                loop {
                    line.clear();
                    if reader.read_line(&mut line).unwrap_or(0) <= 2 {
                        break;
                    }
                    let Some((name, value)) = line.trim_end().split_once(':') else {
                        continue;
                    };
                    let value = value.trim().to_owned();
                    match name.to_ascii_lowercase().as_str() {
                        "content-length" => length = value.parse().unwrap_or(0),
                        "authorization" => authorization = Some(value),
                        "idempotency-key" => idempotency_key = Some(value),
                        _ => {}
                    }
                }
                let mut body = vec![0; length];
                if reader.read_exact(&mut body).is_err() {
                    continue;
                }
                let status = statuses.lock().expect("script").pop_front().unwrap_or(200);
                log.lock().expect("log").push(Received {
                    authorization,
                    idempotency_key,
                    body: serde_json::from_slice(&body).unwrap_or(Value::Null),
                    status,
                });
                let mut stream = &stream;
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status} X\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}"
                );
            }
        });
        SmsGateway {
            url,
            received,
            script,
        }
    }

    /// The next answers, in order (then `200`).
    pub fn answer(&self, statuses: &[u16]) {
        self.script.lock().expect("script").extend(statuses);
    }

    /// Everything received so far.
    pub fn received(&self) -> Vec<Received> {
        self.received.lock().expect("log").clone()
    }
}
