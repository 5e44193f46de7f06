//! A unit's response templates: ready answers officers start from.

use actix_web::{HttpResponse, web};
use hientruong_domain::Error;
use serde::Deserialize;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::query::{UnitQuery, invalid};
use crate::state::AppState;

/// The unit asked for, or the caller's own.
fn unit_of(caller: &AuthUser, asked: Option<&str>) -> Result<String, ApiError> {
    asked
        .map(str::to_owned)
        .or_else(|| caller.unit.clone())
        .ok_or_else(|| invalid("unit is required for city-wide roles"))
}

/// `GET /api/v1/templates[?unit=CODE]`
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
    Ok(HttpResponse::Ok().json(serde_json::json!({ "items": templates })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateBody {
    #[serde(default)]
    unit: Option<String>,
    title: String,
    body: String,
}

/// `POST /api/v1/templates`: the unit's manager (or an administrator) adds a template.
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

/// `DELETE /api/v1/templates/{id}`
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
