//! `GET /open311/v2/services.{format}`: the services (the categories).

use actix_web::{HttpResponse, web};
use serde_json::{Value, json};

use super::Call;
use crate::error::ApiError;
use crate::state::AppState;

/// `GET /open311/v2/services.{xml,json}`: the active categories with their groups; `metadata` says
/// whether a category has extra questions.
pub async fn list(state: web::Data<AppState>, call: Call) -> Result<HttpResponse, ApiError> {
    let services = state.run(|app| app.services()).await?;
    let body: Vec<Value> = services
        .iter()
        .map(|s| {
            let name = call.name(&s.name_vi, &s.name_en);
            json!({
                "service_code": s.code,
                "service_name": name,
                "description": name,
                "metadata": s.has_questions,
                "type": "realtime",
                "keywords": format!("{}, {}", s.name_vi, s.name_en),
                "group": call.name(&s.group_vi, &s.group_en),
            })
        })
        .collect();
    Ok(call.ok("services", &Value::Array(body)))
}
