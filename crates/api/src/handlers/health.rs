use actix_web::{HttpResponse, web};

use crate::error::ApiError;
use crate::state::AppState;

/// The process is alive and answering.
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({"status": "ok"}))
}

/// The database answers a query: the instance can serve traffic.
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    state.run(|app| app.ready()).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({"status": "ready"})))
}
