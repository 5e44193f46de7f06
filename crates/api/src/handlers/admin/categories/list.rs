//! `GET /api/v1/admin/categories`

use actix_web::{HttpResponse, web};
use hientruong_db::models::Category;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

errors!(AdminCategoriesErrors = [ADMIN, SERVER]);

/// `GET /api/v1/admin/categories`: all categories, inactive ones included.
#[utoipa::path(
    get,
    path = "/api/v1/admin/categories",
    operation_id = "admin_categories",
    tag = "administration",
    summary = "All categories",
    description = "Inactive ones included. Administrators only (`403 forbidden` otherwise).",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The categories", body = Vec<Category>),
        AdminCategoriesErrors,
    ),
)]
pub async fn list(state: web::Data<AppState>, caller: AuthUser) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let categories = state.run(move |app| app.all_categories(&actor)).await?;
    Ok(HttpResponse::Ok().json(categories))
}
