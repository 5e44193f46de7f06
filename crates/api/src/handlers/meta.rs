//! `GET /api/v1/openapi.json`: the OpenAPI document, made once by the route table
//! (`routes::api_document`) and handed to this handler as application data, so that the handler
//! depends on neither the table nor the document's construction.

use actix_web::{HttpResponse, web};

/// The document as JSON.
pub struct Document(pub &'static str);

/// `GET /api/v1/openapi.json`: this document.
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    operation_id = "openapi",
    tag = "meta",
    summary = "This document",
    description = "The OpenAPI 3.1 document of `/api/v1`. Public.",
    responses((status = 200, description = "The document", body = Object)),
)]
pub async fn serve(document: web::Data<Document>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(document.0)
}
