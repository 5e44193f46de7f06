//! Tickets: a report as its handling unit works it. Every change goes through the domain's state
//! machine ([`ticket::plan`]), is checked against the access policy for this very row, and is
//! written together with its event, its rescheduled escalations and its notifications, in one
//! transaction.

use chrono::{DateTime, SubsecRound, Utc};
use diesel::prelude::*;
use hientruong_domain::notice::Notice;
use hientruong_domain::policy::{Actor, TicketRef, TicketScope};
use hientruong_domain::report::Status;
use hientruong_domain::role::Role;
use hientruong_domain::sla::Calendar;
use hientruong_domain::ticket::{self, Action, Deadlines, Plan, Transition};
use hientruong_domain::{Error as DomainError, tracking};
use uuid::Uuid;

use crate::Error;
use crate::jobs::{self, EmailJob, EscalateJob};
use crate::models::{NewReportEvent, Report, ReportEvent};
use crate::schema::{handling_units, photos, ratings, report_events, reports, users};
use crate::sla;

/// Locks a ticket's row for the rest of the transaction.
fn lock(conn: &mut PgConnection, id: Uuid) -> Result<Report, Error> {
    reports::table
        .find(id)
        .for_update()
        .select(Report::as_select())
        .first(conn)
        .optional()?
        .ok_or(Error::Domain(DomainError::NotFound))
}

fn status_of(report: &Report) -> Result<Status, Error> {
    Status::parse(&report.status).ok_or(Error::Domain(DomainError::Internal))
}

pub fn reference(report: &Report) -> TicketRef<'_> {
    TicketRef {
        unit: &report.unit_code,
        reporter: report.reporter_id,
    }
}

pub fn tracking_code(report: &Report) -> String {
    tracking::encode(u64::try_from(report.number).unwrap_or_default())
}

/// The ticket's deadlines as stored; a report stored before deadlines existed gets them from its
/// receipt time.
fn deadlines_of(report: &Report, allowance: ticket::Allowance, calendar: &Calendar) -> Deadlines {
    match (
        report.sla_origin,
        report.accept_due_at,
        report.resolve_due_at,
        hientruong_domain::sla::ClockKind::parse(&report.sla_clock),
    ) {
        (Some(origin), Some(accept_due), Some(resolve_due), Some(clock)) => Deadlines {
            clock,
            origin,
            accept_due,
            resolve_due,
            paused_at: report.paused_at,
        },
        _ => Deadlines::start(allowance, calendar, report.created_at),
    }
}

/// What a change of a ticket's deadlines needs: the calendar, the allowance of its category and
/// urgency (for a fresh start), and its deadlines as they stand.
struct TicketClock {
    calendar: Calendar,
    allowance: ticket::Allowance,
    deadlines: Deadlines,
}

impl TicketClock {
    fn load(conn: &mut PgConnection, report: &Report) -> Result<TicketClock, Error> {
        let calendar = sla::calendar(conn)?;
        let allowance = sla::allowance(conn, &report.category_code, report.urgent)?;
        let deadlines = deadlines_of(report, allowance, &calendar);
        Ok(TicketClock {
            calendar,
            allowance,
            deadlines,
        })
    }
}

/// The next escalation check of the deadline now running, above `level`, as a job to enqueue.
/// Checks form a chain: each one, when it escalates, schedules the next, so a ticket has at most
/// one pending check per deadline.
fn escalation_jobs(
    report_id: Uuid,
    status: Status,
    deadlines: &Deadlines,
    calendar: &Calendar,
    level: i16,
) -> Result<Vec<jobs::NewJob>, Error> {
    let Some(due_at) = deadlines.running(status) else {
        return Ok(Vec::new());
    };
    deadlines
        .escalations(status, calendar)
        .into_iter()
        .find(|(l, _)| *l > level)
        .map(|(level, at)| {
            jobs::NewJob::new(
                jobs::ESCALATE,
                &EscalateJob {
                    report_id,
                    level,
                    due_at,
                },
                at,
            )
        })
        .into_iter()
        .collect()
}

/// What a report received now starts with: its urgency, its deadlines, and the calendar they were
/// computed on.
pub struct Intake {
    pub urgent: bool,
    pub deadlines: Deadlines,
    calendar: Calendar,
}

/// The urgency and deadlines of a report of `category` received at `at`, computed before it is
/// stored so that it is stored once, complete (one query: the category's urgency, its policy,
/// and the holidays).
pub fn intake(conn: &mut PgConnection, category: &str, at: DateTime<Utc>) -> Result<Intake, Error> {
    #[derive(QueryableByName)]
    struct Terms {
        #[diesel(sql_type = diesel::sql_types::Bool)]
        urgent: bool,
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
        clock: Option<String>,
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Integer>)]
        accept_minutes: Option<i32>,
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Integer>)]
        resolve_minutes: Option<i32>,
        #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::Date>)]
        holidays: Vec<chrono::NaiveDate>,
    }
    let terms: Terms = diesel::sql_query(
        "SELECT c.urgent, p.clock, p.accept_minutes, p.resolve_minutes, \
                ARRAY(SELECT day FROM holidays) AS holidays \
         FROM categories c \
         LEFT JOIN LATERAL (SELECT clock, accept_minutes, resolve_minutes FROM sla_policies s \
                            WHERE s.urgent = c.urgent AND (s.category_code = c.code OR s.category_code IS NULL) \
                            ORDER BY s.category_code ASC NULLS LAST LIMIT 1) p ON true \
         WHERE c.code = $1",
    )
    .bind::<diesel::sql_types::Text, _>(category)
    .get_result(conn)
    .optional()?
    .ok_or(Error::Domain(DomainError::UnknownCategory))?;
    let allowance = match (terms.clock, terms.accept_minutes, terms.resolve_minutes) {
        (Some(clock), Some(accept), Some(resolve)) => sla::SlaPolicy {
            id: 0,
            category_code: None,
            urgent: terms.urgent,
            clock,
            accept_minutes: accept,
            resolve_minutes: resolve,
        }
        .allowance()
        .unwrap_or(sla::FALLBACK),
        _ => sla::FALLBACK,
    };
    let calendar = Calendar::with_holidays(terms.holidays);
    Ok(Intake {
        urgent: terms.urgent,
        deadlines: Deadlines::start(allowance, &calendar, at),
        calendar,
    })
}

/// Opens the ticket of a report just stored with its [`Intake`] (in the same transaction):
/// schedules its escalations and tells its unit, in one read and one insert.
pub fn open(conn: &mut PgConnection, report_id: Uuid, intake: &Intake) -> Result<(), Error> {
    use crate::schema::{admin_units, categories};
    let (report, category_vi, category_en, commune_vi, unit_email): (
        Report,
        String,
        String,
        String,
        String,
    ) = reports::table
        .inner_join(categories::table)
        .inner_join(admin_units::table)
        .inner_join(handling_units::table)
        .filter(reports::id.eq(report_id))
        .select((
            Report::as_select(),
            categories::name_vi,
            categories::name_en,
            admin_units::full_name,
            handling_units::email,
        ))
        .first(conn)?;
    let deadlines = &intake.deadlines;
    let mut jobs = escalation_jobs(report_id, Status::Received, deadlines, &intake.calendar, 0)?;
    let email = EmailJob {
        to: unit_email,
        lang: "vi".into(),
        notice: Notice::NewTicket {
            tracking_code: tracking_code(&report),
            category_vi,
            category_en,
            commune_vi,
            description: report.description.clone(),
            due_at: Some(deadlines.accept_due),
            urgent: intake.urgent,
            transferred: false,
        },
    };
    jobs.push(jobs::NewJob::new(jobs::EMAIL, &email, report.created_at)?);
    jobs::enqueue_all(conn, &jobs)
}

/// Computes a received ticket's deadlines from its receipt time with its category's urgency and
/// policy, stores them, and returns its escalation checks (not yet enqueued).
fn clock_from_receipt(
    conn: &mut PgConnection,
    report: &Report,
    urgent: bool,
) -> Result<(Deadlines, Vec<jobs::NewJob>), Error> {
    let calendar = sla::calendar(conn)?;
    let allowance = sla::allowance(conn, &report.category_code, urgent)?;
    let deadlines = Deadlines::start(allowance, &calendar, report.created_at);
    let status = status_of(report)?;
    diesel::update(reports::table.find(report.id))
        .set((
            reports::urgent.eq(urgent),
            reports::sla_clock.eq(deadlines.clock.as_str()),
            reports::sla_origin.eq(deadlines.origin),
            reports::accept_due_at.eq(deadlines.accept_due),
            reports::resolve_due_at.eq(deadlines.resolve_due),
            reports::due_at.eq(deadlines.running(status)),
            reports::paused_at.eq(deadlines.paused_at),
        ))
        .execute(conn)?;
    let jobs = escalation_jobs(report.id, status, &deadlines, &calendar, 0)?;
    Ok((deadlines, jobs))
}

/// Gives deadlines and escalation checks to open tickets stored before deadlines existed (the
/// migration cannot: deadlines need the working-time calendar). Returns how many; idempotent.
pub fn backfill_deadlines(conn: &mut PgConnection) -> Result<usize, Error> {
    let ids: Vec<Uuid> = reports::table
        .filter(reports::sla_origin.is_null())
        .select(reports::id)
        .load(conn)?;
    for id in &ids {
        conn.transaction(|conn| restart_clock(conn, *id))?;
    }
    Ok(ids.len())
}

/// Restarts a ticket's clock from its (changed) receipt time: for demo data and tests that set
/// times. Escalation checks scheduled for the old deadlines lapse.
pub fn restart_clock(conn: &mut PgConnection, report_id: Uuid) -> Result<(), Error> {
    use crate::schema::categories;
    let report = lock(conn, report_id)?;
    let urgent: bool = categories::table
        .find(&report.category_code)
        .select(categories::urgent)
        .first(conn)?;
    let (_, jobs) = clock_from_receipt(conn, &report, urgent)?;
    jobs::enqueue_all(conn, &jobs)
}

fn new_ticket_notice(
    conn: &mut PgConnection,
    report: &Report,
    due: DateTime<Utc>,
    transferred: bool,
) -> Result<Notice, Error> {
    use crate::schema::{admin_units, categories};
    let (category_vi, category_en): (String, String) = categories::table
        .find(&report.category_code)
        .select((categories::name_vi, categories::name_en))
        .first(conn)?;
    let commune_vi: String = admin_units::table
        .find(report.boundary_id)
        .select(admin_units::full_name)
        .first(conn)?;
    Ok(Notice::NewTicket {
        tracking_code: tracking_code(report),
        category_vi,
        category_en,
        commune_vi,
        description: report.description.clone(),
        due_at: Some(due),
        urgent: report.urgent,
        transferred,
    })
}

/// Emails a unit at its contact address.
fn notify_unit(
    conn: &mut PgConnection,
    unit: &str,
    notice: Notice,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let email: String = handling_units::table
        .find(unit)
        .select(handling_units::email)
        .first(conn)?;
    jobs::enqueue_email(
        conn,
        EmailJob {
            to: email,
            lang: "vi".into(),
            notice,
        },
        now,
    )
}

/// Emails the active managers of a unit who have an email login; the unit's address when none has.
fn notify_managers(
    conn: &mut PgConnection,
    unit: &str,
    notice: Notice,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let managers: Vec<(String, String)> = users::table
        .filter(users::unit_code.eq(unit))
        .filter(users::role.eq(Role::UnitManager.as_str()))
        .filter(users::login_kind.eq("email"))
        .filter(users::disabled_at.is_null())
        .select((users::login, users::locale))
        .load(conn)?;
    if managers.is_empty() {
        return notify_unit(conn, unit, notice, now);
    }
    for (to, lang) in managers {
        jobs::enqueue_email(
            conn,
            EmailJob {
                to,
                lang,
                notice: notice.clone(),
            },
            now,
        )?;
    }
    Ok(())
}

/// Emails the reporter when their login is an email address (a phone login gets no email).
fn notify_reporter(
    conn: &mut PgConnection,
    report: &Report,
    notice: Notice,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let (login, kind, role, lang): (String, String, String, String) = users::table
        .find(report.reporter_id)
        .select((users::login, users::login_kind, users::role, users::locale))
        .first(conn)?;
    // A report posted by a client application (Open311) is told to the address the application
    // gave for its reporter, if any; the application's own account has no mailbox.
    let to = if role == hientruong_domain::role::Role::Client.as_str() {
        crate::open311::submission(conn, report.id)?.and_then(|s| s.contact.email)
    } else {
        (kind == "email").then_some(login)
    };
    let Some(to) = to else {
        return Ok(());
    };
    jobs::enqueue_email(conn, EmailJob { to, lang, notice }, now)
}

/// When the ticket was last reopened: "after" photos from before do not show the new result.
fn reopened_at(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<DateTime<Utc>>> {
    report_events::table
        .filter(report_events::report_id.eq(id))
        .filter(report_events::to_status.eq(Status::Reopened.as_str()))
        .select(diesel::dsl::max(report_events::at))
        .first(conn)
}

/// Whether an "after" photo was added since the ticket was last reopened.
fn has_resolution_photo(conn: &mut PgConnection, report: &Report) -> QueryResult<bool> {
    let since = reopened_at(conn, report.id)?;
    let mut query = photos::table
        .filter(photos::report_id.eq(report.id))
        .filter(photos::kind.eq("resolution"))
        .into_boxed();
    if let Some(at) = since {
        query = query.filter(photos::created_at.gt(at));
    }
    diesel::select(diesel::dsl::exists(query.select(photos::id))).get_result(conn)
}

fn check_target_unit(conn: &mut PgConnection, report: &Report, to: &str) -> Result<(), Error> {
    let active: Option<bool> = handling_units::table
        .find(to)
        .select(handling_units::active)
        .first(conn)
        .optional()?;
    match active {
        Some(true) if to == report.unit_code => Err(DomainError::SameUnit.into()),
        Some(true) => Ok(()),
        _ => Err(DomainError::UnknownUnit.into()),
    }
}

fn check_original(conn: &mut PgConnection, report: &Report, original: Uuid) -> Result<(), Error> {
    if original == report.id {
        return Err(DomainError::InvalidDuplicate.into());
    }
    let row: Option<(String, Option<Uuid>)> = reports::table
        .find(original)
        .for_update()
        .select((reports::status, reports::duplicate_of))
        .first(conn)
        .optional()?;
    match row {
        Some((status, None)) if status != Status::Duplicate.as_str() => Ok(()),
        _ => Err(DomainError::InvalidDuplicate.into()),
    }
}

fn check_assignee(conn: &mut PgConnection, report: &Report, assignee: Uuid) -> Result<(), Error> {
    let ok: bool = diesel::select(diesel::dsl::exists(
        users::table
            .filter(users::id.eq(assignee))
            .filter(users::unit_code.eq(&report.unit_code))
            .filter(users::role.eq_any([Role::Officer.as_str(), Role::UnitManager.as_str()]))
            .filter(users::disabled_at.is_null()),
    ))
    .get_result(conn)?;
    if ok {
        Ok(())
    } else {
        Err(DomainError::InvalidAssignee.into())
    }
}

/// What a change writes besides the state: set by each action's own rules.
struct Changes {
    unit: String,
    hops: i32,
    assignee: Option<Uuid>,
    duplicate_of: Option<Uuid>,
    public_answer: Option<String>,
}

impl Changes {
    /// Nothing changed yet: the ticket's values as they are.
    fn of(report: &Report) -> Changes {
        Changes {
            unit: report.unit_code.clone(),
            hops: report.hops,
            assignee: report.assignee_id,
            duplicate_of: report.duplicate_of,
            public_answer: report.public_answer.clone(),
        }
    }
}

/// Applies a staff member's transition to a ticket at `now`.
pub fn transition(
    conn: &mut PgConnection,
    actor: &Actor,
    id: Uuid,
    t: &Transition,
    now: DateTime<Utc>,
) -> Result<Report, Error> {
    let now = now.trunc_subsecs(6);
    conn.transaction(|conn| {
        // Marking a duplicate reads the original too: both rows are locked, in id order, so that
        // two tickets cannot become each other's duplicates at once.
        if let Some(original) = t.duplicate_of.filter(|o| *o < id) {
            reports::table
                .find(original)
                .for_update()
                .select(reports::id)
                .first::<Uuid>(conn)
                .optional()?;
        }
        let report = lock(conn, id)?;
        actor.check_action(t.action, reference(&report))?;
        let from = status_of(&report)?;
        let TicketClock {
            calendar,
            allowance,
            deadlines: current,
        } = TicketClock::load(conn, &report)?;
        let plan = ticket::plan(from, t.action, current, allowance, &calendar, now)?;
        let mut changes = Changes::of(&report);
        match t.action {
            Action::Transfer => {
                let to = t.to_unit.as_deref().unwrap_or_default();
                check_target_unit(conn, &report, to)?;
                changes.unit = to.to_owned();
                changes.hops += 1;
                changes.assignee = None;
            }
            Action::MarkDuplicate => {
                let original = t.duplicate_of.unwrap_or_default();
                check_original(conn, &report, original)?;
                changes.duplicate_of = Some(original);
                changes.public_answer = t.public_answer.clone();
            }
            Action::Assign => {
                let assignee = t.assignee.unwrap_or_default();
                check_assignee(conn, &report, assignee)?;
                changes.assignee = Some(assignee);
            }
            Action::Accept => {
                if changes.assignee.is_none() && actor.unit.as_deref() == Some(&report.unit_code) {
                    changes.assignee = Some(actor.id);
                }
            }
            Action::Resolve => {
                if !has_resolution_photo(conn, &report)? {
                    return Err(DomainError::ResolutionPhotoRequired.into());
                }
                changes.public_answer = t.public_answer.clone();
            }
            Action::Reject => changes.public_answer = t.public_answer.clone(),
            Action::Reopen => {
                changes.public_answer = None;
                changes.duplicate_of = None;
            }
            Action::Start
            | Action::AskCitizen
            | Action::Resume
            | Action::Close
            | Action::Comment => {}
        }
        let event = NewReportEvent {
            report_id: id,
            kind: t.action.as_str(),
            from_status: Some(from.as_str()),
            to_status: Some(plan.to.as_str()),
            actor_id: Some(actor.id),
            unit_code: Some(&changes.unit),
            note: t.note.as_deref(),
            // State changes and public answers are the public timeline; notes never are.
            public: t.action != Action::Assign
                && (t.action != Action::Comment || t.public_answer.is_some()),
            public_note: t.public_answer.as_deref(),
            from_unit: (t.action == Action::Transfer).then_some(report.unit_code.as_str()),
            related_id: changes
                .duplicate_of
                .filter(|_| t.action == Action::MarkDuplicate),
            assignee_id: changes.assignee.filter(|_| t.action == Action::Assign),
            at: now,
            due_at: current.running(from),
        };
        let updated = apply(conn, &report, &plan, &changes, event, &calendar, now)?;
        let code = tracking_code(&report);
        let answer = t.public_answer.clone().unwrap_or_default();
        match t.action {
            Action::Accept => notify_reporter(
                conn,
                &report,
                Notice::Accepted {
                    tracking_code: code,
                },
                now,
            )?,
            Action::AskCitizen => notify_reporter(
                conn,
                &report,
                Notice::NeedsInformation {
                    tracking_code: code,
                    question: answer,
                },
                now,
            )?,
            Action::Resolve => notify_reporter(
                conn,
                &report,
                Notice::Resolved {
                    tracking_code: code,
                    answer,
                },
                now,
            )?,
            Action::Reject => notify_reporter(
                conn,
                &report,
                Notice::Rejected {
                    tracking_code: code,
                    reason: answer,
                },
                now,
            )?,
            Action::Transfer => {
                let notice = new_ticket_notice(conn, &updated, plan.deadlines.accept_due, true)?;
                notify_unit(conn, &changes.unit, notice, now)?;
            }
            Action::Reopen => notify_managers(
                conn,
                &changes.unit,
                Notice::Reopened {
                    tracking_code: code,
                    score: None,
                    comment: None,
                },
                now,
            )?,
            _ => {}
        }
        Ok(updated)
    })
}

/// Writes a planned change: the row, its event, and (when the running deadline moved) fresh
/// escalation checks. Escalations already scheduled for the old deadline find it gone and lapse.
fn apply(
    conn: &mut PgConnection,
    report: &Report,
    plan: &Plan,
    changes: &Changes,
    event: NewReportEvent<'_>,
    calendar: &Calendar,
    now: DateTime<Utc>,
) -> Result<Report, Error> {
    let d = &plan.deadlines;
    let level = if plan.restart_ladder {
        0
    } else {
        report.escalation_level
    };
    let updated = diesel::update(reports::table.find(report.id))
        .set((
            reports::status.eq(plan.to.as_str()),
            reports::unit_code.eq(&changes.unit),
            reports::hops.eq(changes.hops),
            reports::assignee_id.eq(changes.assignee),
            reports::duplicate_of.eq(changes.duplicate_of),
            reports::public_answer.eq(&changes.public_answer),
            reports::sla_clock.eq(d.clock.as_str()),
            reports::sla_origin.eq(d.origin),
            reports::accept_due_at.eq(d.accept_due),
            reports::resolve_due_at.eq(d.resolve_due),
            reports::due_at.eq(d.running(plan.to)),
            reports::paused_at.eq(d.paused_at),
            reports::escalation_level.eq(level),
            reports::updated_at.eq(now),
        ))
        .returning(Report::as_returning())
        .get_result(conn)?;
    diesel::insert_into(report_events::table)
        .values(event)
        .execute(conn)?;
    crate::facts::refresh(conn, report.id, calendar)?;
    if plan.deadline_changed {
        let checks = escalation_jobs(report.id, plan.to, d, calendar, level)?;
        jobs::enqueue_all(conn, &checks)?;
    }
    Ok(updated)
}

/// A reporter's rating of a resolved ticket: 3 or more closes it; 2 or less reopens it for the
/// unit's manager with a fresh allowance.
pub fn rate(
    conn: &mut PgConnection,
    actor: &Actor,
    id: Uuid,
    score: i16,
    comment: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Report, Error> {
    let now = now.trunc_subsecs(6);
    conn.transaction(|conn| {
        let report = lock(conn, id)?;
        actor.check_rating(report.reporter_id)?;
        let rated: bool =
            diesel::select(diesel::dsl::exists(ratings::table.find(id))).get_result(conn)?;
        if rated {
            return Err(DomainError::AlreadyRated.into());
        }
        let from = status_of(&report)?;
        let TicketClock {
            calendar,
            allowance,
            deadlines: current,
        } = TicketClock::load(conn, &report)?;
        let plan = ticket::plan_rating(from, score, current, allowance, &calendar, now)?;
        diesel::insert_into(ratings::table)
            .values((
                ratings::report_id.eq(id),
                ratings::rater_id.eq(actor.id),
                ratings::score.eq(score),
                ratings::comment.eq(comment),
                ratings::created_at.eq(now),
            ))
            .execute(conn)?;
        let changes = Changes::of(&report);
        let event = NewReportEvent {
            report_id: id,
            kind: "rated",
            from_status: Some(from.as_str()),
            to_status: Some(plan.to.as_str()),
            actor_id: Some(actor.id),
            unit_code: Some(&report.unit_code),
            note: comment,
            public: true,
            at: now,
            due_at: current.running(from),
            ..NewReportEvent::default()
        };
        let updated = apply(conn, &report, &plan, &changes, event, &calendar, now)?;
        if plan.to == Status::Reopened {
            notify_managers(
                conn,
                &report.unit_code,
                Notice::Reopened {
                    tracking_code: tracking_code(&report),
                    score: Some(score),
                    comment: comment.map(str::to_owned),
                },
                now,
            )?;
        }
        Ok(updated)
    })
}

/// Runs one escalation check: when the ticket still has the deadline it was scheduled for and
/// has not reached this level, records the escalation and tells whom the level concerns.
/// Returns whether it escalated.
pub fn escalate(
    conn: &mut PgConnection,
    job: &EscalateJob,
    now: DateTime<Utc>,
) -> Result<bool, Error> {
    let now = now.trunc_subsecs(6);
    conn.transaction(|conn| {
        let report = match lock(conn, job.report_id) {
            Ok(r) => r,
            Err(Error::Domain(DomainError::NotFound)) => return Ok(false),
            Err(e) => return Err(e),
        };
        // PostgreSQL keeps microseconds; compare at that precision.
        let scheduled_for = job.due_at.trunc_subsecs(6);
        if report.due_at.map(|d| d.trunc_subsecs(6)) != Some(scheduled_for)
            || report.escalation_level >= job.level
        {
            return Ok(false);
        }
        diesel::update(reports::table.find(report.id))
            .set(reports::escalation_level.eq(job.level))
            .execute(conn)?;
        // The next rung of the ladder.
        let status = status_of(&report)?;
        let clock = TicketClock::load(conn, &report)?;
        let next = escalation_jobs(
            report.id,
            status,
            &clock.deadlines,
            &clock.calendar,
            job.level,
        )?;
        jobs::enqueue_all(conn, &next)?;
        let kind = match job.level {
            1 => "deadline_warning",
            2 => "escalated_to_manager",
            _ => "escalated_to_ioc",
        };
        diesel::insert_into(report_events::table)
            .values(NewReportEvent {
                report_id: report.id,
                kind,
                unit_code: Some(&report.unit_code),
                public: false,
                at: now,
                ..NewReportEvent::default()
            })
            .execute(conn)?;
        let unit_vi: String = handling_units::table
            .find(&report.unit_code)
            .select(handling_units::name_vi)
            .first(conn)?;
        let notice = Notice::Escalation {
            tracking_code: tracking_code(&report),
            level: job.level,
            unit_vi,
            due_at: job.due_at,
        };
        match job.level {
            1 => notify_unit(conn, &report.unit_code, notice, now)?,
            2 => notify_managers(conn, &report.unit_code, notice, now)?,
            _ => notify_unit(conn, hientruong_domain::routing::IOC_UNIT_CODE, notice, now)?,
        }
        Ok(true)
    })
}

/// Checks that a staff member may add an "after" photo now, and that its position (when it has
/// one) is within [`ticket::RESOLUTION_PHOTO_RADIUS_M`] of the report. Run inside the
/// transaction that records the photo. Returns when the current round of handling began (the
/// last reopening): the limit of photos per round counts from then.
pub fn check_resolution_photo(
    conn: &mut PgConnection,
    actor: &Actor,
    id: Uuid,
    gps: Option<(f64, f64)>,
) -> Result<Option<DateTime<Utc>>, Error> {
    let report = lock(conn, id)?;
    actor.check_resolution_photo(reference(&report))?;
    let status = status_of(&report)?;
    if ticket::stage(status) != ticket::Stage::Resolve {
        return Err(DomainError::TransitionNotAllowed.into());
    }
    if let Some((lat, lon)) = gps {
        let near: bool = reports::table
            .find(id)
            .select(
                diesel::dsl::sql::<diesel::sql_types::Bool>(
                    "ST_DWithin(reports.location::geography, ST_SetSRID(ST_MakePoint(",
                )
                .bind::<diesel::sql_types::Double, _>(lon)
                .sql(", ")
                .bind::<diesel::sql_types::Double, _>(lat)
                .sql("), 4326)::geography, ")
                .bind::<diesel::sql_types::Double, _>(ticket::RESOLUTION_PHOTO_RADIUS_M)
                .sql(")"),
            )
            .first(conn)?;
        if !near {
            return Err(DomainError::PhotoTooFar.into());
        }
    }
    Ok(reopened_at(conn, id)?)
}

/// A ticket for staff who may see it (`not_found` otherwise).
pub fn get_for(conn: &mut PgConnection, actor: &Actor, id: Uuid) -> Result<TicketDetail, Error> {
    actor.ticket_scope()?;
    let detail = get(conn, id)?;
    actor.check_view(reference(&detail.view.report))?;
    Ok(detail)
}

/// A ticket with its history, unchecked: for callers that have just been authorised for it (the
/// answer to a transfer, whose ticket is no longer the caller's).
pub fn get(conn: &mut PgConnection, id: Uuid) -> Result<TicketDetail, Error> {
    let view = crate::reports::get(conn, id).map_err(|e| match e {
        Error::Query(diesel::result::Error::NotFound) => Error::Domain(DomainError::NotFound),
        other => other,
    })?;
    let events = report_events::table
        .filter(report_events::report_id.eq(id))
        .order((report_events::at, report_events::id))
        .select(ReportEvent::as_select())
        .load(conn)?;
    let rating = ratings::table
        .find(id)
        .select((ratings::score, ratings::comment, ratings::created_at))
        .first(conn)
        .optional()?;
    let people: Vec<(Uuid, String, String, String)> = users::table
        .filter(
            users::id.eq_any(
                events
                    .iter()
                    .filter_map(|e| e.actor_id)
                    .chain(events.iter().filter_map(|e| e.assignee_id))
                    .chain(view.report.assignee_id)
                    .chain([view.report.reporter_id])
                    .collect::<Vec<_>>(),
            ),
        )
        .select((users::id, users::full_name, users::login, users::role))
        .load(conn)?;
    let submission = crate::open311::submission(conn, id)?;
    Ok(TicketDetail {
        view,
        events,
        rating,
        people,
        submission,
    })
}

/// The public entries of a report's history: changes of state and public answers, never internal
/// notes, escalations or assignments.
pub fn public_timeline(conn: &mut PgConnection, id: Uuid) -> QueryResult<Vec<ReportEvent>> {
    report_events::table
        .filter(report_events::report_id.eq(id))
        .filter(report_events::public.eq(true))
        .order((report_events::at, report_events::id))
        .select(ReportEvent::as_select())
        .load(conn)
}

/// Everything about one ticket; the API decides what of it the caller may see.
#[derive(Debug, Clone)]
pub struct TicketDetail {
    pub view: crate::reports::ReportView,
    pub events: Vec<ReportEvent>,
    pub rating: Option<(i16, Option<String>, DateTime<Utc>)>,
    /// (id, full name, login, role) of the reporter, the assignee and every actor.
    pub people: Vec<(Uuid, String, String, String)>,
    /// What the client application sent with a report posted through Open311.
    pub submission: Option<crate::open311::Submission>,
}

/// Filters of the staff inbox.
#[derive(Debug, Clone, Default)]
pub struct TicketFilter {
    pub statuses: Vec<String>,
    pub category: Option<String>,
    pub commune: Option<String>,
    pub unit: Option<String>,
    pub overdue: Option<bool>,
    pub due_before: Option<DateTime<Utc>>,
    pub assignee: Option<Uuid>,
    pub after: Option<hientruong_domain::pagination::Cursor>,
    pub limit: i64,
}

/// Sort key of tickets without a running deadline: after every real one. The same instant is
/// spelled in [`sort_key`] and in the `reports_inbox` and `reports_by_due` indexes.
pub const NO_DEADLINE: &str = "2199-12-31T00:00:00Z";

fn no_deadline() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(NO_DEADLINE)
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// The inbox order: the running deadline, tickets without one last. Spelled exactly as in the
/// `reports_inbox` and `reports_by_due` indexes, so that they serve the order.
fn sort_key() -> diesel::expression::SqlLiteral<diesel::sql_types::Timestamptz> {
    diesel::dsl::sql("COALESCE(reports.due_at, '2199-12-31 00:00:00+00'::timestamptz)")
}

/// A page of the inbox, most pressing deadline first, with the count of each status among all
/// tickets matching the filters other than status.
pub fn list(
    conn: &mut PgConnection,
    scope: &TicketScope,
    filter: &TicketFilter,
    now: DateTime<Utc>,
) -> Result<TicketPage, Error> {
    let sort_key = sort_key();
    macro_rules! filtered {
        ($query:expr) => {{
            let mut q = $query;
            match scope {
                TicketScope::Unit(unit) => q = q.filter(reports::unit_code.eq(unit.clone())),
                TicketScope::City => {
                    if let Some(u) = &filter.unit {
                        q = q.filter(reports::unit_code.eq(u.clone()));
                    }
                }
            }
            if let Some(c) = &filter.category {
                q = q.filter(reports::category_code.eq(c.clone()));
            }
            if let Some(c) = &filter.commune {
                q = q.filter(reports::commune_code.eq(c.clone()));
            }
            if let Some(a) = filter.assignee {
                q = q.filter(reports::assignee_id.eq(a));
            }
            match filter.overdue {
                Some(true) => q = q.filter(reports::due_at.lt(now)),
                Some(false) => q = q.filter(reports::due_at.is_null().or(reports::due_at.ge(now))),
                None => {}
            }
            if let Some(b) = filter.due_before {
                q = q.filter(reports::due_at.lt(b));
            }
            q
        }};
    }
    let counts: Vec<(String, i64)> = filtered!(
        reports::table
            .group_by(reports::status)
            .select((reports::status, diesel::dsl::count_star()))
            .into_boxed()
    )
    .load(conn)?;
    let mut query = filtered!(crate::reports::view_query!().into_boxed());
    if !filter.statuses.is_empty() {
        query = query.filter(reports::status.eq_any(filter.statuses.clone()));
    }
    if let Some(c) = filter.after {
        query = query.filter(
            sort_key
                .clone()
                .gt(c.at)
                .or(sort_key.clone().eq(c.at).and(reports::id.gt(c.id))),
        );
    }
    let mut rows = query
        .order((sort_key.asc(), reports::id.asc()))
        .limit(filter.limit + 1)
        .load(conn)?;
    let more = rows.len() as i64 > filter.limit;
    rows.truncate(usize::try_from(filter.limit).unwrap_or(0));
    let next = if more {
        rows.last().map(
            |(r, _): &crate::reports::ViewRow| hientruong_domain::pagination::Cursor {
                at: r.due_at.unwrap_or_else(no_deadline),
                id: r.id,
            },
        )
    } else {
        None
    };
    let items = crate::reports::with_photos(
        conn,
        rows.into_iter().map(crate::reports::into_view).collect(),
    )?;
    Ok(TicketPage {
        items,
        next,
        counts,
    })
}

pub struct TicketPage {
    pub items: Vec<crate::reports::ReportView>,
    pub next: Option<hientruong_domain::pagination::Cursor>,
    pub counts: Vec<(String, i64)>,
}
