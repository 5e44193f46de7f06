//! `DELETE /api/v1/templates/{id}`

use actix_web::{HttpResponse, web};
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

errors!(DeleteTemplateErrors = [TOKEN, PATH, SERVER]);

/// `DELETE /api/v1/templates/{id}`
#[utoipa::path(
    delete,
    path = "/api/v1/templates/{id}",
    operation_id = "delete_template",
    tag = "tickets",
    summary = "Delete a response template",
    description = "The unit's manager, or an administrator; a template they may not change is \
        `404 not_found`.",
    params(("id" = Uuid, Path, description = "The template's id")),
    security(("bearer" = [])),
    responses((status = 204, description = "Deleted"), DeleteTemplateErrors),
)]
pub async fn delete(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let actor = caller.actor();
    state
        .run(move |app| app.delete_template(&actor, id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
