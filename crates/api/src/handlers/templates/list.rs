//! `GET /api/v1/templates[?unit=CODE]`

use actix_web::{HttpResponse, web};
use hientruong_db::admin::Template;

use super::unit_of;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::handlers::query::UnitQuery;
use crate::state::AppState;
use crate::views::Items;

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
    let actor = caller.actor();
    let templates = state.run(move |app| app.templates(&actor, &unit)).await?;
    Ok(HttpResponse::Ok().json(Items { items: templates }))
}
