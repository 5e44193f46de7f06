//! `ticket_facts`: one row per handled ticket, what the statistics aggregate. Each row is derived
//! from the ticket's events and rating by [`hientruong_domain::metrics::handling_facts`] and
//! recomputed whole in the transaction of every change, so it never drifts from the events.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use hientruong_domain::metrics::{EventFact, HandlingFacts, handling_facts};
use hientruong_domain::sla::Calendar;
use uuid::Uuid;

use crate::Error;
use crate::schema::{photos, ratings, report_events, reports, ticket_facts};

/// A ticket's row of `ticket_facts`.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = ticket_facts, treat_none_as_null = true)]
pub(crate) struct FactsRow {
    report_id: Uuid,
    received_at: DateTime<Utc>,
    commune_code: String,
    category_code: String,
    unit_code: String,
    /// How the report came in (`reports.channel`).
    channel: String,
    accepted_at: Option<DateTime<Utc>>,
    accept_working_s: Option<i64>,
    accept_wall_s: Option<i64>,
    resolved_at: Option<DateTime<Utc>>,
    resolve_working_s: Option<i64>,
    resolve_wall_s: Option<i64>,
    resolved_on_time: Option<bool>,
    transfers: i32,
    reopens: i32,
    rating: Option<i16>,
    rated_at: Option<DateTime<Utc>>,
    /// Finally resolved with after photos none of which shows where it was taken.
    resolved_unlocated: bool,
}

impl FactsRow {
    /// The row of a ticket received at `received_at` (where it is now and what it is about),
    /// whose events say `facts` and whose rating (score, time) is `rating`.
    pub(crate) fn new(
        report_id: Uuid,
        received_at: DateTime<Utc>,
        (commune_code, category_code, unit_code, channel): (String, String, String, String),
        facts: HandlingFacts,
        rating: Option<(i16, DateTime<Utc>)>,
        resolved_unlocated: bool,
    ) -> FactsRow {
        FactsRow {
            report_id,
            received_at,
            commune_code,
            category_code,
            unit_code,
            channel,
            accepted_at: facts.accepted_at,
            accept_working_s: facts.accept_working_s,
            accept_wall_s: facts.accept_wall_s,
            resolved_at: facts.resolved_at,
            resolve_working_s: facts.resolve_working_s,
            resolve_wall_s: facts.resolve_wall_s,
            resolved_on_time: facts.resolved_on_time,
            transfers: facts.transfers,
            reopens: facts.reopens,
            rating: rating.map(|r| r.0),
            rated_at: rating.map(|r| r.1),
            resolved_unlocated: resolved_unlocated && facts.resolved_at.is_some(),
        }
    }
}

/// An event's kind, old and new status, time and the deadline running then.
type EventRow = (
    String,
    Option<String>,
    Option<String>,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
);

/// Recomputes a ticket's facts from its events and rating, with `calendar`.
pub fn refresh(conn: &mut PgConnection, report_id: Uuid, calendar: &Calendar) -> Result<(), Error> {
    let (received_at, commune_code, category_code, unit_code, channel): (
        DateTime<Utc>,
        String,
        String,
        String,
        String,
    ) = reports::table
        .find(report_id)
        .select((
            reports::created_at,
            reports::commune_code,
            reports::category_code,
            reports::unit_code,
            // Not in diesel's schema of `reports` (schema.rs says why).
            diesel::dsl::sql::<diesel::sql_types::Text>("reports.channel"),
        ))
        .first(conn)?;
    let events: Vec<EventRow> = report_events::table
        .filter(report_events::report_id.eq(report_id))
        .order((report_events::at, report_events::id))
        .select((
            report_events::kind,
            report_events::from_status,
            report_events::to_status,
            report_events::at,
            report_events::due_at,
        ))
        .load(conn)?;
    let facts: Vec<EventFact<'_>> = events
        .iter()
        .map(|(kind, from, to, at, due)| {
            EventFact::new(kind, from.as_deref(), to.as_deref(), *at, *due)
        })
        .collect();
    let f = handling_facts(received_at, &facts, calendar);
    let rating: Option<(i16, DateTime<Utc>)> = ratings::table
        .find(report_id)
        .select((ratings::score, ratings::created_at))
        .first(conn)
        .optional()?;
    // After photos that exist, none with a position.
    let located: Vec<bool> = photos::table
        .filter(photos::report_id.eq(report_id))
        .filter(photos::kind.eq("resolution"))
        .select(photos::exif_location.is_not_null())
        .load(conn)?;
    let unlocated = !located.is_empty() && !located.iter().any(|l| *l);
    let row = FactsRow::new(
        report_id,
        received_at,
        (commune_code, category_code, unit_code, channel),
        f,
        rating,
        unlocated,
    );
    diesel::insert_into(ticket_facts::table)
        .values(&row)
        .on_conflict(ticket_facts::report_id)
        .do_update()
        .set(&row)
        .execute(conn)?;
    Ok(())
}

/// Recomputes the facts of every handled ticket (after the holiday calendar changed, or to check
/// them): returns how many.
pub fn rebuild(conn: &mut PgConnection) -> Result<usize, Error> {
    let calendar = crate::sla::calendar(conn)?;
    // Handled tickets: those with an event of staff or of the reporter's rating (receipt and the
    // worker's escalations are not handling).
    let ids: Vec<Uuid> = report_events::table
        .filter(report_events::kind.ne_all([
            "received",
            "deadline_warning",
            "escalated_to_manager",
            "escalated_to_ioc",
        ]))
        .select(report_events::report_id)
        .distinct()
        .load(conn)?;
    for id in &ids {
        conn.transaction(|conn| {
            // A change committing meanwhile would otherwise be overwritten by older facts.
            reports::table
                .find(*id)
                .for_update()
                .select(reports::id)
                .first::<Uuid>(conn)?;
            refresh(conn, *id, &calendar)
        })?;
    }
    Ok(ids.len())
}

/// After an upgrade that created `ticket_facts`, fills it from the events once (nothing to do when
/// it already has rows or no ticket was ever handled).
pub fn fill_if_empty(conn: &mut PgConnection) -> Result<usize, Error> {
    let any: bool = diesel::select(diesel::dsl::exists(
        ticket_facts::table.select(ticket_facts::report_id),
    ))
    .get_result(conn)?;
    if any { Ok(0) } else { rebuild(conn) }
}
