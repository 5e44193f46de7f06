//! The error answers each operation of `/api/v1` declares, beside its handler: an [`errors!`] type
//! listed last in the `responses(...)` of its `#[utoipa::path]`. The codes come in groups, shared
//! ones here; the document answers them by HTTP status ([`status_of`]), one response per status
//! with the codes of that status in the order given, each the `Error` shape (`openapi.rs`).

use std::collections::BTreeMap;

use hientruong_domain::{Error, Lang};
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{ObjectBuilder, SchemaFormat, Type};
use utoipa::openapi::{KnownFormat, Ref, RefOr};

use crate::error::status_of;
use crate::openapi::string;
use Error::*;

/// Declares `Name`, the error answers of one operation, as a type for the end of its
/// `#[utoipa::path(responses(...))]`: `errors!(Name = [GROUP, &[Code, ...], ...]);`, with the
/// shared groups of this module and the codes of [`Error`] in scope.
macro_rules! errors {
    ($name:ident = [$($group:expr),* $(,)?]) => {
        /// The error answers of one operation, for its `#[utoipa::path(responses(...))]`.
        pub struct $name;

        impl utoipa::IntoResponses for $name {
            fn responses() -> std::collections::BTreeMap<
                String,
                utoipa::openapi::RefOr<utoipa::openapi::response::Response>,
            > {
                #[allow(unused_imports)]
                use $crate::handlers::errors::*;
                #[allow(unused_imports)]
                use hientruong_domain::Error::*;
                $crate::handlers::errors::responses(&[$($group),*])
            }
        }
    };
}
pub(crate) use errors;

/// `AuthUser`: a token is required, and its account must exist and be enabled.
pub const TOKEN: &[Error] = &[MissingToken, InvalidToken, TokenExpired, AccountDisabled];
/// `MaybeAuthUser`: a token is optional, but one that is sent must be valid.
pub const OPTIONAL_TOKEN: &[Error] = &[InvalidToken, TokenExpired, AccountDisabled];
/// A JSON body (`JsonConfig` in routes.rs).
pub const BODY: &[Error] = &[InvalidJson, UnsupportedMediaType, PayloadTooLarge];
/// A query string that does not fit its parameters.
pub const QUERY: &[Error] = &[InvalidQuery];
/// A path parameter that does not parse, or names nothing.
pub const PATH: &[Error] = &[NotFound];
/// Every operation that reaches the database: no connection (503), a fault (500).
pub const SERVER: &[Error] = &[ServiceUnavailable, Internal];
/// Photo uploads (`multipart.rs`, `photos.rs`), each with its idempotency key.
pub const UPLOAD: &[Error] = &[
    IdempotencyKeyRequired,
    InvalidIdempotencyKey,
    IdempotencyConflict,
    InvalidMultipart,
    TooManyPhotos,
    PhotoEmpty,
    UnsupportedImageFormat,
    PhotoTooLarge,
    PhotoTooManyPixels,
    PhotoCorrupt,
    PhotoMetadataCorrupt,
    MediaBusy,
    TooManyUploads,
    UploadTooSlow,
];
/// Administrators only.
pub const ADMIN: &[Error] = &[
    MissingToken,
    InvalidToken,
    TokenExpired,
    AccountDisabled,
    Forbidden,
];
/// The report lists' filters.
pub const REPORT_FILTERS: &[Error] = &[InvalidQuery, InvalidBbox, InvalidCursor];
/// Statistics: per commune or unit for IOC operators and administrators only.
pub const STATISTICS: &[Error] = &[
    InvalidToken,
    TokenExpired,
    AccountDisabled,
    MissingToken,
    Forbidden,
    InvalidQuery,
];

/// The answers of an operation's error groups: one per status, with its codes in the order
/// first given.
pub fn responses(groups: &[&[Error]]) -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<Error>> = BTreeMap::new();
    for e in groups.iter().flat_map(|g| g.iter()) {
        let codes = by_status.entry(status_of(*e).as_u16()).or_default();
        if !codes.contains(e) {
            codes.push(*e);
        }
    }
    by_status
        .into_iter()
        .map(|(status, codes)| (status.to_string(), RefOr::T(response(&codes))))
        .collect()
}

/// The error answers of one status, for the codes an operation can answer with it.
fn response(codes: &[Error]) -> Response {
    let description = codes
        .iter()
        .map(|e| format!("- `{}`: {}", e.code(), e.message(Lang::En)))
        .collect::<Vec<_>>()
        .join("\n");
    let schema = utoipa::openapi::schema::AllOfBuilder::new()
        .item(Ref::from_schema_name("Error"))
        .item(ObjectBuilder::new().property(
            "error",
            string().enum_values(Some(codes.iter().map(|e| e.code()))),
        ));
    let mut response = ResponseBuilder::new().description(description).content(
        "application/json",
        ContentBuilder::new().schema(Some(schema)).build(),
    );
    let status = codes.first().map(|e| status_of(*e).as_u16());
    if matches!(status, Some(429 | 503)) {
        response = response.header(
            "Retry-After",
            HeaderBuilder::new()
                .schema(
                    ObjectBuilder::new()
                        .schema_type(Type::Integer)
                        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64))),
                )
                .description(Some("Seconds to wait before retrying"))
                .build(),
        );
    }
    response.build()
}
