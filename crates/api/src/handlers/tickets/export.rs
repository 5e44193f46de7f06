//! `GET /api/v1/tickets/export`: the inbox as a CSV download.

use actix_web::{HttpResponse, web};
use uuid::Uuid;

use super::list::Query;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

/// Most tickets one export holds; narrow the filters (a period of due dates, a commune...) for more.
pub const EXPORT_MAX: i64 = 50_000;

errors!(ExportTicketsErrors = [TOKEN, &[Forbidden], QUERY, &[InvalidCursor], SERVER]);

/// `GET /api/v1/tickets/export`: the inbox's tickets (same filters, same scope) as a CSV download,
/// most pressing first, up to 50,000. The reporter's name and login are columns only for IOC
/// operators and administrators.
#[utoipa::path(
    get,
    path = "/api/v1/tickets/export",
    operation_id = "export_tickets",
    tag = "tickets",
    summary = "The inbox as a CSV download",
    description = "Staff only, same filters and scope as the inbox (`limit` and `cursor` \
        ignored), at most 50,000 tickets. The reporter's name and login are columns for IOC \
        operators and administrators only.",
    params(Query),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The CSV file", content_type = "text/csv", body = String),
        ExportTicketsErrors,
    ),
)]
pub async fn export(
    state: web::Data<AppState>,
    caller: AuthUser,
    query: web::Query<Query>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    // A resident is refused before any parameter is read (the use case asks again).
    actor.ticket_scope()?;
    let mut filter = query.filter(&caller)?;
    filter.limit = EXPORT_MAX;
    filter.after = None;
    // The file has no photo column.
    filter.photos = false;
    let identity = actor.sees_reporter_identity();
    let now = chrono::Utc::now();
    let bytes = state
        .run(move |app| {
            let export = app.export_tickets(&actor, &filter, now)?;
            // Built here, on the blocking pool: a large export must not hold up an HTTP worker.
            Ok(export_csv(export.items, &export.reporters, identity, now))
        })
        .await??;
    Ok(crate::handlers::download::response("tickets", bytes))
}

fn export_csv(
    items: Vec<hientruong_db::read::report::ReportView>,
    people: &std::collections::HashMap<Uuid, (String, String)>,
    identity: bool,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<u8>, ApiError> {
    let mut columns = vec![
        "tracking_code",
        "id",
        "received_at",
        "category",
        "commune",
        "commune_name",
        "unit",
        "status",
        "due_at",
        "overdue",
        "escalation_level",
        "hops",
        "assignee_id",
        "address",
        "lat",
        "lon",
        "description",
        "public_answer",
    ];
    if identity {
        columns.extend(["reporter_name", "reporter_login"]);
    }
    let records = items.into_iter().map(|view| {
        let r = &view.report;
        let mut record = vec![
            r.tracking_code(),
            r.id.to_string(),
            r.created_at.to_rfc3339(),
            r.category_code.clone(),
            r.commune_code.clone(),
            view.commune_name_vi.clone(),
            r.unit_code.clone(),
            r.status.clone(),
            r.due_at.map(|d| d.to_rfc3339()).unwrap_or_default(),
            r.due_at.is_some_and(|d| d < now).to_string(),
            r.escalation_level.to_string(),
            r.hops.to_string(),
            r.assignee_id.map(|a| a.to_string()).unwrap_or_default(),
            r.address.clone().unwrap_or_default(),
            r.location.y.to_string(),
            r.location.x.to_string(),
            r.description.clone(),
            r.public_answer.clone().unwrap_or_default(),
        ];
        if identity {
            let person = people.get(&r.reporter_id);
            record.push(person.map(|p| p.0.clone()).unwrap_or_default());
            record.push(person.map(|p| p.1.clone()).unwrap_or_default());
        }
        record
    });
    crate::handlers::download::csv_bytes(&columns, records)
}
