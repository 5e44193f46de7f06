//! The background worker: runs due jobs from the database's job table, the escalation checks of
//! ticket deadlines and the email outbox.
//!
//! Any number of workers (threads or processes) can run at once: each job is taken with
//! `FOR UPDATE SKIP LOCKED` and held until its effects commit. The time is passed in, so tests
//! drive escalations with an injected clock.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use chrono::{DateTime, Utc};
use hientruong_db::jobs::{self, AccountJob, EmailJob, EscalateJob, Failure, Job, Ran};
use hientruong_db::notifications::{self, PushJob};
use hientruong_db::{DbPool, PgConnection};
use hientruong_domain::Lang;
use hientruong_domain::notice::{self, Rendered};
use hientruong_notify::{Mail, Mailer, PushError, PushSender, Sms, SmsSender, Subscription};

/// Where the product's Message-IDs live; a message's ID is derived from its outbox job, so a
/// resend after an uncertain failure carries the same ID.
const MESSAGE_ID_DOMAIN: &str = "hientruong";

/// How often a worker deletes the spent budgets of the abuse limits.
const LIMITS_SWEEP_EVERY: Duration = Duration::from_secs(60);

#[derive(Clone)]
pub struct Worker {
    pool: DbPool,
    mailer: Mailer,
    /// Where SMS go; without it SMS jobs wait (retried) until a worker that has one takes them.
    sms: Option<SmsSender>,
    /// Web Push; without it push jobs wait (retried) the same way.
    push: Option<PushSender>,
    /// The public address links in messages start with (`HIENTRUONG_PUBLIC_URL`); without it,
    /// messages carry no links.
    public_url: Option<String>,
}

/// What one pass over the due jobs did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pass {
    pub done: usize,
    pub failed: usize,
}

impl Worker {
    pub fn new(pool: DbPool, mailer: Mailer) -> Worker {
        Worker {
            pool,
            mailer,
            sms: None,
            push: None,
            public_url: None,
        }
    }

    /// The same, sending pushes through `push`.
    pub fn with_push(mut self, push: PushSender) -> Worker {
        self.push = Some(push);
        self
    }

    /// The same, linking messages to the app at `public_url` (no trailing slash).
    pub fn with_public_url(mut self, public_url: &str) -> Worker {
        self.public_url = Some(public_url.trim_end_matches('/').to_owned());
        self
    }

    /// The same, sending text messages through `sms`.
    pub fn with_sms(mut self, sms: SmsSender) -> Worker {
        self.sms = Some(sms);
        self
    }

    /// Runs every job due at `now` (including those the jobs themselves enqueue for `now`), one
    /// transaction each, until none is left. A failed job is rescheduled later than `now`, so a
    /// pass always ends.
    pub fn run_due(&self, now: DateTime<Utc>) -> Result<Pass, hientruong_db::Error> {
        let mut conn = self.pool.get()?;
        let mut pass = Pass::default();
        while let Some(ran) = jobs::run_next(
            &mut conn,
            &[
                jobs::ESCALATE,
                jobs::EMAIL,
                jobs::ACCOUNT_EMAIL,
                jobs::SMS,
                jobs::PUSH,
                jobs::ALERT_DIGEST,
            ],
            now,
            |conn, job| self.run(conn, job, now),
        )? {
            match ran {
                Ran::Done { .. } => pass.done += 1,
                Ran::Failed {
                    id,
                    kind,
                    error,
                    dead,
                } => {
                    pass.failed += 1;
                    if dead {
                        tracing::error!(job = id, %kind, %error, "job set aside after failing");
                    } else {
                        tracing::warn!(job = id, %kind, %error, "job failed; will retry");
                    }
                }
            }
        }
        Ok(pass)
    }

    fn run(&self, conn: &mut PgConnection, job: &Job, now: DateTime<Utc>) -> Result<(), Failure> {
        match job.kind.as_str() {
            jobs::ESCALATE => {
                let check: EscalateJob = payload(job)?;
                hientruong_db::tickets::escalate(conn, &check, now)
                    .map(|_| ())
                    .map_err(|e| Failure::retry(e.to_string()))
            }
            jobs::EMAIL => {
                let email: EmailJob = payload(job)?;
                self.mail_about_report(job, &email)
            }
            jobs::ACCOUNT_EMAIL => {
                let message: AccountJob = payload(job)?;
                self.mail(
                    job,
                    message.to.clone(),
                    message.notice.render(message.lang()),
                )
            }
            jobs::SMS => {
                let message: AccountJob = payload(job)?;
                let sms = self
                    .sms
                    .as_ref()
                    .ok_or_else(|| Failure::retry("no SMS gateway configured".to_owned()))?;
                let text = Sms {
                    to: message.to.clone(),
                    text: message.notice.sms(message.lang()),
                    id: message_id(job),
                };
                sms.send(&text).map_err(|e| Failure {
                    permanent: e.is_permanent(),
                    message: e.to_string(),
                })
            }
            jobs::PUSH => {
                let push: PushJob = payload(job)?;
                self.push(conn, &push)
            }
            jobs::ALERT_DIGEST => {
                let digest: hientruong_db::alerts::DigestJob = payload(job)?;
                hientruong_db::alerts::digest(conn, &digest, now)
                    .map(|_| ())
                    .map_err(|e| Failure::retry(e.to_string()))
            }
            other => Err(Failure::permanent(format!("unknown job kind {other}"))),
        }
    }

    /// An email about a report: linked to the report's page and with the recipient's
    /// unsubscribe link, when the worker knows the public address.
    fn mail_about_report(&self, job: &Job, email: &EmailJob) -> Result<(), Failure> {
        let mut rendered = email.notice.render(email.lang());
        let mut unsubscribe = None;
        let about_report = email.report.is_some()
            || matches!(
                email.notice,
                hientruong_domain::notice::Notice::AlertDigest { .. }
            );
        if let (Some(base), true) = (&self.public_url, about_report) {
            unsubscribe = email
                .unsubscribe
                .map(|token| format!("{base}/api/v1/unsubscribe/{token}"));
            let photo = email.photo.as_ref().map(|path| format!("{base}{path}"));
            rendered.body.push_str(&notice::email_footer(
                email.lang(),
                &format!("{base}{}", email.notice.link(email.report)),
                photo.as_deref(),
                unsubscribe.as_deref(),
            ));
        }
        self.send_mail(job, email.to.clone(), rendered, unsubscribe)
    }

    /// Sends `job`'s rendered message to `to` by email.
    fn mail(&self, job: &Job, to: String, rendered: Rendered) -> Result<(), Failure> {
        self.send_mail(job, to, rendered, None)
    }

    fn send_mail(
        &self,
        job: &Job,
        to: String,
        rendered: Rendered,
        unsubscribe: Option<String>,
    ) -> Result<(), Failure> {
        let mail = Mail {
            to,
            subject: rendered.subject,
            body: rendered.body,
            message_id: message_id(job),
            unsubscribe,
        };
        self.mailer.send(&mail).map_err(|e| Failure {
            permanent: e.is_permanent(),
            message: e.to_string(),
        })
    }
}

impl Worker {
    /// Pushes one notification to one browser. Nothing to do when either is gone by now; a
    /// subscription its push service says is gone (404, 410) is forgotten.
    fn push(&self, conn: &mut PgConnection, job: &PushJob) -> Result<(), Failure> {
        let db = |e: hientruong_db::Error| Failure::retry(e.to_string());
        let Some(subscription) = notifications::subscription(conn, job.subscription).map_err(db)?
        else {
            return Ok(());
        };
        let Some(notifications::Delivery {
            notification,
            user_id,
            locale,
            urgent,
        }) = notifications::for_delivery(conn, job.notification).map_err(db)?
        else {
            return Ok(());
        };
        // The browser was signed in to by someone else since: not theirs to read.
        if subscription.user_id != user_id {
            return Ok(());
        }
        let Some(told) = notification.notice() else {
            return Err(Failure::permanent("unreadable notice".to_owned()));
        };
        let lang = if locale == "en" { Lang::En } else { Lang::Vi };
        let image = notification.thumb_key.map(|key| format!("/media/{key}"));
        let message = told.push(lang, notification.report_id, image);
        let payload = serde_json::to_vec(&message)
            .map_err(|e| Failure::permanent(format!("push payload: {e}")))?;
        let sender = self
            .push
            .as_ref()
            .ok_or_else(|| Failure::retry("no push sender configured".to_owned()))?;
        let to = Subscription {
            endpoint: subscription.endpoint,
            p256dh: subscription.p256dh,
            auth: subscription.auth,
        };
        match sender.send(&to, &payload, urgent) {
            Ok(()) => Ok(()),
            Err(PushError::Gone(status)) => {
                tracing::info!(
                    subscription = subscription.id,
                    status,
                    "push subscription gone; forgotten"
                );
                notifications::forget(conn, subscription.id).map_err(db)
            }
            Err(e) => Err(Failure {
                permanent: e.is_permanent(),
                message: e.to_string(),
            }),
        }
    }
}

/// A job's payload, or a permanent failure when it cannot be read.
fn payload<T: serde::de::DeserializeOwned>(job: &Job) -> Result<T, Failure> {
    serde_json::from_value(job.payload.clone())
        .map_err(|e| Failure::permanent(format!("unreadable payload: {e}")))
}

/// A message's ID derived from its outbox job, the same at every retry.
fn message_id(job: &Job) -> String {
    format!(
        "job-{}.{}@{MESSAGE_ID_DOMAIN}",
        job.id,
        job.created_at.timestamp()
    )
}

impl Worker {
    /// Runs passes every `poll` on a thread of its own until `stop` is set.
    pub fn spawn(self, poll: Duration, stop: Arc<AtomicBool>) -> std::io::Result<JoinHandle<()>> {
        std::thread::Builder::new()
            .name("hientruong-worker".into())
            .spawn(move || {
                let mut swept = std::time::Instant::now();
                while !stop.load(Ordering::Relaxed) {
                    if let Err(e) = self.run_due(Utc::now()) {
                        tracing::warn!(error = %e, "job pass failed");
                    }
                    if swept.elapsed() >= LIMITS_SWEEP_EVERY {
                        swept = std::time::Instant::now();
                        if let Err(e) = self.sweep_limits() {
                            tracing::warn!(error = %e, "sweeping the spent limits failed");
                        }
                    }
                    std::thread::sleep(poll);
                }
            })
    }

    /// Deletes the abuse limits' budgets that are whole again (hientruong_db::limits), which
    /// nobody needs to remember; returns how many.
    pub fn sweep_limits(&self) -> Result<usize, hientruong_db::Error> {
        Ok(hientruong_db::limits::sweep(&mut *self.pool.get()?)?)
    }
}
