//! `GET /open311/v2/tokens/{token}.{format}`

use actix_web::{HttpRequest, HttpResponse, web};
use hientruong_domain::Error;
use serde_json::json;

use super::path_uuid;
use crate::handlers::open311::Call;

use crate::error::ApiError;
use crate::state::AppState;

/// `GET /open311/v2/tokens/{token}.{xml,json}`: the request a token stands for. Requests are
/// created at once, so a posting's token always has its request.
pub async fn token(
    state: web::Data<AppState>,
    call: Call,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let token = path_uuid(&req, "token")?;
    let id = state
        .run(move |app| app.request_of_token(token))
        .await?
        .ok_or(ApiError::new(Error::NotFound))?;
    let body = json!([{"service_request_id": id.to_string(), "token": token.to_string()}]);
    Ok(call.ok("service_requests", &body))
}
