//! `GET /open311/v2/requests/{id}.{format}`

use actix_web::{HttpRequest, HttpResponse, web};

use super::{path_uuid, requests_reply};
use crate::handlers::open311::Call;

use crate::error::ApiError;
use crate::state::AppState;

/// `GET /open311/v2/requests/{service_request_id}.{xml,json}`: a list of one.
pub async fn one(
    state: web::Data<AppState>,
    call: Call,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let id = path_uuid(&req, "id")?;
    let view = state.run(move |app| app.service_request(id)).await?;
    Ok(requests_reply(&call, &[view]))
}
