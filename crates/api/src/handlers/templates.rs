//! A unit's response templates: ready answers officers start from.

use actix_web::{HttpResponse, web};
use hientruong_db::admin::Template;
use hientruong_domain::Error;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::handlers::query::{UnitQuery, invalid};
use crate::state::AppState;
use crate::views::Items;

/// The unit asked for, or the caller's own.
fn unit_of(caller: &AuthUser, asked: Option<&str>) -> Result<String, ApiError> {
    asked
        .map(str::to_owned)
        .or_else(|| caller.unit.clone())
        .ok_or_else(|| invalid("unit is required for city-wide roles"))
}

errors!(ListTemplatesErrors = [TOKEN, &[Forbidden], QUERY, SERVER]);

/// `GET /api/v1/templates[?unit=CODE]`
#[utoipa::path(
    get,
    path = "/api/v1/templates",
    operation_id = "list_templates",
    tag = "tickets",
    summary = "A unit's response templates",
    description = "By title. Officers and managers read their own unit's (`unit` may be left \
        out); IOC operators and administrators, who have no unit, name one with `unit` \
        (`400 invalid_query` otherwise). Residents get `403 forbidden`.",
    params(UnitQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The templates", body = Items<Template>),
        ListTemplatesErrors,
    ),
)]
pub async fn list(
    state: web::Data<AppState>,
    caller: AuthUser,
    query: web::Query<UnitQuery>,
) -> Result<HttpResponse, ApiError> {
    let unit = unit_of(&caller, query.unit())?;
    caller.actor().check_read_templates(&unit)?;
    let templates = state
        .db(move |conn| Ok(hientruong_db::admin::templates(conn, &unit)?))
        .await?;
    Ok(HttpResponse::Ok().json(Items { items: templates }))
}

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
    caller.actor().check_write_templates(&unit)?;
    let author = caller.id;
    let template = state
        .db(move |conn| {
            hientruong_db::admin::add_template(conn, &unit, &body.title, &body.body, author)
        })
        .await?;
    Ok(HttpResponse::Created().json(template))
}

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
        .db(move |conn| {
            let template = hientruong_db::admin::template(conn, id)?;
            actor
                .check_write_templates(&template.unit_code)
                .map_err(|_| Error::NotFound)?;
            hientruong_db::admin::delete_template(conn, id)?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
