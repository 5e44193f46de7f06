//! Answers for files whose name is derived from their content (photo variants, the web app's
//! assets): they never change, so clients keep them for a year and revalidate by `ETag`.

use actix_web::http::header::{self, EntityTag, IfNoneMatch};
use actix_web::{HttpMessage, HttpRequest, HttpResponse};

const CACHE: (header::HeaderName, &str) =
    (header::CACHE_CONTROL, "public, max-age=31536000, immutable");

/// `304 Not Modified` when the client already holds the file tagged `tag`.
pub fn not_modified(req: &HttpRequest, tag: &EntityTag) -> Option<HttpResponse> {
    let fresh = match req.get_header::<IfNoneMatch>() {
        Some(IfNoneMatch::Any) => true,
        Some(IfNoneMatch::Items(tags)) => tags.iter().any(|t| t.weak_eq(tag)),
        None => false,
    };
    fresh.then(|| {
        HttpResponse::NotModified()
            .insert_header((header::ETAG, tag.to_string()))
            .insert_header(CACHE)
            .finish()
    })
}

/// `200` with the file, its tag and the caching headers.
pub fn file(tag: &EntityTag, content_type: &str, body: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((header::ETAG, tag.to_string()))
        .insert_header(CACHE)
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .body(body)
}
