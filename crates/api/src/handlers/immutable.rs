//! Answers for files whose name is derived from their content (photo variants, the web app's
//! assets): their content never changes, so they are tagged by it and revalidated by `ETag`.
//! The web app's assets are kept for a year ([`FOREVER`]); photo variants for minutes
//! ([`BRIEFLY`]), since moderators may hide a photo and its variants must then disappear.

use actix_web::http::header::{self, EntityTag, IfNoneMatch};
use actix_web::{HttpMessage, HttpRequest, HttpResponse};

/// Kept for good: nothing can withdraw it.
pub const FOREVER: &str = "public, max-age=31536000, immutable";
/// Kept five minutes, then revalidated (a `304` while it is still served).
pub const BRIEFLY: &str = "public, max-age=300";

/// `304 Not Modified` when the client already holds the file tagged `tag`.
pub fn not_modified(
    req: &HttpRequest,
    tag: &EntityTag,
    cache: &'static str,
) -> Option<HttpResponse> {
    let fresh = match req.get_header::<IfNoneMatch>() {
        Some(IfNoneMatch::Any) => true,
        Some(IfNoneMatch::Items(tags)) => tags.iter().any(|t| t.weak_eq(tag)),
        None => false,
    };
    fresh.then(|| {
        HttpResponse::NotModified()
            .insert_header((header::ETAG, tag.to_string()))
            .insert_header((header::CACHE_CONTROL, cache))
            .finish()
    })
}

/// `200` with the file, its tag and the caching headers.
pub fn file(
    tag: &EntityTag,
    content_type: &str,
    body: Vec<u8>,
    cache: &'static str,
) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((header::ETAG, tag.to_string()))
        .insert_header((header::CACHE_CONTROL, cache))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .body(body)
}
