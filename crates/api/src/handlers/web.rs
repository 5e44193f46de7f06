//! The officer and IOC web app (`web/`), built by `npm run build` into `web/dist` and compiled into
//! release binaries (debug builds read the directory at run time, so a rebuilt app shows at once).
//! `/` is the app's page; `/assets/…` are its scripts, styles and images, whose names carry a hash
//! of their content and are therefore cached for good.

use actix_web::http::header::{self, ContentType, EntityTag};
use actix_web::{HttpRequest, HttpResponse, web};
use rust_embed::RustEmbed;

use crate::handlers::immutable;

#[derive(RustEmbed)]
#[folder = "../../web/dist"]
struct Dist;

/// What the page may load: only this origin, inline styles (the map and chart libraries position
/// elements with them), and images from photos made in the browser (`blob:`/`data:`).
const CSP: &str = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; \
                   connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const NOT_BUILT: &str = "<!doctype html><meta charset=utf-8><title>Hiện Trường</title>\
<p>Ứng dụng web chưa được dựng. The web app is not built: run <code>npm ci && npm run build</code> \
in <code>web/</code> (the README's run command does).";

/// `GET /`: the app's page. Never cached, so a new release is picked up on the next visit.
pub async fn index() -> HttpResponse {
    match Dist::get("index.html") {
        Some(file) => HttpResponse::Ok()
            .content_type(ContentType::html())
            .insert_header((header::CACHE_CONTROL, "no-cache"))
            .insert_header((header::CONTENT_SECURITY_POLICY, CSP))
            .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
            .insert_header((header::REFERRER_POLICY, "same-origin"))
            .body(file.data.into_owned()),
        None => HttpResponse::ServiceUnavailable()
            .content_type(ContentType::html())
            .body(NOT_BUILT),
    }
}

/// `GET /assets/{file}`: a file of the built app, with an `ETag` from its content.
pub async fn asset(req: HttpRequest, file: web::Path<String>) -> HttpResponse {
    let Some(found) = Dist::get(&format!("assets/{file}")) else {
        return HttpResponse::NotFound().finish();
    };
    let tag = EntityTag::new_strong(hex(&found.metadata.sha256_hash()[..16]));
    if let Some(answer) = immutable::not_modified(&req, &tag) {
        return answer;
    }
    immutable::file(&tag, found.metadata.mimetype(), found.data.into_owned())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
