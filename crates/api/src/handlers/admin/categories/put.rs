//! `PUT /api/v1/admin/categories/{code}`

use actix_web::{HttpResponse, web};
use hientruong_db::admin::CategoryInput;
use hientruong_db::models::Category;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

errors!(PutCategoryErrors = [ADMIN, PATH, BODY, &[InvalidDefinition], SERVER]);

/// `PUT /api/v1/admin/categories/{code}`: create or update a category.
#[utoipa::path(
    put,
    path = "/api/v1/admin/categories/{code}",
    operation_id = "put_category",
    tag = "administration",
    summary = "Create or update a category",
    description = "The code: lower-case letters, digits and hyphens. Administrators only (`403 forbidden` otherwise).",
    params(("code" = String, Path, description = "The category's code", pattern = "^[a-z][a-z0-9_]{1,63}$")),
    request_body = CategoryInput,
    security(("bearer" = [])),
    responses((status = 200, description = "The category", body = Category), PutCategoryErrors),
)]
pub async fn put(
    state: web::Data<AppState>,
    caller: AuthUser,
    code: web::Path<String>,
    body: web::Json<CategoryInput>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let (code, body) = (code.into_inner(), body.into_inner());
    let category = state
        .run(move |app| app.put_category(&actor, &code, &body))
        .await?;
    Ok(HttpResponse::Ok().json(category))
}
