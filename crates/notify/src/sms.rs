//! SMS delivery through an operator's HTTP gateway: a JSON `POST {to, text}` with the gateway's
//! token as a bearer credential, which the operator points at their Vietnamese SMS provider or a
//! small adapter in front of it. Without a gateway, messages go to `.txt` files in a directory
//! (development, demos), as email does.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One text message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sms {
    /// In `+84…` form.
    pub to: String,
    pub text: String,
    /// Stable across retries of one message (the outbox job's): sent as `Idempotency-Key`, so a
    /// gateway that keeps them sends a retried message once.
    pub id: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SmsError {
    #[error("SMS gateway unreachable: {0}")]
    Unreachable(String),
    /// 5xx, 408 or 429: the gateway may take it later.
    #[error("SMS gateway answered {0}")]
    Busy(u16),
    /// Any other 4xx: the message or the configuration is wrong, retrying cannot help.
    #[error("SMS gateway refused the message: {0}")]
    Refused(u16),
    #[error("writing the message file: {0}")]
    File(#[from] std::io::Error),
    #[error("invalid SMS gateway URL: {0}")]
    Url(String),
}

impl SmsError {
    /// Whether trying again later cannot help.
    pub fn is_permanent(&self) -> bool {
        matches!(self, SmsError::Refused(_) | SmsError::Url(_))
    }
}

/// Where text messages go.
#[derive(Clone)]
pub enum SmsSender {
    Gateway {
        client: reqwest::blocking::Client,
        url: reqwest::Url,
        token: Option<String>,
    },
    Files {
        dir: PathBuf,
    },
}

impl SmsSender {
    /// A gateway at `url` (http or https), called with `token` as `Authorization: Bearer`.
    pub fn gateway(url: &str, token: Option<String>) -> Result<SmsSender, SmsError> {
        let url = reqwest::Url::parse(url).map_err(|e| SmsError::Url(e.to_string()))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(SmsError::Url("the scheme must be http or https".into()));
        }
        let client = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(15))
            .build()
            .map_err(|e| SmsError::Url(e.to_string()))?;
        Ok(SmsSender::Gateway { client, url, token })
    }

    /// `.txt` files in `dir`, one per message.
    pub fn files(dir: &Path) -> Result<SmsSender, SmsError> {
        fs::create_dir_all(dir)?;
        Ok(SmsSender::Files {
            dir: dir.to_owned(),
        })
    }

    pub fn send(&self, sms: &Sms) -> Result<(), SmsError> {
        match self {
            SmsSender::Gateway { client, url, token } => {
                let mut req = client
                    .post(url.clone())
                    .header("Idempotency-Key", &sms.id)
                    .json(&serde_json::json!({"to": sms.to, "text": sms.text}));
                if let Some(token) = token {
                    req = req.bearer_auth(token);
                }
                let res = req
                    .send()
                    .map_err(|e| SmsError::Unreachable(e.without_url().to_string()))?;
                let status = res.status().as_u16();
                match status {
                    200..=299 => Ok(()),
                    408 | 429 | 500..=599 => Err(SmsError::Busy(status)),
                    _ => Err(SmsError::Refused(status)),
                }
            }
            SmsSender::Files { dir } => {
                let name: String = sms
                    .id
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                    .collect();
                let path = dir.join(format!("{name}.txt"));
                let tmp = dir.join(format!(".{name}.tmp"));
                let mut file = fs::File::create(&tmp)?;
                writeln!(file, "To: {}\n\n{}", sms.to, sms.text)?;
                file.sync_all()?;
                fs::rename(tmp, path)?;
                Ok(())
            }
        }
    }
}
