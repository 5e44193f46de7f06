//! The read model of a report: the report with the names of its commune, unit and category and
//! its photos, one by id or a filtered page, as every view of a report (public, own, ticket,
//! Open311) starts from it.

use std::collections::HashMap;

use diesel::prelude::*;
use diesel::sql_types::{Bool, Double};
use hientruong_domain::pagination::{Bbox, Cursor};
use uuid::Uuid;

use crate::Error;
use crate::models::{Photo, Report};
use crate::schema::reports;

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

/// Attaches each report's photos (one query for the whole page, matched by id).
pub(crate) fn with_photos(
    conn: &mut PgConnection,
    mut views: Vec<ReportView>,
) -> QueryResult<Vec<ReportView>> {
    let ids: Vec<Uuid> = views.iter().map(|v| v.report.id).collect();
    let mut by_report: HashMap<Uuid, Vec<Photo>> = HashMap::new();
    for photo in crate::photos::for_reports(conn, &ids)? {
        by_report.entry(photo.report_id).or_default().push(photo);
    }
    for view in &mut views {
        view.photos = by_report.remove(&view.report.id).unwrap_or_default();
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

/// Who reported a report (`not_found` when there is none).
pub fn reporter(conn: &mut PgConnection, id: Uuid) -> Result<Uuid, Error> {
    Ok(reports::table
        .find(id)
        .select(reports::reporter_id)
        .first(conn)?)
}

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
