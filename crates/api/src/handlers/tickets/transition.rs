use actix_web::{HttpResponse, web};
use chrono::Utc;
use hientruong_domain::ticket::TransitionRequest;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;
use crate::views::tickets::{TicketDetailJson, ticket_detail_json};

errors!(
    TransitionTicketErrors = [
        TOKEN,
        &[Forbidden],
        PATH,
        BODY,
        &[
            UnknownAction,
            TransitionNotAllowed,
            NoteRequired,
            PublicAnswerRequired,
            TextTooLong,
            UnknownUnit,
            SameUnit,
            InvalidDuplicate,
            InvalidAssignee,
            ResolutionPhotoRequired
        ],
        SERVER
    ]
);

/// `POST /api/v1/tickets/{id}/transitions`: `{"action", "note"?, "public_answer"?, "to_unit"?,
/// "duplicate_of"?, "assignee"?}`. Answers with the ticket as it is now.
#[utoipa::path(
    post,
    path = "/api/v1/tickets/{id}/transitions",
    operation_id = "transition_ticket",
    tag = "tickets",
    summary = "Act on a ticket",
    description = "Staff only; what each role may do is in docs/tickets.md (`403 forbidden` \
        otherwise). `transfer` needs `to_unit` and `note`, `reject` `public_answer`, \
        `mark_duplicate` `duplicate_of`, `reopen` `note`, `assign` `assignee`, `comment` `note` \
        and/or `public_answer`. An action the state does not allow is \
        `409 transition_not_allowed`.",
    params(("id" = Uuid, Path, description = "The ticket's (report's) id")),
    request_body = TransitionRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The ticket as it is now", body = TicketDetailJson),
        TransitionTicketErrors,
    ),
)]
pub async fn transition(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<Uuid>,
    body: web::Json<TransitionRequest>,
) -> Result<HttpResponse, ApiError> {
    let transition = body.validate()?;
    let actor = caller.actor();
    let id = id.into_inner();
    let acting = actor.clone();
    let detail = state
        .db(move |conn| {
            hientruong_db::tickets::transition(conn, &acting, id, &transition, Utc::now())?;
            // Authorised a moment ago; after a transfer the ticket is no longer the caller's, yet
            // they see the result of what they did.
            hientruong_db::tickets::get(conn, id)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ticket_detail_json(detail, &actor, Utc::now())))
}
