//! Tickets: a report as its handling unit works it. Every change is planned by the domain
//! ([`ticket::plan`], [`ticket::plan_rating`], [`ticket::plan_escalation`],
//! [`ticket::plan_opening`]) from the ticket as it is locked here and the facts the plan asks
//! for; this module gathers those facts and applies the plan as it is: the row, its event, its
//! statistics facts, its next escalation check and its notices, in one transaction. It decides
//! nothing. What a ticket looks like to its readers is [`crate::read::ticket`].

use chrono::{DateTime, SubsecRound, Utc};
use diesel::prelude::*;
use hientruong_domain::Error as DomainError;
use hientruong_domain::policy::Actor;
use hientruong_domain::report::Status;
use hientruong_domain::sla::{Calendar, ClockKind};
use hientruong_domain::ticket::{
    self, Allowance, Change, Check, Clock, Deadlines, Labels, Lookups, Needs, Ticket, Transition,
};
use uuid::Uuid;

use crate::Error;
use crate::jobs::{self, EscalateJob};
use crate::models::{NewReportEvent, Report};
use crate::schema::{
    admin_units, categories, handling_units, photos, ratings, report_events, reports, users,
};
use crate::{notices, sla};

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

/// The ticket's deadlines as stored; a report stored before deadlines existed gets them from its
/// receipt time.
fn deadlines_of(report: &Report, allowance: Allowance, calendar: &Calendar) -> Deadlines {
    match (
        report.sla_origin,
        report.accept_due_at,
        report.resolve_due_at,
        ClockKind::parse(&report.sla_clock),
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

/// The ticket as the domain plans on it.
fn snapshot(report: &Report, deadlines: Deadlines) -> Result<Ticket, Error> {
    Ok(Ticket {
        id: report.id,
        tracking_code: report.tracking_code(),
        status: status_of(report)?,
        unit: report.unit_code.clone(),
        reporter: report.reporter_id,
        urgent: report.urgent,
        description: report.description.clone(),
        hops: report.hops,
        assignee: report.assignee_id,
        duplicate_of: report.duplicate_of,
        public_answer: report.public_answer.clone(),
        deadlines,
        due_at: report.due_at,
        escalation_level: report.escalation_level,
    })
}

/// A ticket locked for a change: its row, its snapshot, and what its clock needs (the calendar,
/// and the allowance of its category and urgency for a fresh start).
struct Locked {
    report: Report,
    ticket: Ticket,
    calendar: Calendar,
    fresh: Allowance,
}

impl Locked {
    fn load(conn: &mut PgConnection, id: Uuid) -> Result<Locked, Error> {
        let report = lock(conn, id)?;
        Locked::of(conn, report)
    }

    /// The snapshot of a row locked already.
    fn of(conn: &mut PgConnection, report: Report) -> Result<Locked, Error> {
        let calendar = sla::calendar(conn)?;
        let fresh = sla::allowance(conn, &report.category_code, report.urgent)?;
        let ticket = snapshot(&report, deadlines_of(&report, fresh, &calendar))?;
        Ok(Locked {
            report,
            ticket,
            calendar,
            fresh,
        })
    }

    fn clock(&self, now: DateTime<Utc>) -> Clock<'_> {
        Clock {
            calendar: &self.calendar,
            fresh: self.fresh,
            now,
        }
    }
}

/// The names the notices about a report show (one query).
fn labels(conn: &mut PgConnection, report: &Report) -> Result<Labels, Error> {
    let (category_vi, category_en, commune_vi, unit_vi) = categories::table
        .inner_join(
            reports::table
                .inner_join(admin_units::table)
                .inner_join(handling_units::table),
        )
        .filter(reports::id.eq(report.id))
        .select((
            categories::name_vi,
            categories::name_en,
            admin_units::full_name,
            handling_units::name_vi,
        ))
        .first(conn)?;
    Ok(Labels {
        category_vi,
        category_en,
        commune_vi,
        unit_vi,
    })
}

/// The facts a transition's plan asks for ([`Transition::needs`]), read in this transaction. An
/// original is locked: two tickets cannot become each other's duplicates at once.
fn lookups(conn: &mut PgConnection, report: &Report, needs: Needs<'_>) -> Result<Lookups, Error> {
    let target_unit_active = match needs.target_unit {
        Some(unit) => handling_units::table
            .find(unit)
            .select(handling_units::active)
            .first(conn)
            .optional()?,
        None => None,
    };
    let original = match needs.original.filter(|o| *o != report.id) {
        Some(original) => reports::table
            .find(original)
            .for_update()
            .select((
                reports::status,
                reports::duplicate_of,
                reports::category_code.eq(&report.category_code),
                diesel::dsl::sql::<diesel::sql_types::Bool>(
                    "ST_DWithin(reports.location::geography, ST_SetSRID(ST_MakePoint(",
                )
                .bind::<diesel::sql_types::Double, _>(report.location.x)
                .sql(", ")
                .bind::<diesel::sql_types::Double, _>(report.location.y)
                .sql("), 4326)::geography, ")
                .bind::<diesel::sql_types::Double, _>(ticket::DUPLICATE_RADIUS_M)
                .sql(")"),
            ))
            .first::<(String, Option<Uuid>, bool, bool)>(conn)
            .optional()?
            .and_then(|(status, duplicate_of, same_category, nearby)| {
                Some(ticket::Original {
                    status: Status::parse(&status)?,
                    duplicate_of,
                    same_category,
                    nearby,
                })
            }),
        None => None,
    };
    let assignee_eligible = match needs.assignee {
        Some(assignee) => diesel::select(diesel::dsl::exists(
            users::table
                .filter(users::id.eq(assignee))
                .filter(users::unit_code.eq(&report.unit_code))
                .filter(users::role.eq_any([
                    hientruong_domain::role::Role::Officer.as_str(),
                    hientruong_domain::role::Role::UnitManager.as_str(),
                ]))
                .filter(users::disabled_at.is_null()),
        ))
        .get_result(conn)?,
        None => false,
    };
    let resolution_photo = needs.resolution_photo && has_resolution_photo(conn, report)?;
    Ok(Lookups {
        target_unit_active,
        original,
        assignee_eligible,
        resolution_photo,
    })
}

/// An escalation check as a job.
fn check_job(report_id: Uuid, check: Check) -> Result<jobs::NewJob, Error> {
    jobs::NewJob::new(
        jobs::ESCALATE,
        &EscalateJob {
            report_id,
            level: check.level,
            due_at: check.due_at,
        },
        check.at,
    )
}

/// Applies a planned change to the ticket `before`: the row, its event, its facts (for a step of
/// handling), its next escalation check and its notices. Checks scheduled for a deadline that
/// is gone find it gone and lapse.
fn apply(
    conn: &mut PgConnection,
    before: &Report,
    change: &Change,
    calendar: &Calendar,
) -> Result<Report, Error> {
    let t = &change.ticket;
    let d = &t.deadlines;
    let e = &change.event;
    let updated = diesel::update(reports::table.find(before.id))
        .set((
            reports::status.eq(t.status.as_str()),
            reports::unit_code.eq(&t.unit),
            reports::hops.eq(t.hops),
            reports::assignee_id.eq(t.assignee),
            reports::duplicate_of.eq(t.duplicate_of),
            reports::public_answer.eq(&t.public_answer),
            reports::sla_clock.eq(d.clock.as_str()),
            reports::sla_origin.eq(d.origin),
            reports::accept_due_at.eq(d.accept_due),
            reports::resolve_due_at.eq(d.resolve_due),
            reports::due_at.eq(t.due_at),
            reports::paused_at.eq(d.paused_at),
            reports::escalation_level.eq(t.escalation_level),
            reports::updated_at.eq(if change.handled {
                e.at
            } else {
                before.updated_at
            }),
        ))
        .returning(Report::as_returning())
        .get_result(conn)?;
    diesel::insert_into(report_events::table)
        .values(NewReportEvent::planned(before.id, e))
        .execute(conn)?;
    if change.handled {
        crate::facts::refresh(conn, before.id, calendar)?;
    }
    if let Some(check) = change.check {
        jobs::enqueue_all(conn, &[check_job(before.id, check)?])?;
    }
    notices::send(conn, &updated, &change.notices, e.actor, e.at)?;
    Ok(updated)
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

/// Opens the ticket of a report just stored with its [`Intake`] (in the same transaction): its
/// first escalation check, its unit is told, and the area alerts it falls in wait to tell it.
pub fn open(conn: &mut PgConnection, report_id: Uuid, intake: &Intake) -> Result<(), Error> {
    let report: Report = reports::table
        .find(report_id)
        .select(Report::as_select())
        .first(conn)?;
    let ticket = snapshot(&report, intake.deadlines)?;
    let opening = ticket::plan_opening(&ticket, &labels(conn, &report)?, &intake.calendar);
    if let Some(check) = opening.check {
        jobs::enqueue_all(conn, &[check_job(report_id, check)?])?;
    }
    notices::send(conn, &report, &opening.notices, None, report.created_at)?;
    crate::alerts::match_report(conn, report_id, report.created_at)
}

/// Computes a received ticket's deadlines from its receipt time with its category's urgency and
/// policy, stores them, and schedules its first escalation check.
fn clock_from_receipt(conn: &mut PgConnection, report: &Report, urgent: bool) -> Result<(), Error> {
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
    match ticket::next_check(status, &deadlines, &calendar, 0) {
        Some(check) => jobs::enqueue_all(conn, &[check_job(report.id, check)?]),
        None => Ok(()),
    }
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

/// Restarts a ticket's clock from its receipt time (stored before deadlines existed, or moved by
/// fixtures). Escalation checks scheduled for the old deadlines lapse.
pub(crate) fn restart_clock(conn: &mut PgConnection, report_id: Uuid) -> Result<(), Error> {
    let report = lock(conn, report_id)?;
    let urgent: bool = categories::table
        .find(&report.category_code)
        .select(categories::urgent)
        .first(conn)?;
    clock_from_receipt(conn, &report, urgent)
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
        // Marking a duplicate locks the original too: both rows in id order.
        if let Some(original) = t.duplicate_of.filter(|o| *o < id) {
            reports::table
                .find(original)
                .for_update()
                .select(reports::id)
                .first::<Uuid>(conn)
                .optional()?;
        }
        let locked = Locked::load(conn, id)?;
        let needs = t.needs();
        let facts = lookups(conn, &locked.report, needs)?;
        let labels = if needs.labels {
            labels(conn, &locked.report)?
        } else {
            Labels::default()
        };
        let change = ticket::plan(&locked.ticket, actor, t, &facts, &labels, locked.clock(now))?;
        apply(conn, &locked.report, &change, &locked.calendar)
    })
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
        let locked = Locked::load(conn, id)?;
        let rated: bool =
            diesel::select(diesel::dsl::exists(ratings::table.find(id))).get_result(conn)?;
        let change = ticket::plan_rating(
            &locked.ticket,
            actor,
            score,
            comment,
            rated,
            locked.clock(now),
        )?;
        diesel::insert_into(ratings::table)
            .values((
                ratings::report_id.eq(id),
                ratings::rater_id.eq(actor.id),
                ratings::score.eq(score),
                ratings::comment.eq(comment),
                ratings::created_at.eq(now),
            ))
            .execute(conn)?;
        apply(conn, &locked.report, &change, &locked.calendar)
    })
}

/// Runs one escalation check (see [`ticket::plan_escalation`]). Returns whether it escalated.
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
        if !ticket::escalation_applies(
            report.due_at,
            report.escalation_level,
            job.level,
            job.due_at,
        ) {
            return Ok(false);
        }
        let locked = Locked::of(conn, report)?;
        let labels = labels(conn, &locked.report)?;
        let Some(change) = ticket::plan_escalation(
            &locked.ticket,
            job.level,
            job.due_at,
            &labels,
            &locked.calendar,
            now,
        ) else {
            return Ok(false);
        };
        apply(conn, &locked.report, &change, &locked.calendar)?;
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
    actor.check_resolution_photo(report.reference())?;
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
