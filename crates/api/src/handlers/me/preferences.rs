//! `GET` and `PUT /api/v1/me/preferences`: what reaches the caller by push and by email.

use actix_web::{HttpResponse, web};
use hientruong_domain::push::Preferences;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

errors!(PreferencesErrors = [TOKEN, SERVER]);

#[utoipa::path(
    get,
    path = "/api/v1/me/preferences",
    operation_id = "my_preferences",
    tag = "notifications",
    summary = "What reaches the caller by which channel",
    description = "Per channel (`push`, `email`): `updates` (news of the reports the caller \
        made or supports) and `alerts` (new reports in their alert areas). Everything is on \
        until the caller chooses; the list in the app always has everything. Email reaches \
        only an email login.",
    security(("bearer" = [])),
    responses((status = 200, description = "The caller's choice", body = Preferences), PreferencesErrors),
)]
pub async fn get(state: web::Data<AppState>, caller: AuthUser) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let p = state.run(move |app| app.preferences(&actor)).await?;
    Ok(HttpResponse::Ok().json(p))
}

errors!(SetPreferencesErrors = [TOKEN, BODY, SERVER]);

#[utoipa::path(
    put,
    path = "/api/v1/me/preferences",
    operation_id = "set_my_preferences",
    tag = "notifications",
    summary = "Choose what reaches the caller by which channel",
    description = "The whole choice, every field given. Answers it as stored.",
    request_body = Preferences,
    security(("bearer" = [])),
    responses((status = 200, description = "The caller's choice", body = Preferences), SetPreferencesErrors),
)]
pub async fn put(
    state: web::Data<AppState>,
    caller: AuthUser,
    body: web::Json<Preferences>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let p = body.into_inner();
    let stored = state
        .run(move |app| app.set_preferences(&actor, &p))
        .await?;
    Ok(HttpResponse::Ok().json(stored))
}
