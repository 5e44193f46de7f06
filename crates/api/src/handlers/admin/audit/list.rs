//! `GET /api/v1/admin/audit[?actor=&action=&from=&to=&cursor=&limit=&format=csv]`

use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use hientruong_db::audit::{Entry, Filter};
use hientruong_domain::Error;
use hientruong_domain::audit::Action;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::handlers::query::{self, given, invalid};
use crate::state::AppState;
use crate::views::Page;

/// Most rows one CSV download holds; narrow the period for more.
pub const DOWNLOAD_MAX: i64 = 50_000;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// Only this account's actions.
    actor: Option<String>,
    /// Only this action, for example `user.lock` (the list is in docs/api.md).
    action: Option<String>,
    /// From this instant (RFC 3339), inclusive.
    from: Option<String>,
    /// Up to this instant (RFC 3339), exclusive.
    to: Option<String>,
    /// Where the previous page ended (`next_cursor`).
    cursor: Option<String>,
    /// Rows per page, 1 to 200 (default 50).
    limit: Option<String>,
    /// `json` (default) or `csv`: a download of up to 50,000 rows (`cursor` and `limit` ignored).
    format: Option<String>,
}

fn instant(value: &Option<String>, name: &str) -> Result<Option<DateTime<Utc>>, ApiError> {
    given(value)
        .map(|v| {
            DateTime::parse_from_rfc3339(v)
                .map(|t| t.with_timezone(&Utc))
                .map_err(|_| invalid(&format!("{name} must be an RFC 3339 instant")))
        })
        .transpose()
}

impl AuditQuery {
    /// The filter asked for, and whether as a CSV download.
    fn filter(&self) -> Result<(Filter, bool), ApiError> {
        let csv = match given(&self.format) {
            None | Some("json") => false,
            Some("csv") => true,
            Some(_) => return Err(invalid("format is json or csv")),
        };
        let actor = given(&self.actor)
            .map(|a| Uuid::try_parse(a).map_err(|_| invalid("actor must be an account's id")))
            .transpose()?;
        let action = given(&self.action)
            .map(|a| Action::parse(a).ok_or_else(|| invalid("action is not a recorded action")))
            .transpose()?;
        let before = given(&self.cursor)
            .map(|c| {
                c.parse::<i64>()
                    .ok()
                    .filter(|id| *id > 0)
                    .ok_or(ApiError::new(Error::InvalidCursor))
            })
            .transpose()?;
        let filter = Filter {
            actor,
            action,
            from: instant(&self.from, "from")?,
            to: instant(&self.to, "to")?,
            before: if csv { None } else { before },
            limit: if csv {
                DOWNLOAD_MAX
            } else {
                query::limit(&self.limit)?
            },
        };
        Ok((filter, csv))
    }
}

errors!(ListAuditErrors = [ADMIN, QUERY, &[InvalidCursor], SERVER]);

/// `GET /api/v1/admin/audit`: the audit log, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/admin/audit",
    operation_id = "list_audit",
    tag = "administration",
    summary = "The audit log",
    description = "Administrators only: every recorded staff action (changes of accounts, \
        units, categories, routing rules, SLA policies, holidays, populations and API keys; \
        hides and locks; downloads and views that disclose a reporter's identity or a photo's \
        original), newest first, in pages (`cursor`). Filters: `actor`, `action`, `from`/`to`. \
        `format=csv`: the same as a download of up to 50,000 rows. The log is append-only.",
    params(AuditQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "A page of the log", content(
        (Page<Entry> = "application/json"),
        (String = "text/csv"),
    )), ListAuditErrors),
)]
pub async fn list(
    state: web::Data<AppState>,
    caller: AuthUser,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    // Anyone but an administrator is refused before a parameter is read (the use case asks
    // again).
    actor.check_admin()?;
    let (filter, csv) = query.filter()?;
    if csv {
        let bytes = state
            .run(move |app| {
                let rows = app.audit_log(&actor, &filter)?;
                // Built here, on the blocking pool: a large download must not hold up an HTTP
                // worker.
                Ok(audit_csv(rows))
            })
            .await??;
        return Ok(crate::handlers::download::response("audit", bytes));
    }
    let limit = filter.limit;
    let rows = state.run(move |app| app.audit_log(&actor, &filter)).await?;
    let next_cursor = (rows.len() as i64 == limit)
        .then(|| rows.last().map(|e| e.id.to_string()))
        .flatten();
    Ok(HttpResponse::Ok().json(Page {
        items: rows,
        next_cursor,
    }))
}

fn audit_csv(rows: Vec<Entry>) -> Result<Vec<u8>, ApiError> {
    let columns = [
        "id",
        "at",
        "actor_id",
        "actor_role",
        "action",
        "target",
        "detail",
    ];
    let records = rows.into_iter().map(|e| {
        vec![
            e.id.to_string(),
            e.at.to_rfc3339(),
            e.actor_id.to_string(),
            e.actor_role,
            e.action,
            e.target,
            e.detail.to_string(),
        ]
    });
    crate::handlers::download::csv_bytes(&columns, records)
}
