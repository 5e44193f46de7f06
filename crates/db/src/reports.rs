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
use crate::models::{NewReport, NewReportEvent, Report};
use crate::routing;
use crate::schema::{admin_units, categories, handling_units, report_events, reports};

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

fn fingerprint(report: &ValidReport) -> Vec<u8> {
    Sha256::digest(report.fingerprint().as_bytes()).to_vec()
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

/// Stores a resident's report, routed to its commune and unit, with its first event, exactly once
/// per (reporter, idempotency key). The report and its event commit together or not at all.
pub fn submit(
    conn: &mut PgConnection,
    reporter: Uuid,
    key: Uuid,
    report: &ValidReport,
) -> Result<Submitted, Error> {
    let fingerprint = fingerprint(report);
    if let Some(existing) = find_by_key(conn, reporter, key)? {
        return replay(existing, &fingerprint);
    }
    let route = routing::route(conn, &report.category, report.position)?;
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
        };
        // A concurrent submission with the same key waits here for the other to commit, then
        // inserts nothing; it then answers with the other's report.
        let inserted: Option<Uuid> = diesel::insert_into(reports::table)
            .values(&new)
            .on_conflict((reports::reporter_id, reports::idempotency_key))
            .do_nothing()
            .returning(reports::id)
            .get_result(conn)
            .optional()?;
        let Some(id) = inserted else {
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
                note: None,
                public: true,
            })
            .execute(conn)?;
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
}

type ViewRow = (
    Report,
    (String, String, String, String, String, String, bool),
);

fn into_view((report, names): ViewRow) -> ReportView {
    ReportView {
        report,
        commune_name_vi: names.0,
        commune_name_en: names.1,
        unit_name_vi: names.2,
        unit_name_en: names.3,
        category_name_vi: names.4,
        category_name_en: names.5,
        category_urgent: names.6,
    }
}

macro_rules! view_query {
    () => {
        reports::table
            .inner_join(admin_units::table)
            .inner_join(handling_units::table)
            .inner_join(categories::table)
            .select((
                Report::as_select(),
                (
                    admin_units::full_name,
                    admin_units::full_name_en,
                    handling_units::name_vi,
                    handling_units::name_en,
                    categories::name_vi,
                    categories::name_en,
                    categories::urgent,
                ),
            ))
    };
}

pub fn get(conn: &mut PgConnection, id: Uuid) -> Result<ReportView, Error> {
    let row: ViewRow = view_query!().filter(reports::id.eq(id)).first(conn)?;
    Ok(into_view(row))
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
    Ok((rows.into_iter().map(into_view).collect(), next))
}

/// When the report was created, for tests and demo data that need fixed times.
pub fn set_times(conn: &mut PgConnection, id: Uuid, at: DateTime<Utc>) -> QueryResult<()> {
    conn.transaction(|conn| {
        diesel::update(reports::table.find(id))
            .set((reports::created_at.eq(at), reports::updated_at.eq(at)))
            .execute(conn)?;
        diesel::update(report_events::table.filter(report_events::report_id.eq(id)))
            .set(report_events::at.eq(at))
            .execute(conn)?;
        Ok(())
    })
}
