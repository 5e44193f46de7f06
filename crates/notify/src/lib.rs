//! Email delivery (and SMS, [`SmsSender`]): an SMTP server from configuration, or `.eml` files in a directory when none is
//! configured (development, demos, and a record of what would have been sent).
//!
//! This crate only sends. What to send, to whom and when is decided elsewhere and queued in the
//! database's outbox; the worker hands each message here with a stable Message-ID, so a message
//! retried after an uncertain failure can be recognised as the same one.

mod push;
mod sms;

pub use push::{PushError, PushSender, Subscription, VapidKey};
pub use sms::{Sms, SmsError, SmsSender};

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, Message};
use lettre::{SmtpTransport, Transport};

/// One email, rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// Without angle brackets, e.g. `job-42@hientruong`.
    pub message_id: String,
    /// The one-click unsubscribe URL (RFC 8058), sent as `List-Unsubscribe` with
    /// `List-Unsubscribe-Post`.
    pub unsubscribe: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("invalid address {0:?}")]
    Address(String),
    #[error("could not build the message: {0}")]
    Build(String),
    #[error("SMTP: {0}")]
    Smtp(String),
    /// The relay refused the message for good (a 5xx answer: no such mailbox, policy...).
    #[error("SMTP, refused: {0}")]
    SmtpRefused(String),
    #[error("writing the message file: {0}")]
    File(#[from] std::io::Error),
    #[error("invalid SMTP URL: {0}")]
    Url(String),
}

impl MailError {
    /// Whether trying again later cannot help (a malformed address, a message that cannot be
    /// built): the job is set aside at once instead of retried.
    pub fn is_permanent(&self) -> bool {
        matches!(
            self,
            MailError::Address(_) | MailError::Build(_) | MailError::SmtpRefused(_)
        )
    }
}

/// Where mail goes.
#[derive(Clone)]
pub enum Mailer {
    Smtp {
        transport: SmtpTransport,
        from: Mailbox,
    },
    Files {
        dir: PathBuf,
        from: Mailbox,
    },
}

fn mailbox(address: &str) -> Result<Mailbox, MailError> {
    address
        .parse()
        .map_err(|_| MailError::Address(address.to_owned()))
}

impl Mailer {
    /// An SMTP relay, e.g. `smtp://user:password@mail.example:587?tls=required`,
    /// `smtps://mail.example` or `smtp://127.0.0.1:2525` (lettre's URL syntax).
    pub fn smtp(url: &str, from: &str) -> Result<Mailer, MailError> {
        let transport = SmtpTransport::from_url(url)
            // lettre's message could repeat parts of the URL, which may hold a password.
            .map_err(|_| MailError::Url("check the scheme, host, port and tls parameter".into()))?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        Ok(Mailer::Smtp {
            transport,
            from: mailbox(from)?,
        })
    }

    /// Messages written as `<Message-ID>.eml` files into `dir` (created if missing).
    pub fn files(dir: &Path, from: &str) -> Result<Mailer, MailError> {
        fs::create_dir_all(dir)?;
        Ok(Mailer::Files {
            dir: dir.to_owned(),
            from: mailbox(from)?,
        })
    }

    fn from(&self) -> &Mailbox {
        match self {
            Mailer::Smtp { from, .. } | Mailer::Files { from, .. } => from,
        }
    }

    fn build(&self, mail: &Mail) -> Result<Message, MailError> {
        let mut builder = Message::builder()
            .from(self.from().clone())
            .to(mailbox(&mail.to)?)
            .subject(mail.subject.clone())
            .message_id(Some(format!("<{}>", mail.message_id)))
            .header(ContentType::TEXT_PLAIN);
        if let Some(url) = &mail.unsubscribe {
            if url.contains(['<', '>', '\r', '\n']) {
                return Err(MailError::Build(format!("unsubscribe URL {url:?}")));
            }
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{url}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_owned(),
                ));
        }
        builder
            .body(mail.body.clone())
            .map_err(|e| MailError::Build(e.to_string()))
    }

    /// Sends one message (blocking: run it off the async executor).
    pub fn send(&self, mail: &Mail) -> Result<(), MailError> {
        let message = self.build(mail)?;
        match self {
            Mailer::Smtp { transport, .. } => transport.send(&message).map(|_| ()).map_err(|e| {
                if e.is_permanent() {
                    MailError::SmtpRefused(e.to_string())
                } else {
                    MailError::Smtp(e.to_string())
                }
            }),
            Mailer::Files { dir, .. } => {
                let name: String = mail
                    .message_id
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect();
                // Written whole, then renamed: a reader never sees half a message, and a retry
                // of the same message replaces it rather than adding a second.
                let tmp = dir.join(format!(".{name}.tmp"));
                let mut file = fs::File::create(&tmp)?;
                file.write_all(&message.formatted())?;
                file.sync_all()?;
                fs::rename(&tmp, dir.join(format!("{name}.eml")))?;
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_mail_is_a_complete_message_written_once_per_id() {
        let dir = std::env::temp_dir().join(format!("ht-notify-{}", std::process::id()));
        let mailer = Mailer::files(&dir, "Hiện Trường <no-reply@hientruong.invalid>").expect("dir");
        let mail = Mail {
            to: "dan@example.com".into(),
            subject: "Phản ánh HT-ABCD-EFGH đã được tiếp nhận".into(),
            body: "Xin chào".into(),
            message_id: "job-1@hientruong".into(),
            unsubscribe: Some("https://hientruong.example.vn/api/v1/unsubscribe/t".into()),
        };
        mailer.send(&mail).expect("sent");
        mailer.send(&mail).expect("sent again");
        let files: Vec<_> = fs::read_dir(&dir).expect("read").collect();
        assert_eq!(files.len(), 1);
        let text = fs::read_to_string(dir.join("job-1_hientruong.eml")).expect("file");
        assert!(text.contains("Message-ID: <job-1@hientruong>"), "{text}");
        assert!(text.contains("To: dan@example.com"));
        assert!(
            text.contains(
                "List-Unsubscribe: <https://hientruong.example.vn/api/v1/unsubscribe/t>\r\n"
            ) && text.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"),
            "{text}"
        );
        assert!(
            text.contains("Subject: =?utf-8?"),
            "the Vietnamese subject is encoded"
        );
        fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn malformed_addresses_are_permanent_failures() {
        let dir = std::env::temp_dir().join(format!("ht-notify-bad-{}", std::process::id()));
        let mailer = Mailer::files(&dir, "no-reply@hientruong.invalid").expect("dir");
        let err = mailer
            .send(&Mail {
                to: "not an address".into(),
                subject: "x".into(),
                body: "x".into(),
                message_id: "job-2@hientruong".into(),
                unsubscribe: None,
            })
            .expect_err("refused");
        assert!(err.is_permanent());
        assert!(Mailer::smtp("ftp://nowhere", "a@b.c").is_err());
        fs::remove_dir_all(&dir).ok();
    }
}
