//! `POST /api/v1/admin/reports/{id}/hide` and `.../unhide`

use actix_web::{HttpResponse, web};
use hientruong_db::moderation::Target;
use hientruong_domain::Error;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::admin::ModerationErrors;
use crate::handlers::errors::errors;
use crate::state::AppState;

/// What to hide (or show again).
#[derive(Deserialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum What {
    Text,
    Photo,
}

#[derive(Deserialize, ToSchema)]
#[schema(as = HideRequest)]
#[serde(deny_unknown_fields)]
pub struct Body {
    what: What,
    /// The photo, with `what: photo`.
    photo_id: Option<Uuid>,
    /// Why (at most 500 characters): abusive, personal data of a third party, a face or a plate.
    /// Required to hide; ignored to show again.
    #[serde(default)]
    reason: Option<String>,
}

impl Body {
    fn target(&self) -> Result<Target, ApiError> {
        match (self.what, self.photo_id) {
            (What::Text, None) => Ok(Target::Text),
            (What::Photo, Some(id)) => Ok(Target::Photo(id)),
            _ => Err(ApiError::new(Error::InvalidJson)
                .with_detail("photo_id goes with what: photo, and only with it")),
        }
    }
}

/// `POST /api/v1/admin/reports/{id}/hide`
#[utoipa::path(
    post,
    path = "/api/v1/admin/reports/{id}/hide",
    operation_id = "hide_report_content",
    tag = "administration",
    summary = "Hide a report's text or a photo from the public",
    description = "IOC operators and administrators (`403 forbidden` otherwise) hide what should \
        not be public: abuse, personal data of a third party, a face or a plate. At once, the \
        public views, Open311 and the photo's variants (`404`; they are cached five minutes at \
        most) stop showing it; the text reads empty with `text_hidden: true`. The original is \
        kept: the reporter and staff see it, flagged. Reversible with `unhide`; hiding twice \
        changes nothing.",
    params(("id" = Uuid, Path, description = "The report's id")),
    request_body = Body,
    security(("bearer" = [])),
    responses((status = 204, description = "Hidden"), ModerationErrors),
)]
pub async fn hide(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<Uuid>,
    body: web::Json<Body>,
) -> Result<HttpResponse, ApiError> {
    moderate(&state, &caller, id.into_inner(), body.into_inner(), true).await
}

/// Hides (`hide`) or shows again what `body` names.
async fn moderate(
    state: &AppState,
    caller: &AuthUser,
    id: Uuid,
    body: Body,
    hide: bool,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let target = body.target()?;
    let reason = body.reason.unwrap_or_default();
    state
        .run(move |app| match hide {
            true => app.hide(&actor, id, target, &reason),
            false => app.unhide(&actor, id, target),
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

errors!(UnhideErrors = [TOKEN, &[Forbidden], PATH, BODY, SERVER]);

/// `POST /api/v1/admin/reports/{id}/unhide`
#[utoipa::path(
    post,
    path = "/api/v1/admin/reports/{id}/unhide",
    operation_id = "unhide_report_content",
    tag = "administration",
    summary = "Show a hidden text or photo again",
    description = "IOC operators and administrators; what was not hidden is no error.",
    params(("id" = Uuid, Path, description = "The report's id")),
    request_body = Body,
    security(("bearer" = [])),
    responses((status = 204, description = "Shown again"), UnhideErrors),
)]
pub async fn unhide(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<Uuid>,
    body: web::Json<Body>,
) -> Result<HttpResponse, ApiError> {
    moderate(&state, &caller, id.into_inner(), body.into_inner(), false).await
}
