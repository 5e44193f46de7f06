//! `GET /api/v1/units`

use actix_web::{HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;
use crate::views::Items;

/// A handling unit, without its mailbox.
#[derive(Serialize, ToSchema)]
#[schema(as = UnitItem)]
pub struct Unit {
    code: String,
    /// `commune_committee`, `department` or `ioc`.
    kind: String,
    name: String,
    name_en: String,
    /// A commune's People's Committee: its commune.
    commune: Option<String>,
}

errors!(ListUnitsErrors = [SERVER]);

/// `GET /api/v1/units`: the active handling units (the targets of a transfer, the rows of the
/// league table), without their mailboxes.
#[utoipa::path(
    get,
    path = "/api/v1/units",
    operation_id = "list_units",
    tag = "reference",
    summary = "The handling units",
    description = "The active handling units (departments, and each commune's People's Committee \
        with its `commune`), for transfers and the league table. Public.",
    responses((status = 200, description = "The units", body = Items<Unit>), ListUnitsErrors),
)]
pub async fn list(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let units = state.run(|app| app.active_units()).await?;
    let items: Vec<Unit> = units
        .into_iter()
        .map(|u| Unit {
            code: u.code,
            kind: u.kind,
            name: u.name_vi,
            name_en: u.name_en,
            commune: u.commune_code,
        })
        .collect();
    Ok(HttpResponse::Ok().json(Items { items }))
}
