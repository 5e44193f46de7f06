//! The job table: background work written in the same transaction as the change that causes it
//! (the outbox), taken by any number of workers with `FOR UPDATE SKIP LOCKED`.
//!
//! A job is held locked while it runs, so two workers never run the same job; it is deleted in the
//! transaction that records its effects, or rescheduled with exponential backoff when it fails.
//! A job that fails [`MAX_ATTEMPTS`] times is kept with `dead_at` set for an operator to look at;
//! nothing is ever dropped.

use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;
use hientruong_domain::Lang;
use hientruong_domain::notice::Notice;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::Error;
use crate::schema::jobs;

pub const EMAIL: &str = "email";
pub const ESCALATE: &str = "escalate";
/// A message about one's own account (a password-reset code) by email.
pub const ACCOUNT_EMAIL: &str = "account_email";
/// The same by SMS, to a phone login.
pub const SMS: &str = "sms";
/// A notification to one browser by Web Push ([`crate::notifications::PushJob`]).
pub const PUSH: &str = "push";
/// An area alert's digest ([`crate::alerts::DigestJob`]).
pub const ALERT_DIGEST: &str = "alert_digest";

/// Attempts before a job is set aside as dead.
pub const MAX_ATTEMPTS: i32 = 40;

/// An email to send: the recipient, their language, and what to tell them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmailJob {
    pub to: String,
    pub lang: String,
    pub notice: Notice,
    /// The report it is about, linked at its end (news to a report's followers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<Uuid>,
    /// The recipient account's unsubscribe token: the email carries its one-click link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsubscribe: Option<Uuid>,
    /// A resolution's after photo (its thumbnail's path), linked in the email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
}

/// A recipient's language as stored with their account (`vi` unless `en`).
fn lang_of(stored: &str) -> Lang {
    if stored == "en" { Lang::En } else { Lang::Vi }
}

impl EmailJob {
    /// An email of `notice` to `to`, about no report in particular (a unit's, a manager's).
    pub fn new(to: String, lang: String, notice: Notice) -> EmailJob {
        EmailJob {
            to,
            lang,
            notice,
            report: None,
            unsubscribe: None,
            photo: None,
        }
    }

    /// The job that sends it at `at`.
    pub fn job(&self, at: DateTime<Utc>) -> Result<NewJob, Error> {
        NewJob::new(EMAIL, self, at)
    }

    pub fn lang(&self) -> Lang {
        lang_of(&self.lang)
    }
}

/// A message about an account, to its login: `to` is an email address (kind `account_email`) or a
/// phone number (kind `sms`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountJob {
    pub to: String,
    pub lang: String,
    pub notice: hientruong_domain::notice::AccountNotice,
}

impl AccountJob {
    pub fn lang(&self) -> Lang {
        lang_of(&self.lang)
    }
}

/// Check a ticket's deadline at one escalation level. Stale when the ticket moved on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EscalateJob {
    pub report_id: Uuid,
    pub level: i16,
    pub due_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = jobs, check_for_backend(diesel::pg::Pg))]
pub struct Job {
    pub id: i64,
    pub kind: String,
    pub payload: serde_json::Value,
    pub run_at: DateTime<Utc>,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub dead_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// A job to insert.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = jobs)]
pub struct NewJob {
    kind: &'static str,
    payload: serde_json::Value,
    run_at: DateTime<Utc>,
}

impl NewJob {
    pub fn new(
        kind: &'static str,
        payload: &impl Serialize,
        run_at: DateTime<Utc>,
    ) -> Result<NewJob, Error> {
        let payload = serde_json::to_value(payload).map_err(|e| {
            tracing::error!(error = %e, "could not serialise a job");
            hientruong_domain::Error::Internal
        })?;
        Ok(NewJob {
            kind,
            payload,
            run_at,
        })
    }
}

/// Enqueues jobs in one statement.
pub fn enqueue_all(conn: &mut PgConnection, new: &[NewJob]) -> Result<(), Error> {
    if !new.is_empty() {
        diesel::insert_into(jobs::table).values(new).execute(conn)?;
    }
    Ok(())
}

pub fn enqueue(
    conn: &mut PgConnection,
    kind: &'static str,
    payload: &impl Serialize,
    run_at: DateTime<Utc>,
) -> Result<(), Error> {
    enqueue_all(conn, &[NewJob::new(kind, payload, run_at)?])
}

/// Enqueues an email for delivery as soon as a worker is free.
pub fn enqueue_email(
    conn: &mut PgConnection,
    email: EmailJob,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    enqueue(conn, EMAIL, &email, now)
}

/// How long after its `attempts`-th failure a job is tried again: 30 s doubling, at most 1 h.
pub fn backoff(attempts: i32) -> TimeDelta {
    let exp = attempts.clamp(1, 8) - 1;
    TimeDelta::seconds((30i64 << exp).min(3600))
}

/// Why a job did not complete. A permanent failure (a malformed address, a payload that cannot
/// be read) is set aside at once; any other is retried with backoff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub message: String,
    pub permanent: bool,
}

impl Failure {
    pub fn retry(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            permanent: false,
        }
    }

    pub fn permanent(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            permanent: true,
        }
    }
}

/// What happened to the job [`run_next`] took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ran {
    /// Done and deleted.
    Done { id: i64, kind: String },
    /// Failed; tried again later (or set aside when `dead`).
    Failed {
        id: i64,
        kind: String,
        error: String,
        dead: bool,
    },
}

/// Takes the next job due at `now` of one of `kinds`, runs `work` on it inside the job's
/// transaction, and records the outcome. `work`'s writes commit with the job's deletion, or are
/// rolled back (a savepoint) when it fails. `None` when no job is due.
pub fn run_next<F>(
    conn: &mut PgConnection,
    kinds: &[&str],
    now: DateTime<Utc>,
    work: F,
) -> Result<Option<Ran>, Error>
where
    F: FnOnce(&mut PgConnection, &Job) -> Result<(), Failure>,
{
    conn.transaction(|conn| {
        let job: Option<Job> = jobs::table
            .filter(jobs::dead_at.is_null())
            .filter(jobs::run_at.le(now))
            .filter(jobs::kind.eq_any(kinds))
            .order((jobs::run_at, jobs::id))
            .for_update()
            .skip_locked()
            .select(Job::as_select())
            .first(conn)
            .optional()?;
        let Some(job) = job else {
            return Ok(None);
        };
        let outcome =
            conn.transaction::<_, WorkFailed, _>(|conn| work(conn, &job).map_err(WorkFailed::Work));
        match outcome {
            Ok(()) => {
                diesel::delete(jobs::table.find(job.id)).execute(conn)?;
                Ok(Some(Ran::Done {
                    id: job.id,
                    kind: job.kind,
                }))
            }
            Err(failure) => {
                let permanent = matches!(&failure, WorkFailed::Work(f) if f.permanent);
                let error = failure.to_string();
                let attempts = job.attempts + 1;
                let dead = permanent || attempts >= MAX_ATTEMPTS;
                diesel::update(jobs::table.find(job.id))
                    .set((
                        jobs::attempts.eq(attempts),
                        jobs::last_error.eq(&error),
                        jobs::run_at.eq(now + backoff(attempts)),
                        jobs::dead_at.eq(dead.then_some(now)),
                    ))
                    .execute(conn)?;
                Ok(Some(Ran::Failed {
                    id: job.id,
                    kind: job.kind,
                    error,
                    dead,
                }))
            }
        }
    })
}

/// A job's own failure, or the database failing under it (both roll the savepoint back).
#[derive(Debug, thiserror::Error)]
enum WorkFailed {
    #[error("{}", .0.message)]
    Work(Failure),
    #[error("database: {0}")]
    Query(#[from] diesel::result::Error),
}

/// Jobs waiting, by kind, and those set aside (for operators and tests).
pub fn pending(conn: &mut PgConnection, kind: &str) -> QueryResult<Vec<Job>> {
    jobs::table
        .filter(jobs::kind.eq(kind))
        .order(jobs::id)
        .select(Job::as_select())
        .load(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_30_seconds_up_to_an_hour() {
        assert_eq!(backoff(1), TimeDelta::seconds(30));
        assert_eq!(backoff(2), TimeDelta::seconds(60));
        assert_eq!(backoff(7), TimeDelta::seconds(1920));
        assert_eq!(backoff(8), TimeDelta::seconds(3600));
        assert_eq!(backoff(40), TimeDelta::seconds(3600));
    }
}
