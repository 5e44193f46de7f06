//! `GET /api/v1/categories`

use actix_web::{HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;
use crate::views::Items;

/// A report category, for the app's picker.
#[derive(Serialize, ToSchema)]
#[schema(as = CategoryItem)]
pub struct Item {
    code: String,
    name: String,
    name_en: String,
    /// Urgent categories run on the wall clock.
    urgent: bool,
}

errors!(ListCategoriesErrors = [SERVER]);

/// `GET /api/v1/categories`: the active categories.
#[utoipa::path(
    get,
    path = "/api/v1/categories",
    operation_id = "list_categories",
    tag = "reference",
    summary = "The report categories",
    description = "The active categories, in display order. Public.",
    responses(
        (status = 200, description = "The categories", body = Items<Item>),
        ListCategoriesErrors,
    ),
)]
pub async fn list(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let categories = state.run(|app| app.categories()).await?;
    let items: Vec<Item> = categories
        .into_iter()
        .map(|c| Item {
            code: c.code,
            name: c.name_vi,
            name_en: c.name_en,
            urgent: c.urgent,
        })
        .collect();
    Ok(HttpResponse::Ok().json(Items { items }))
}
