//! One endpoint of `/api/v1`, declared once: the handler's `#[utoipa::path]` says its method, path,
//! document and (with an `errors!` type, `handlers/errors.rs`) its error answers; listing the
//! handler in [`endpoints!`] (`routes::API_V1`) makes it both the actix route there and that
//! operation of the OpenAPI document (`openapi.rs`).

use actix_web::http::Method;
use actix_web::web::ServiceConfig;
use utoipa::openapi::{OpenApi as Document, PathItem};

/// An endpoint: its operation and how its handler is registered.
pub struct Endpoint {
    operation: fn() -> Document,
    register: fn(&mut ServiceConfig, &str, Method),
}

impl Endpoint {
    /// Made by [`endpoints!`] only.
    #[doc(hidden)]
    pub const fn new(
        operation: fn() -> Document,
        register: fn(&mut ServiceConfig, &str, Method),
    ) -> Self {
        Self {
            operation,
            register,
        }
    }

    /// The operation as a document of its one path, with the schemas it refers to.
    pub fn operation(&self) -> Document {
        (self.operation)()
    }

    /// Routes the handler at its operation's method and path, in a scope at `prefix` (the start of
    /// every path of the document). Panics when the annotation is not one operation under it.
    pub fn register(&self, cfg: &mut ServiceConfig, prefix: &str) {
        let document = self.operation();
        let mut paths = document.paths.paths.iter();
        let (Some((path, item)), None) = (paths.next(), paths.next()) else {
            panic!("an endpoint is one path of the document");
        };
        let Some(relative) = path.strip_prefix(prefix) else {
            panic!("{path} is not under {prefix}");
        };
        (self.register)(cfg, relative, method(path, item));
    }
}

/// The one method of a path item.
fn method(path: &str, item: &PathItem) -> Method {
    let mut methods = [
        (Method::GET, item.get.is_some()),
        (Method::PUT, item.put.is_some()),
        (Method::POST, item.post.is_some()),
        (Method::DELETE, item.delete.is_some()),
        (Method::OPTIONS, item.options.is_some()),
        (Method::HEAD, item.head.is_some()),
        (Method::PATCH, item.patch.is_some()),
        (Method::TRACE, item.trace.is_some()),
    ]
    .into_iter()
    .filter_map(|(method, some)| some.then_some(method));
    match (methods.next(), methods.next()) {
        (Some(method), None) => method,
        _ => panic!("{path}: an endpoint is one method"),
    }
}

/// The endpoints of a scope, in the order actix tries them (the first that matches a request's
/// path, method and guards serves it) and the document lists them: each a handler annotated with
/// `#[utoipa::path]`, optionally followed by `{ guard => other_handler }`, a handler tried first
/// at the same method and path for the requests `guard` accepts (and not in the document).
macro_rules! endpoints {
    ($($($handler:ident)::+ $({ $guard:ident => $($first:ident)::+ })?),* $(,)?) => {
        &[$($crate::endpoints::Endpoint::new(
            {
                fn operation() -> utoipa::openapi::OpenApi {
                    // utoipa's derive is what finds the annotation of a handler.
                    #[derive(utoipa::OpenApi)]
                    #[openapi(paths($($handler)::+))]
                    struct Operation;
                    <Operation as utoipa::OpenApi>::openapi()
                }
                operation
            },
            {
                fn register(
                    cfg: &mut actix_web::web::ServiceConfig,
                    path: &str,
                    method: actix_web::http::Method,
                ) {
                    $(cfg.route(
                        path,
                        actix_web::web::method(method.clone()).guard($guard).to($($first)::+),
                    );)?
                    cfg.route(path, actix_web::web::method(method).to($($handler)::+));
                }
                register
            },
        )),*]
    };
}
pub(crate) use endpoints;
