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
    /// Residents who support it ("this is it"), besides its reporter.
    pub support_count: i64,
    pub photos: Vec<Photo>,
}

pub(crate) type ViewRow = (
    Report,
    (String, String, String, String, String, String, bool, i64),
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
        support_count: names.7,
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
                    // An index-only count on the supports' primary key.
                    diesel::dsl::sql::<diesel::sql_types::BigInt>(
                        "(SELECT count(*) FROM report_supports s WHERE s.report_id = reports.id)",
                    ),
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

/// Who reported a report and its status (`not_found` when there is none).
pub fn reporter_and_status(conn: &mut PgConnection, id: Uuid) -> Result<(Uuid, String), Error> {
    Ok(reports::table
        .find(id)
        .select((reports::reporter_id, reports::status))
        .first(conn)?)
}

/// The report a tracking code's number stands for (`not_found` when there is none).
pub fn by_number(conn: &mut PgConnection, number: i64) -> Result<Uuid, Error> {
    Ok(reports::table
        .filter(reports::number.eq(number))
        .select(reports::id)
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

/// The open reports of `category` within `radius_m` metres of a point, nearest first (the newest
/// first at the same distance), at most `limit`, each with its distance in metres: what a
/// resident is shown before filing the same problem again.
pub fn nearby(
    conn: &mut PgConnection,
    (lat, lon): (f64, f64),
    category: &str,
    radius_m: f64,
    limit: i64,
) -> Result<Vec<(ReportView, f64)>, Error> {
    #[derive(QueryableByName)]
    struct Near {
        #[diesel(sql_type = diesel::sql_types::Uuid)]
        id: Uuid,
        #[diesel(sql_type = Double)]
        distance_m: f64,
    }
    let open: Vec<&str> = hientruong_domain::report::Status::ALL
        .iter()
        .filter(|s| hientruong_domain::ticket::stage(**s) != hientruong_domain::ticket::Stage::Done)
        .map(|s| s.as_str())
        .collect();
    // The box (a degree is at least 100 km here) lets the spatial index choose the candidates;
    // the distance on the spheroid decides.
    let near: Vec<Near> = diesel::sql_query(
        "SELECT r.id, ST_Distance(r.location::geography, p.g::geography) AS distance_m \
         FROM reports r, (SELECT ST_SetSRID(ST_MakePoint($1, $2), 4326) AS g) p \
         WHERE r.category_code = $3 AND r.status = ANY($4) \
           AND r.location && ST_Expand(p.g, $5 / 100000.0) \
           AND ST_DWithin(r.location::geography, p.g::geography, $5) \
         ORDER BY distance_m, r.created_at DESC, r.id LIMIT $6",
    )
    .bind::<Double, _>(lon)
    .bind::<Double, _>(lat)
    .bind::<diesel::sql_types::Text, _>(category)
    .bind::<diesel::sql_types::Array<diesel::sql_types::Text>, _>(&open)
    .bind::<Double, _>(radius_m)
    .bind::<diesel::sql_types::BigInt, _>(limit)
    .load(conn)?;
    let ids: Vec<Uuid> = near.iter().map(|n| n.id).collect();
    let rows: Vec<ViewRow> = view_query!().filter(reports::id.eq_any(&ids)).load(conn)?;
    let mut views: HashMap<Uuid, ReportView> =
        with_photos(conn, rows.into_iter().map(into_view).collect())?
            .into_iter()
            .map(|v| (v.report.id, v))
            .collect();
    Ok(near
        .into_iter()
        .filter_map(|n| views.remove(&n.id).map(|v| (v, n.distance_m)))
        .collect())
}
