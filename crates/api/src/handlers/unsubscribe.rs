//! `/api/v1/unsubscribe/{token}`: the one-click unsubscribe link of every email about reports
//! (RFC 8058). Mail programs `POST` to it; a person who opens it gets a page with one button,
//! since a `GET` must change nothing (link checkers open every link of a message).

use actix_web::{HttpResponse, http::header, web};
use uuid::Uuid;

use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

errors!(UnsubscribeErrors = [PATH, SERVER]);

#[utoipa::path(
    post,
    path = "/api/v1/unsubscribe/{token}",
    operation_id = "unsubscribe_email",
    tag = "notifications",
    summary = "Stop email about reports (one click)",
    description = "The `List-Unsubscribe` link of every email about a report, with \
        `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058): turns off the \
        account's email `updates` and `alerts` (`/me/preferences`); messages about the account \
        itself (codes) still come. Any body is ignored. `404` for a token that is nobody's.",
    params(("token" = Uuid, Path, description = "The account's unsubscribe token")),
    responses((status = 200, description = "No more email about reports", content_type = "text/html"), UnsubscribeErrors),
)]
pub async fn post(
    state: web::Data<AppState>,
    token: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let token = token.into_inner();
    state.run(move |app| app.unsubscribe_email(token)).await?;
    Ok(page(
        "Bạn sẽ không nhận email về phản ánh nữa. / You will get no more email about reports.",
        None,
    ))
}

#[utoipa::path(
    get,
    path = "/api/v1/unsubscribe/{token}",
    operation_id = "unsubscribe_email_page",
    tag = "notifications",
    summary = "The unsubscribe link opened in a browser",
    description = "A page with one button that posts to the same address. Changes nothing.",
    params(("token" = Uuid, Path, description = "The account's unsubscribe token")),
    responses((status = 200, description = "The page", content_type = "text/html"), UnsubscribeErrors),
)]
pub async fn get(token: web::Path<Uuid>) -> HttpResponse {
    page(
        "Ngừng nhận email về phản ánh? / Stop email about reports?",
        Some(&token.into_inner()),
    )
}

/// A small page in both languages; with a token, the form that unsubscribes.
fn page(message: &str, token: Option<&Uuid>) -> HttpResponse {
    let form = token
        .map(|t| {
            format!(
                "<form method=\"post\" action=\"{t}\"><button type=\"submit\">\
                 Ngừng nhận / Unsubscribe</button></form>"
            )
        })
        .unwrap_or_default();
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .content_type("text/html; charset=utf-8")
        .body(format!(
            "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width\">\
             <title>Hiện Trường</title></head><body><main><h1>Hiện Trường</h1>\
             <p>{message}</p>{form}</main></body></html>"
        ))
}
