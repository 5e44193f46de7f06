//! Reports: idempotent intake with routing, and the read models the API serves.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Bool, Double};
use hientruong_domain::pagination::{Bbox, Cursor};
use hientruong_domain::report::ValidReport;
use postgis_diesel::types::Point;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::Error;
use crate::models::{NewReport, NewReportEvent, Photo, Report, StoredPhoto};
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

fn replay(existing: (Uuid, Vec<u8>), fingerprint: &[u8]) -> Result<Submitted, Error> {
    if existing.1 == fingerprint {
        Ok(Submitted::Replayed(existing.0))
    } else {
        Err(hientruong_domain::Error::IdempotencyConflict.into())
    }
}

/// Stores a resident's report, routed to its commune and unit, with its first event and its
/// photos (whose files are already stored), exactly once per (reporter, idempotency key). The
/// report, its event and its photos commit together or not at all.
pub fn submit(
    conn: &mut PgConnection,
    reporter: Uuid,
    key: Uuid,
    report: &ValidReport,
    photos: &[StoredPhoto],
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
        crate::tickets::open(conn, id, &intake)?;
        Ok(Submitted::Created(id))
    })
}

/// A report with the names of its commune, unit and category, as every view shows them.
#[derive(Debug, Clone)]
pub struct ReportView {
    pub report: Report,
    pub commune_name_vi: String,
    pub commune_name_en: String,
    pub unit_name_vi: String,
    pub unit_name_en: String,
    pub category_name_vi: String,
    pub category_name_en: String,
    pub category_urgent: bool,
    pub photos: Vec<Photo>,
}

pub(crate) type ViewRow = (
    Report,
    (String, String, String, String, String, String, bool),
);

pub(crate) fn into_view((report, names): ViewRow) -> ReportView {
    ReportView {
        report,
        commune_name_vi: names.0,
        commune_name_en: names.1,
        unit_name_vi: names.2,
        unit_name_en: names.3,
        category_name_vi: names.4,
        category_name_en: names.5,
        category_urgent: names.6,
        photos: Vec::new(),
    }
}

/// Attaches each report's photos (one query for the whole page).
pub(crate) fn with_photos(
    conn: &mut PgConnection,
    mut views: Vec<ReportView>,
) -> QueryResult<Vec<ReportView>> {
    let ids: Vec<Uuid> = views.iter().map(|v| v.report.id).collect();
    for photo in crate::photos::for_reports(conn, &ids)? {
        if let Some(view) = views.iter_mut().find(|v| v.report.id == photo.report_id) {
            view.photos.push(photo);
        }
    }
    Ok(views)
}

macro_rules! view_query {
    () => {
        $crate::schema::reports::table
            .inner_join($crate::schema::admin_units::table)
            .inner_join($crate::schema::handling_units::table)
            .inner_join($crate::schema::categories::table)
            .select((
                $crate::models::Report::as_select(),
                (
                    $crate::schema::admin_units::full_name,
                    $crate::schema::admin_units::full_name_en,
                    $crate::schema::handling_units::name_vi,
                    $crate::schema::handling_units::name_en,
                    $crate::schema::categories::name_vi,
                    $crate::schema::categories::name_en,
                    $crate::schema::categories::urgent,
                ),
            ))
    };
}
pub(crate) use view_query;

pub fn get(conn: &mut PgConnection, id: Uuid) -> Result<ReportView, Error> {
    let row: ViewRow = view_query!().filter(reports::id.eq(id)).first(conn)?;
    let mut views = with_photos(conn, vec![into_view(row)])?;
    views
        .pop()
        .ok_or(Error::Query(diesel::result::Error::NotFound))
}

/// Filters of a report listing; every one optional.
#[derive(Debug, Clone, Default)]
pub struct ReportFilter {
    pub bbox: Option<Bbox>,
    pub category: Option<String>,
    pub status: Option<String>,
    pub commune: Option<String>,
    pub reporter: Option<Uuid>,
    pub after: Option<Cursor>,
    pub limit: i64,
}

/// One page, newest first, and the cursor of the next page when there is one.
pub fn list(
    conn: &mut PgConnection,
    filter: &ReportFilter,
) -> Result<(Vec<ReportView>, Option<Cursor>), Error> {
    let mut query = view_query!().into_boxed();
    if let Some(b) = filter.bbox {
        query = query.filter(
            diesel::dsl::sql::<Bool>("reports.location && ST_MakeEnvelope(")
                .bind::<Double, _>(b.min_lon)
                .sql(", ")
                .bind::<Double, _>(b.min_lat)
                .sql(", ")
                .bind::<Double, _>(b.max_lon)
                .sql(", ")
                .bind::<Double, _>(b.max_lat)
                .sql(", 4326)"),
        );
    }
    if let Some(c) = &filter.category {
        query = query.filter(reports::category_code.eq(c.clone()));
    }
    if let Some(s) = &filter.status {
        query = query.filter(reports::status.eq(s.clone()));
    }
    if let Some(c) = &filter.commune {
        query = query.filter(reports::commune_code.eq(c.clone()));
    }
    if let Some(r) = filter.reporter {
        query = query.filter(reports::reporter_id.eq(r));
    }
    if let Some(c) = filter.after {
        query = query.filter(
            reports::created_at
                .lt(c.at)
                .or(reports::created_at.eq(c.at).and(reports::id.lt(c.id))),
        );
    }
    let mut rows: Vec<ViewRow> = query
        .order((reports::created_at.desc(), reports::id.desc()))
        .limit(filter.limit + 1)
        .load(conn)?;
    let more = rows.len() as i64 > filter.limit;
    rows.truncate(filter.limit as usize);
    let next = if more {
        rows.last().map(|(r, _)| Cursor {
            at: r.created_at,
            id: r.id,
        })
    } else {
        None
    };
    let views = with_photos(conn, rows.into_iter().map(into_view).collect())?;
    Ok((views, next))
}

/// When the report was created, for tests and demo data that need fixed times; its deadlines are
/// computed again from that time.
pub fn set_times(conn: &mut PgConnection, id: Uuid, at: DateTime<Utc>) -> Result<(), Error> {
    conn.transaction(|conn| {
        diesel::update(reports::table.find(id))
            .set((reports::created_at.eq(at), reports::updated_at.eq(at)))
            .execute(conn)?;
        diesel::update(report_events::table.filter(report_events::report_id.eq(id)))
            .set(report_events::at.eq(at))
            .execute(conn)?;
        crate::tickets::restart_clock(conn, id)
    })
}
