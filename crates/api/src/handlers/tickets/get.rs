use actix_web::{HttpResponse, web};
use chrono::Utc;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;
use crate::views::tickets::{TicketDetailJson, ticket_detail_json};

errors!(GetTicketErrors = [TOKEN, &[Forbidden], PATH, SERVER]);

/// `GET /api/v1/tickets/{id}`: one ticket with its photos, events and rating, as the caller may
/// see it (`not_found` for a ticket outside their reach).
#[utoipa::path(
    get,
    path = "/api/v1/tickets/{id}",
    operation_id = "get_ticket",
    tag = "tickets",
    summary = "One ticket",
    description = "Staff only: the ticket with its events (internal ones included), rating and \
        the actions the caller may take now; the reporter's identity for IOC operators and \
        administrators only. A ticket outside the caller's reach is `404 not_found`.",
    params(("id" = Uuid, Path, description = "The ticket's (report's) id")),
    security(("bearer" = [])),
    responses((status = 200, description = "The ticket", body = TicketDetailJson), GetTicketErrors),
)]
pub async fn get(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let id = id.into_inner();
    let lookup = actor.clone();
    let detail = state
        .db(move |conn| hientruong_db::tickets::get_for(conn, &lookup, id))
        .await?;
    Ok(HttpResponse::Ok().json(ticket_detail_json(detail, &actor, Utc::now())))
}
