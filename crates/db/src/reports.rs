//! Reports: idempotent intake with routing. What a report looks like to its readers is
//! [`crate::read::report`].

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use hientruong_domain::limits::Budget;
use hientruong_domain::report::{Channel, ValidReport};
use postgis_diesel::types::Point;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::Error;
use crate::models::{NewReport, NewReportEvent, StoredPhoto};
use crate::routing;
use crate::schema::{photos, report_events, reports};

/// The outcome of a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Submitted {
    /// A new report was stored.
    Created(Uuid),
    /// The same idempotency key and content were seen before: this is that report.
    Replayed(Uuid),
}

impl Submitted {
    pub fn id(self) -> Uuid {
        match self {
            Submitted::Created(id) | Submitted::Replayed(id) => id,
        }
    }
}

/// The submission's meaning: the validated report and the content of its photos.
fn fingerprint(report: &ValidReport, photos: &[StoredPhoto]) -> Vec<u8> {
    let mut hash = Sha256::new();
    hash.update(report.fingerprint().as_bytes());
    for photo in photos {
        hash.update(b"\x1f");
        hash.update(photo.original_sha256.as_bytes());
    }
    hash.finalize().to_vec()
}

fn find_by_key(
    conn: &mut PgConnection,
    reporter: Uuid,
    key: Uuid,
) -> QueryResult<Option<(Uuid, Vec<u8>)>> {
    reports::table
        .filter(reports::reporter_id.eq(reporter))
        .filter(reports::idempotency_key.eq(key))
        .select((reports::id, reports::fingerprint))
        .first(conn)
        .optional()
}

/// Whether the reporter's report of this idempotency key is stored (a retry).
pub fn is_stored(conn: &mut PgConnection, reporter: Uuid, key: Uuid) -> QueryResult<bool> {
    Ok(find_by_key(conn, reporter, key)?.is_some())
}

fn replay(existing: (Uuid, Vec<u8>), fingerprint: &[u8]) -> Result<Submitted, Error> {
    if existing.1 == fingerprint {
        Ok(Submitted::Replayed(existing.0))
    } else {
        Err(hientruong_domain::Error::IdempotencyConflict.into())
    }
}

/// Stores a resident's report, routed to its commune and unit, with its first event and its
/// photos (whose files are already stored), exactly once per (reporter, idempotency key). The
/// report, its event and its photos commit together or not at all, and a new report takes one
/// use from each of `budgets` in the same transaction (a replay takes none; a spent budget
/// stores nothing).
pub fn submit(
    conn: &mut PgConnection,
    reporter: Uuid,
    key: Uuid,
    report: &ValidReport,
    photos: &[StoredPhoto],
    budgets: &[Budget],
) -> Result<Submitted, Error> {
    let fingerprint = fingerprint(report, photos);
    if let Some(existing) = find_by_key(conn, reporter, key)? {
        return replay(existing, &fingerprint);
    }
    let route = routing::route(conn, &report.category, report.position)?;
    // At the database's precision, so that the deadlines computed from it are the ones stored.
    let received_at = chrono::SubsecRound::trunc_subsecs(Utc::now(), 6);
    let intake = crate::tickets::intake(conn, &report.category, received_at)?;
    let deadlines = &intake.deadlines;
    conn.transaction(|conn| {
        let new = NewReport {
            id: Uuid::now_v7(),
            reporter_id: reporter,
            idempotency_key: key,
            fingerprint: &fingerprint,
            category_code: &report.category,
            description: &report.description,
            address: report.address.as_deref(),
            location: Point {
                x: report.position.lon(),
                y: report.position.lat(),
                srid: Some(4326),
            },
            boundary_id: route.commune.boundary_id,
            commune_code: &route.commune.code,
            commune_reason: route.commune.reason.as_str(),
            commune_distance_m: route.commune.distance_m,
            unit_code: &route.unit.unit_code,
            routing_rule_id: route.unit.rule_id,
            unit_reason: route.unit.reason.as_str(),
            location_source: report.location_source.as_str(),
            created_at: received_at,
            updated_at: received_at,
            urgent: intake.urgent,
            sla_clock: deadlines.clock.as_str(),
            sla_origin: Some(deadlines.origin),
            accept_due_at: Some(deadlines.accept_due),
            resolve_due_at: Some(deadlines.resolve_due),
            due_at: deadlines.running(hientruong_domain::report::Status::Received),
        };
        // A concurrent submission with the same key waits here for the other to commit, then
        // inserts nothing; it then answers with the other's report.
        let inserted: Option<(Uuid, DateTime<Utc>)> = diesel::insert_into(reports::table)
            .values(&new)
            .on_conflict((reports::reporter_id, reports::idempotency_key))
            .do_nothing()
            .returning((reports::id, reports::created_at))
            .get_result(conn)
            .optional()?;
        let Some((id, created_at)) = inserted else {
            let existing =
                find_by_key(conn, reporter, key)?.ok_or(diesel::result::Error::NotFound)?;
            return replay(existing, &fingerprint);
        };
        crate::limits::take(conn, budgets)?;
        diesel::insert_into(report_events::table)
            .values(NewReportEvent {
                report_id: id,
                kind: "received",
                from_status: None,
                to_status: Some("received"),
                actor_id: Some(reporter),
                unit_code: Some(&route.unit.unit_code),
                public: true,
                at: created_at,
                ..NewReportEvent::default()
            })
            .execute(conn)?;
        let rows: Vec<_> = photos
            .iter()
            .zip(0..)
            .map(|(photo, ordinal)| photo.to_new(id, "report", reporter, ordinal))
            .collect();
        diesel::insert_into(photos::table)
            .values(&rows)
            .execute(conn)?;
        record_channel(conn, id, report)?;
        crate::tickets::open(conn, id, &intake)?;
        Ok(Submitted::Created(id))
    })
}

/// How a new report came in, when not through the app (the column's default), and the hotline's
/// caller.
fn record_channel(conn: &mut PgConnection, id: Uuid, report: &ValidReport) -> QueryResult<()> {
    use diesel::sql_types::{Text, Uuid as SqlUuid};
    if report.channel != Channel::App {
        diesel::sql_query("UPDATE reports SET channel = $2 WHERE id = $1")
            .bind::<SqlUuid, _>(id)
            .bind::<Text, _>(report.channel.as_str())
            .execute(conn)?;
    }
    if let Some(caller) = &report.caller {
        diesel::sql_query(
            "INSERT INTO report_callers (report_id, name, phone) VALUES ($1, $2, $3)",
        )
        .bind::<SqlUuid, _>(id)
        .bind::<Text, _>(&caller.name)
        .bind::<Text, _>(&caller.phone)
        .execute(conn)?;
    }
    Ok(())
}

/// The channel a report came in by, and its hotline caller's name and phone if it has one.
pub fn channel(
    conn: &mut PgConnection,
    id: Uuid,
) -> QueryResult<(String, Option<(String, String)>)> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        channel: String,
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
        name: Option<String>,
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
        phone: Option<String>,
    }
    let row: Row = diesel::sql_query(
        "SELECT r.channel, c.name, c.phone FROM reports r \
         LEFT JOIN report_callers c ON c.report_id = r.id WHERE r.id = $1",
    )
    .bind::<diesel::sql_types::Uuid, _>(id)
    .get_result(conn)?;
    Ok((row.channel, row.name.zip(row.phone)))
}
