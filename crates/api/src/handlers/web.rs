//! The web apps (`web/`), built by `npm run build` into `web/dist` and compiled into release
//! binaries (debug builds read the directory at run time, so a rebuilt app shows at once):
//!
//! - `/`: the residents' app (an installable PWA), with its service worker `/sw.js` and its
//!   manifest `/manifest.webmanifest`;
//! - `/staff/`: the officers' inbox and the IOC dashboard;
//! - `/assets/…`: their scripts, styles and images, whose names carry a hash of their content and
//!   are therefore cached for good; sent precompressed (Brotli or gzip) when the client takes it.

use actix_web::http::header::{self, ContentType, EntityTag};
use actix_web::{HttpRequest, HttpResponse, web};
use rust_embed::RustEmbed;

use crate::handlers::immutable;
use crate::state::{AppState, TileSource};

#[derive(RustEmbed)]
#[folder = "../../web/dist"]
struct Dist;

const NOT_BUILT: &str = "<!doctype html><meta charset=utf-8><title>Hiện Trường</title>\
<p>Ứng dụng web chưa được dựng. The web app is not built: run <code>npm ci && npm run build</code> \
in <code>web/</code> (the README's run command does).";

/// What the pages may load: only this origin, inline styles (the map and chart libraries position
/// elements with them), images from photos made in the browser (`blob:`/`data:`), and the base
/// map's tiles from their one origin.
fn policy(tiles: Option<&TileSource>) -> String {
    let tile_origin = tiles
        .map(|t| format!(" {}", t.origin()))
        .unwrap_or_default();
    format!(
        "default-src 'self'; img-src 'self' data: blob:{tile_origin}; style-src 'self' 'unsafe-inline'; \
         connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// `text` for an HTML attribute value.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A page of `dist/`, with the base map's settings filled in. Never cached by HTTP, so a new
/// release is picked up on the next visit (the residents' service worker keeps its own copy).
fn page(state: &AppState, name: &str) -> HttpResponse {
    let Some(file) = Dist::get(name) else {
        return HttpResponse::ServiceUnavailable()
            .content_type(ContentType::html())
            .body(NOT_BUILT);
    };
    let tiles = state.settings.tiles.as_ref();
    let html = String::from_utf8_lossy(&file.data)
        .replace("{{tile_url}}", &escape(tiles.map_or("", |t| &t.url)))
        .replace(
            "{{tile_attribution}}",
            &escape(tiles.map_or("", |t| &t.attribution)),
        );
    HttpResponse::Ok()
        .content_type(ContentType::html())
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .insert_header((header::CONTENT_SECURITY_POLICY, policy(tiles)))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::REFERRER_POLICY, "same-origin"))
        .body(html)
}

/// `GET /`: the residents' app.
pub async fn index(state: web::Data<AppState>) -> HttpResponse {
    page(&state, "index.html")
}

/// `GET /staff/`: the officers' and IOC's app.
pub async fn staff(state: web::Data<AppState>) -> HttpResponse {
    page(&state, "staff.html")
}

/// `GET /staff`: to `/staff/`, so that the app's relative addresses resolve under it.
pub async fn staff_slash() -> HttpResponse {
    HttpResponse::PermanentRedirect()
        .insert_header((header::LOCATION, "/staff/"))
        .finish()
}

/// A file of `dist/` with a fixed name (the service worker, the manifest): revalidated on every
/// use, since its name cannot change with its content.
fn fixed(name: &str, content_type: &str) -> HttpResponse {
    match Dist::get(name) {
        Some(file) => HttpResponse::Ok()
            .content_type(content_type)
            .insert_header((header::CACHE_CONTROL, "no-cache"))
            .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
            .body(file.data.into_owned()),
        None => HttpResponse::NotFound().finish(),
    }
}

/// `GET /sw.js`: the residents' service worker (its scope is the whole site).
pub async fn service_worker() -> HttpResponse {
    fixed("sw.js", "text/javascript; charset=utf-8")
}

/// `GET /manifest.webmanifest`: what makes the residents' app installable.
pub async fn manifest() -> HttpResponse {
    fixed("manifest.webmanifest", "application/manifest+json")
}

/// The encodings of `req`'s `Accept-Encoding` that a precompressed copy exists for, best first.
fn encodings(req: &HttpRequest) -> impl Iterator<Item = (&'static str, &'static str)> {
    let accepted = req
        .headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let takes = move |name: &str| {
        accepted.split(',').any(|part| {
            let mut fields = part.split(';').map(str::trim);
            fields.next() == Some(name) && !fields.any(|q| q == "q=0" || q == "q=0.0")
        })
    };
    [("br", "br"), ("gzip", "gz")]
        .into_iter()
        .filter(move |(name, _)| takes(name))
}

/// `GET /assets/{file}`: a file of the built apps, with an `ETag` from its content; a script or
/// stylesheet in the best compressed form the client takes.
pub async fn asset(req: HttpRequest, file: web::Path<String>) -> HttpResponse {
    let name = format!("assets/{file}");
    let Some(found) = Dist::get(&name) else {
        return HttpResponse::NotFound().finish();
    };
    let content_type = found.metadata.mimetype().to_owned();
    let compressed = encodings(&req).find_map(|(encoding, suffix)| {
        Dist::get(&format!("{name}.{suffix}")).map(|f| (encoding, suffix, f))
    });
    let (tag, body, encoding) = match compressed {
        Some((encoding, suffix, f)) => {
            let tag = format!("{}-{suffix}", hex(&found.metadata.sha256_hash()[..16]));
            (tag, f.data.into_owned(), Some(encoding))
        }
        None => (
            hex(&found.metadata.sha256_hash()[..16]),
            found.data.into_owned(),
            None,
        ),
    };
    let tag = EntityTag::new_strong(tag);
    let mut answer = immutable::not_modified(&req, &tag, immutable::FOREVER)
        .unwrap_or_else(|| immutable::file(&tag, &content_type, body, immutable::FOREVER));
    let headers = answer.headers_mut();
    headers.insert(
        header::VARY,
        header::HeaderValue::from_static("Accept-Encoding"),
    );
    if let Some(encoding) = encoding {
        headers.insert(
            header::CONTENT_ENCODING,
            header::HeaderValue::from_static(encoding),
        );
    }
    answer
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
