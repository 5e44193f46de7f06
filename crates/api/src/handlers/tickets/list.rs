//! `GET /api/v1/tickets`: the staff inbox, a page at a time.

use std::collections::BTreeMap;

use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use hientruong_db::read::ticket::TicketFilter;
use hientruong_domain::report::Status;
use hientruong_domain::search::Search;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::handlers::query::{self, given, invalid};
use crate::state::AppState;
use crate::views::tickets::{TicketJson, ticket_json};

/// Inbox parameters; an empty value counts as absent.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct Query {
    /// One status or several, comma-separated.
    #[param(example = "received,accepted")]
    status: Option<String>,
    /// A category code.
    category: Option<String>,
    /// A 5-digit commune code.
    #[param(pattern = "^[0-9]{5}$")]
    commune: Option<String>,
    /// IOC and administrators: one unit's tickets.
    unit: Option<String>,
    /// `true`: only tickets past their running deadline; `false`: only those not past it.
    #[param(value_type = Option<bool>)]
    overdue: Option<String>,
    /// Only tickets whose running deadline is before this instant (RFC 3339).
    #[param(value_type = Option<DateTime<Utc>>)]
    due_before: Option<String>,
    /// `me` or a user id.
    assignee: Option<String>,
    /// The page size, 1 to 200 (default 50); ignored by the export.
    #[param(value_type = Option<i64>, minimum = 1, maximum = 200)]
    limit: Option<String>,
    /// The `next_cursor` of the previous page; ignored by the export.
    cursor: Option<String>,
    /// Words the ticket's description, address or public answer must have (diacritics, case
    /// and a small typo do not matter), or its tracking code: the page is then the best
    /// matches, ranked, without a next page. 200 characters at most.
    #[param(max_length = 200)]
    q: Option<String>,
}

/// A page of the inbox.
#[derive(Serialize, ToSchema)]
pub struct TicketPage {
    items: Vec<TicketJson>,
    next_cursor: Option<String>,
    /// How many tickets of each status match the filters other than `status`.
    counts: BTreeMap<String, i64>,
}

impl Query {
    pub(crate) fn filter(&self, caller: &AuthUser) -> Result<TicketFilter, ApiError> {
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
            search: Search::parse(given(&self.q))?,
            statuses,
            category: query::category(&self.category)?,
            commune: query::commune(&self.commune)?,
            unit: given(&self.unit).map(str::to_owned),
            overdue,
            due_before,
            assignee,
            after: query::cursor(&self.cursor)?,
            limit: query::limit(&self.limit)?,
            photos: true,
        })
    }
}

errors!(ListTicketsErrors = [TOKEN, &[Forbidden], QUERY, &[InvalidCursor], SERVER]);

/// `GET /api/v1/tickets`: the caller's inbox (their unit's tickets, or the whole city for IOC
/// operators and administrators), most pressing deadline first.
#[utoipa::path(
    get,
    path = "/api/v1/tickets",
    operation_id = "list_tickets",
    tag = "tickets",
    summary = "The ticket inbox",
    description = "Staff only (officers, unit managers, IOC operators, administrators; residents \
        get `403 forbidden`): the caller's unit's tickets, or the whole city for IOC operators \
        and administrators, most pressing deadline first, keyset-paginated. `counts` counts \
        every ticket matching the filters other than `status`.",
    params(Query),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of tickets", body = TicketPage),
        ListTicketsErrors,
    ),
)]
pub async fn list(
    state: web::Data<AppState>,
    caller: AuthUser,
    query: web::Query<Query>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    // A resident is refused before any parameter is read (the use case asks again).
    actor.ticket_scope()?;
    let filter = query.filter(&caller)?;
    let now = Utc::now();
    let page = state
        .run(move |app| app.tickets(&actor, &filter, now))
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
