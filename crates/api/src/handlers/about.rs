use actix_web::HttpResponse;
use actix_web::http::header::ContentType;

const PAGE: &str = include_str!("../../../../web/public/index.html");

/// `GET /`: what this service is, where its API starts, and the attribution of its data.
pub async fn index() -> HttpResponse {
    HttpResponse::Ok()
        .content_type(ContentType::html())
        .body(PAGE)
}
