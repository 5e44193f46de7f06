use actix_web::{HttpResponse, web};
use uuid::Uuid;

use crate::auth::MaybeAuthUser;
use crate::error::ApiError;
use crate::state::AppState;
use crate::views::report_for;

/// `GET /api/v1/reports/{id}`: the reporter sees their report in full, anyone else the public view.
pub async fn get(
    state: web::Data<AppState>,
    caller: MaybeAuthUser,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let view = state
        .db(move |conn| hientruong_db::reports::get(conn, id))
        .await?;
    Ok(HttpResponse::Ok().json(report_for(view, caller.0.map(|u| u.id))))
}
