//! Reports: the public lists and page of a report, a resident's own reports, and what residents
//! do with them: submit one, add a photo to it, rate its result.

use chrono::{DateTime, Utc};
use hientruong_db::models::ReportEvent;
use hientruong_db::models::{Report, StoredPhoto};
use hientruong_db::photos::{self, Added};
use hientruong_db::read::report::{self as read, ReportFilter, ReportView};
use hientruong_db::reports::{self, Submitted};
use std::net::IpAddr;

use hientruong_db::moderation::{self, Target};
use hientruong_db::{PgConnection, limits, supports, tickets};
use hientruong_domain::audit::Action;
use hientruong_domain::limits::{Budget, Limited, address_key};
use hientruong_domain::pagination::Cursor;
use hientruong_domain::policy::Actor;
use hientruong_domain::report::Status;
use hientruong_domain::report::ValidReport;
use hientruong_domain::ticket::{Stage, stage};
use uuid::Uuid;

use crate::{App, Error};

/// A photo just added, and whether it answers a retry.
pub struct Photo {
    pub photo: hientruong_db::models::Photo,
    pub replayed: bool,
}

impl Photo {
    pub(crate) fn read(conn: &mut PgConnection, added: Added) -> Result<Photo, Error> {
        let (id, replayed) = match added {
            Added::Created(id) => (id, false),
            Added::Replayed(id) => (id, true),
        };
        Ok(Photo {
            photo: photos::get(conn, id)?,
            replayed,
        })
    }
}

/// A report's page: the report, its public timeline, and whether the caller reported it (and
/// so sees it as its reporter does).
pub struct ReportPageView {
    pub view: ReportView,
    pub timeline: Vec<ReportEvent>,
    pub mine: bool,
}

/// A caller's support of a report, and how many residents support it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Support {
    pub supported: bool,
    pub count: i64,
}

impl Support {
    fn of(conn: &mut PgConnection, report: Uuid, user: Uuid) -> Result<Support, Error> {
        Ok(Support {
            supported: supports::supports(conn, report, user)?,
            count: supports::count(conn, report)?,
        })
    }
}

/// Most reports "already reported?" shows.
pub const NEARBY_MAX: i64 = 5;
/// The farthest "already reported?" looks, whatever a category says.
pub const NEARBY_MAX_RADIUS_M: i32 = 1000;

/// A page of reports, newest first, and the cursor of the next page when there is one.
pub type ReportPage = (Vec<ReportView>, Option<Cursor>);

impl App {
    /// A page of the public list.
    pub fn reports(&self, filter: &ReportFilter) -> Result<ReportPage, Error> {
        read::list(&mut *self.conn()?, filter)
    }

    /// A page of the caller's own reports (the filter's reporter is the caller, whatever it said).
    pub fn my_reports(&self, actor: &Actor, filter: ReportFilter) -> Result<ReportPage, Error> {
        let filter = ReportFilter {
            reporter: Some(actor.id),
            ..filter
        };
        read::list(&mut *self.conn()?, &filter)
    }

    /// A report with its public timeline, as `caller` (anyone, when `None`) may see it.
    pub fn report(&self, caller: Option<&Actor>, id: Uuid) -> Result<ReportPageView, Error> {
        let mut conn = self.conn()?;
        let view = read::get(&mut conn, id)?;
        let timeline = hientruong_db::read::ticket::public_timeline(&mut conn, id)?;
        let mine = caller.is_some_and(|a| a.sees_as_reporter(view.report.reporter_id));
        Ok(ReportPageView {
            view,
            timeline,
            mine,
        })
    }

    /// The report of a tracking code, as [`App::report`] shows it; a code that is not one, or
    /// names no report, is `not_found`.
    pub fn report_by_code(
        &self,
        caller: Option<&Actor>,
        code: &str,
    ) -> Result<ReportPageView, Error> {
        let number = hientruong_domain::tracking::decode(code)
            .and_then(|n| i64::try_from(n).ok())
            .ok_or(hientruong_domain::Error::NotFound)?;
        let id = read::by_number(&mut *self.conn()?, number)?;
        self.report(caller, id)
    }

    /// "Already reported?": the open reports of an active category near a point, nearest first,
    /// at most [`NEARBY_MAX`], within the category's radius (never above 1 km), each with its
    /// distance in metres.
    pub fn nearby(&self, at: (f64, f64), category: &str) -> Result<Vec<(ReportView, f64)>, Error> {
        let mut conn = self.conn()?;
        let radius = hientruong_db::catalog::nearby_radius(&mut conn, category)?
            .ok_or(hientruong_domain::Error::UnknownCategory)?;
        let radius = f64::from(radius.clamp(1, NEARBY_MAX_RADIUS_M));
        read::nearby(&mut conn, at, category, radius, NEARBY_MAX)
    }

    /// Whether the caller supports a report, and its count of supporters.
    pub fn support_of(&self, actor: &Actor, id: Uuid) -> Result<Support, Error> {
        let mut conn = self.conn()?;
        read::reporter(&mut conn, id)?;
        Support::of(&mut conn, id, actor.id)
    }

    /// A resident supports another's open report ("this is it"), once however often asked.
    pub fn support(&self, actor: &Actor, id: Uuid) -> Result<Support, Error> {
        let mut conn = self.conn()?;
        let (reporter, status) = read::reporter_and_status(&mut conn, id)?;
        actor.check_support(reporter)?;
        self.check_verified(&mut conn, actor)?;
        if Status::parse(&status).is_none_or(|s| stage(s) == Stage::Done) {
            return Err(hientruong_domain::Error::ReportClosed.into());
        }
        supports::add(&mut conn, id, actor.id)?;
        Support::of(&mut conn, id, actor.id)
    }

    /// A resident withdraws their support (none given is no error).
    pub fn withdraw_support(&self, actor: &Actor, id: Uuid) -> Result<Support, Error> {
        let mut conn = self.conn()?;
        actor.check_support(read::reporter(&mut conn, id)?)?;
        supports::remove(&mut conn, id, actor.id)?;
        Support::of(&mut conn, id, actor.id)
    }

    /// Stores a resident's report (with photos whose files are stored) once per idempotency key,
    /// and answers with it as its reporter sees it. A new report counts against the account's and
    /// the client address's report limits (`rate_limited` beyond them); a replay does not.
    pub fn submit(
        &self,
        actor: &Actor,
        client: IpAddr,
        key: Uuid,
        report: &ValidReport,
        photos: &[StoredPhoto],
    ) -> Result<(Submitted, ReportView), Error> {
        actor.check_submission(report.caller.is_some())?;
        let mut conn = self.conn()?;
        self.check_verified(&mut conn, actor)?;
        let budgets = self.report_budgets(actor, client);
        let submitted = reports::submit(&mut conn, actor.id, key, report, photos, &budgets)?;
        if report.caller.is_some() && matches!(submitted, Submitted::Created(_)) {
            tracing::info!(report = %submitted.id(), by = %actor.id, "report taken on the hotline");
        }
        Ok((submitted, read::get(&mut conn, submitted.id())?))
    }

    /// Refuses early a new submission that would be refused (`verification_required`,
    /// `rate_limited`), before its photos are read and processed; a retry of a stored one
    /// passes. Takes nothing (the submission does).
    pub fn check_report_budgets(
        &self,
        actor: &Actor,
        client: IpAddr,
        key: Uuid,
    ) -> Result<(), Error> {
        let mut conn = self.conn()?;
        if reports::is_stored(&mut conn, actor.id, key)? {
            return Ok(());
        }
        self.check_verified(&mut conn, actor)?;
        limits::check(&mut conn, &self.report_budgets(actor, client))
    }

    /// A resident's report budgets. An IOC operator taking calls on the hotline has none: they
    /// are staff, signed in, and a flood night's calls must not hit a resident's limits.
    fn report_budgets(&self, actor: &Actor, client: IpAddr) -> Vec<Budget> {
        if actor.check_resident().is_err() {
            return Vec::new();
        }
        vec![
            self.limits
                .budget(Limited::ReportsPerAccount, actor.id.to_string()),
            self.limits
                .budget(Limited::ReportsPerAddress, address_key(client)),
        ]
    }

    /// Hides a report's text or one of its photos from the public (IOC operators and
    /// administrators), for `reason`; the original stays for staff and the reporter.
    pub fn hide(&self, actor: &Actor, id: Uuid, target: Target, reason: &str) -> Result<(), Error> {
        actor.check_moderate()?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(hientruong_domain::Error::NoteRequired.into());
        }
        if reason.chars().count() > crate::accounts::REASON_MAX_CHARS {
            return Err(hientruong_domain::Error::TextTooLong.into());
        }
        self.audited(
            actor,
            Action::ReportHide,
            |conn| moderation::hide(conn, id, target, reason, actor.id),
            |_| (id.to_string(), moderated(target, Some(reason))),
        )?;
        tracing::info!(report = %id, ?target, by = %actor.id, "hidden from the public");
        Ok(())
    }

    /// Shows a hidden text or photo to the public again.
    pub fn unhide(&self, actor: &Actor, id: Uuid, target: Target) -> Result<(), Error> {
        actor.check_moderate()?;
        self.audited(
            actor,
            Action::ReportUnhide,
            |conn| moderation::unhide(conn, id, target),
            |_| (id.to_string(), moderated(target, None)),
        )?;
        tracing::info!(report = %id, ?target, by = %actor.id, "shown to the public again");
        Ok(())
    }

    /// Whether a photo variant (by its store key) is hidden, and so not served.
    pub fn variant_hidden(&self, key: &str) -> Result<bool, Error> {
        Ok(moderation::variant_hidden(&mut *self.conn()?, key)?)
    }

    /// Whether the caller may add a photo to this report: its reporter only. Asked before an
    /// upload is read.
    pub fn may_add_report_photo(&self, actor: &Actor, id: Uuid) -> Result<(), Error> {
        actor.check_resident()?;
        let reporter = read::reporter(&mut *self.conn()?, id)?;
        Ok(actor.check_own_report(reporter)?)
    }

    /// Records a photo of the reporter's, whose files are stored, at most `max` a report.
    pub fn add_report_photo(
        &self,
        actor: &Actor,
        id: Uuid,
        photo: &StoredPhoto,
        max: i64,
    ) -> Result<Photo, Error> {
        let mut conn = self.conn()?;
        let added = photos::add(&mut conn, id, "report", actor.id, photo, max, None)?;
        Photo::read(&mut conn, added)
    }

    /// The reporter's rating of their report's result.
    pub fn rate(
        &self,
        actor: &Actor,
        id: Uuid,
        score: i16,
        comment: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Report, Error> {
        tickets::rate(&mut *self.conn()?, actor, id, score, comment, now)
    }
}

/// What the audit log keeps of a hide or unhide.
fn moderated(target: Target, reason: Option<&str>) -> serde_json::Value {
    let (what, photo) = match target {
        Target::Text => ("text", None),
        Target::Photo(p) => ("photo", Some(p)),
    };
    serde_json::json!({ "what": what, "photo_id": photo, "reason": reason })
}

/// Reports a feed shows at most.
pub const FEED_ENTRIES: i64 = 50;

impl App {
    /// The reports of a public feed: the last updated first, at most [`FEED_ENTRIES`].
    pub fn feed(
        &self,
        filter: &hientruong_db::read::report::FeedFilter,
    ) -> Result<Vec<ReportView>, Error> {
        read::feed(&mut *self.conn()?, filter, FEED_ENTRIES)
    }
}
