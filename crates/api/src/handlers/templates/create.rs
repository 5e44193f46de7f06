//! `POST /api/v1/templates`

use actix_web::{HttpResponse, web};
use hientruong_db::admin::Template;
use serde::Deserialize;
use utoipa::ToSchema;

use super::unit_of;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[schema(as = TemplateRequest)]
#[serde(deny_unknown_fields)]
pub struct CreateBody {
    /// Default: the caller's unit (administrators must name one).
    #[serde(default)]
    unit: Option<String>,
    /// At most 200 characters.
    #[schema(min_length = 1, max_length = 200)]
    title: String,
    /// At most 4000 characters.
    #[schema(min_length = 1, max_length = 4000)]
    body: String,
}

errors!(
    CreateTemplateErrors = [
        TOKEN,
        &[Forbidden],
        BODY,
        &[InvalidQuery, InvalidTemplate, UnknownUnit],
        SERVER
    ]
);

/// `POST /api/v1/templates`: the unit's manager (or an administrator) adds a template.
#[utoipa::path(
    post,
    path = "/api/v1/templates",
    operation_id = "create_template",
    tag = "tickets",
    summary = "Add a response template",
    description = "The unit's manager, or an administrator (`403 forbidden` otherwise).",
    request_body = CreateBody,
    security(("bearer" = [])),
    responses((status = 201, description = "The template", body = Template), CreateTemplateErrors),
)]
pub async fn create(
    state: web::Data<AppState>,
    caller: AuthUser,
    body: web::Json<CreateBody>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let unit = unit_of(&caller, body.unit.as_deref())?;
    let actor = caller.actor();
    let template = state
        .run(move |app| app.add_template(&actor, &unit, &body.title, &body.body))
        .await?;
    Ok(HttpResponse::Created().json(template))
}
