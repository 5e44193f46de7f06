//! The read model of a ticket: a report with its history, rating and the people in it, as staff
//! see it (the API decides which parts each caller may see), the public timeline, and the staff
//! inbox.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use hientruong_domain::policy::{Actor, TicketScope};
use uuid::Uuid;

use super::report::ReportView;
use super::submission::Submission;
use crate::Error;
use crate::models::ReportEvent;
use crate::schema::{ratings, report_events, reports, users};
use hientruong_domain::Error as DomainError;

/// A ticket for staff who may see it (`not_found` otherwise).
pub fn get_for(conn: &mut PgConnection, actor: &Actor, id: Uuid) -> Result<TicketDetail, Error> {
    actor.ticket_scope()?;
    let detail = get(conn, id)?;
    actor.check_view(detail.view.report.reference())?;
    Ok(detail)
}

/// A ticket with its history, unchecked: for callers that have just been authorised for it (the
/// answer to a transfer, whose ticket is no longer the caller's).
pub fn get(conn: &mut PgConnection, id: Uuid) -> Result<TicketDetail, Error> {
    let view = super::report::get(conn, id).map_err(|e| match e {
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
    let submission = super::submission::get(conn, id)?;
    let (channel, caller) = crate::reports::channel(conn, id)?;
    Ok(TicketDetail {
        view,
        events,
        rating,
        people,
        submission,
        channel,
        caller,
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
    pub view: ReportView,
    pub events: Vec<ReportEvent>,
    pub rating: Option<(i16, Option<String>, DateTime<Utc>)>,
    /// (id, full name, login, role) of the reporter, the assignee and every actor.
    pub people: Vec<(Uuid, String, String, String)>,
    /// What the client application sent with a report posted through Open311.
    pub submission: Option<Submission>,
    /// How the report came in: `app`, `web`, `open311` or `hotline`.
    pub channel: String,
    /// The hotline caller's (name, phone), for a report taken on the hotline.
    pub caller: Option<(String, String)>,
}

/// Filters of the staff inbox.
#[derive(Debug, Clone, Default)]
pub struct TicketFilter {
    /// `q=`: what the tickets' text (or tracking code) must say; the page is then ranked by it.
    pub search: Option<hientruong_domain::search::Search>,
    pub statuses: Vec<String>,
    pub category: Option<String>,
    pub commune: Option<String>,
    pub unit: Option<String>,
    pub overdue: Option<bool>,
    pub due_before: Option<DateTime<Utc>>,
    pub assignee: Option<Uuid>,
    pub after: Option<hientruong_domain::pagination::Cursor>,
    pub limit: i64,
    /// Whether the page's tickets carry their photos (an export has no use for them).
    pub photos: bool,
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
            if let Some(search) = &filter.search {
                q = super::report::searched!(q, search, false);
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
    let mut query = filtered!(super::report::view_query!().into_boxed());
    if !filter.statuses.is_empty() {
        query = query.filter(reports::status.eq_any(filter.statuses.clone()));
    }
    let (rows, next) = if let Some(search) = &filter.search {
        // The best matches first, the most pressing among equals; one page, no next.
        let rows: Vec<super::report::ViewRow> = query
            .order((
                super::report::search_rank!(search),
                sort_key.asc(),
                reports::id.asc(),
            ))
            .limit(filter.limit)
            .load(conn)?;
        (rows, None)
    } else {
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
            rows.last().map(|(r, _, _, _): &super::report::ViewRow| {
                hientruong_domain::pagination::Cursor {
                    at: r.due_at.unwrap_or_else(no_deadline),
                    id: r.id,
                }
            })
        } else {
            None
        };
        (rows, next)
    };
    let items = rows.into_iter().map(super::report::into_view).collect();
    let items = if filter.photos {
        super::report::with_photos(conn, items)?
    } else {
        items
    };
    Ok(TicketPage {
        items,
        next,
        counts,
    })
}

pub struct TicketPage {
    pub items: Vec<ReportView>,
    pub next: Option<hientruong_domain::pagination::Cursor>,
    pub counts: Vec<(String, i64)>,
}
