//! `GET /open311/v2/services/{code}.{format}`: a service's definition (its questions).

use actix_web::{HttpResponse, web};
use serde_json::{Value, json};

use super::Call;
use crate::error::ApiError;
use crate::state::AppState;

/// `GET /open311/v2/services/{service_code}.{xml,json}`: a category's extra questions.
pub async fn definition(
    state: web::Data<AppState>,
    call: Call,
    code: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let code = code.into_inner().0;
    let questions = {
        let code = code.clone();
        state.run(move |app| app.questions(&code, false)).await?
    };
    let attributes: Vec<Value> = questions
        .iter()
        .map(|q| {
            let values: Vec<Value> = q
                .choices()
                .into_iter()
                .map(|(key, vi, en)| json!({"key": key, "name": call.name(&vi, &en)}))
                .collect();
            json!({
                "variable": true,
                "code": q.code,
                "datatype": q.datatype,
                "required": q.required,
                "datatype_description": null,
                "order": q.sort_order,
                "description": call.name(&q.description_vi, &q.description_en),
                "values": values,
            })
        })
        .collect();
    let body = json!({"service_code": code, "attributes": attributes});
    Ok(call.ok("service_definition", &body))
}
