//! `DELETE /api/v1/me/sessions`: log out everywhere.

use actix_web::{HttpResponse, web};

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

errors!(EndSessionsErrors = [TOKEN, SERVER]);

/// `DELETE /api/v1/me/sessions`: ends every session of the caller's account.
#[utoipa::path(
    delete,
    path = "/api/v1/me/sessions",
    operation_id = "end_sessions",
    tag = "accounts",
    summary = "Log out everywhere",
    description = "Ends every session of the account on every device, this one included: its \
        refresh tokens are revoked and its access tokens refused (`401 invalid_token`) from now \
        on.",
    security(("bearer" = [])),
    responses((status = 204, description = "Every session has ended"), EndSessionsErrors),
)]
pub async fn end(state: web::Data<AppState>, caller: AuthUser) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    state.run(move |app| app.end_sessions(&actor)).await?;
    Ok(HttpResponse::NoContent().finish())
}
