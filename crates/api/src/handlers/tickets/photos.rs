use actix_multipart::Multipart;
use actix_web::{HttpRequest, HttpResponse, web};
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::handlers::reports::photos::upload_one;
use crate::state::AppState;

errors!(
    AddTicketPhotoErrors = [
        TOKEN,
        &[Forbidden],
        PATH,
        UPLOAD,
        &[TransitionNotAllowed, PhotoTooFar, ReportClosed],
        SERVER
    ]
);

/// `POST /api/v1/tickets/{id}/photos`: an officer adds an "after" photo (multipart part `photo`,
/// with an `Idempotency-Key`) to a ticket being handled. A photo with a GPS position must have
/// been taken within 200 m of the report.
#[utoipa::path(
    post,
    path = "/api/v1/tickets/{id}/photos",
    operation_id = "add_ticket_photo",
    tag = "tickets",
    summary = "Add an \"after\" photo to a ticket",
    description = "Officers and managers of the ticket's unit (and administrators), while it is \
        accepted or in progress: one part `photo` with its own `Idempotency-Key`. A photo with a \
        GPS position must have been taken within 200 m of the report.",
    params(
        ("id" = Uuid, Path, description = "The ticket's (report's) id"),
        ("Idempotency-Key" = Uuid, Header, description = "A UUID per photo"),
    ),
    request_body(content = crate::multipart::PhotoForm, content_type = "multipart/form-data"),
    security(("bearer" = [])),
    responses((
        status = 201,
        description = "The photo",
        body = crate::views::PhotoJson,
        headers(("Idempotent-Replayed" = bool, description = "`true` when this answers a retry")),
    ), AddTicketPhotoErrors),
)]
pub async fn add(
    state: web::Data<AppState>,
    caller: AuthUser,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: Multipart,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let report_id = id.into_inner();
    // Refuse before reading the upload when the caller may not add photos to this ticket now.
    let check = actor.clone();
    state
        .run(move |app| app.may_add_resolution_photo(&check, report_id))
        .await?;
    upload_one(&state, &req, actor.id, body, move |app, photo| {
        app.add_resolution_photo(&actor, report_id, photo)
    })
    .await
}
