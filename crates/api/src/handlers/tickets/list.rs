use std::collections::BTreeMap;

use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use hientruong_db::tickets::TicketFilter;
use hientruong_domain::report::Status;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::query::{self, given, invalid};
use crate::state::AppState;
use crate::views::tickets::{TicketJson, ticket_json};

/// Inbox parameters; an empty value counts as absent.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Query {
    /// One status or several, comma-separated.
    status: Option<String>,
    category: Option<String>,
    commune: Option<String>,
    /// IOC and administrators: one unit's tickets.
    unit: Option<String>,
    /// `true`: only tickets past their running deadline; `false`: only those not past it.
    overdue: Option<String>,
    /// Only tickets whose running deadline is before this instant (RFC 3339).
    due_before: Option<String>,
    /// `me` or a user id.
    assignee: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

#[derive(Serialize)]
struct TicketPage {
    items: Vec<TicketJson>,
    next_cursor: Option<String>,
    /// How many tickets of each status match the filters other than `status`.
    counts: BTreeMap<String, i64>,
}

impl Query {
    fn filter(&self, caller: &AuthUser) -> Result<TicketFilter, ApiError> {
        let statuses = given(&self.status)
            .map(|list| {
                list.split(',')
                    .map(|s| {
                        Status::parse(s.trim())
                            .map(|s| s.as_str().to_owned())
                            .ok_or_else(|| invalid("unknown status"))
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .transpose()?
            .unwrap_or_default();
        let overdue = given(&self.overdue)
            .map(|o| match o {
                "true" | "1" => Ok(true),
                "false" | "0" => Ok(false),
                _ => Err(invalid("overdue must be true or false")),
            })
            .transpose()?;
        let due_before = given(&self.due_before)
            .map(|d| {
                DateTime::parse_from_rfc3339(d)
                    .map(|t| t.with_timezone(&Utc))
                    .map_err(|_| invalid("due_before must be an RFC 3339 time"))
            })
            .transpose()?;
        let assignee = given(&self.assignee)
            .map(|a| match a {
                "me" => Ok(caller.id),
                id => Uuid::try_parse(id).map_err(|_| invalid("assignee must be me or a user id")),
            })
            .transpose()?;
        Ok(TicketFilter {
            statuses,
            category: query::category(&self.category)?,
            commune: query::commune(&self.commune)?,
            unit: given(&self.unit).map(str::to_owned),
            overdue,
            due_before,
            assignee,
            after: query::cursor(&self.cursor)?,
            limit: query::limit(&self.limit)?,
        })
    }
}

/// `GET /api/v1/tickets`: the caller's inbox (their unit's tickets, or the whole city for IOC
/// operators and administrators), most pressing deadline first.
pub async fn list(
    state: web::Data<AppState>,
    caller: AuthUser,
    query: web::Query<Query>,
) -> Result<HttpResponse, ApiError> {
    let scope = caller.actor().ticket_scope()?;
    let filter = query.filter(&caller)?;
    let now = Utc::now();
    let page = state
        .db(move |conn| hientruong_db::tickets::list(conn, &scope, &filter, now))
        .await?;
    Ok(HttpResponse::Ok().json(TicketPage {
        items: page
            .items
            .into_iter()
            .map(|v| ticket_json(v, now))
            .collect(),
        next_cursor: page.next.map(|c| c.encode()),
        counts: page.counts.into_iter().collect(),
    }))
}
