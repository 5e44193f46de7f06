//! The OpenAPI 3.1 document of `/api/v1`, the mobile app's contract: the operations of
//! `routes::API_V1` (passed in, so that this module depends on no handler) in its order, each from its handler's `#[utoipa::path]` with the error answers
//! declared beside it (`handlers/errors.rs`), and here what they share: the information, the tags,
//! the bearer scheme and the `Error` schema, whose `error` enum is [`Error::ALL`].
//! `mobile-api/openapi.json` is this document as `hientruong openapi` prints it; a test keeps the
//! two equal.

use hientruong_domain::{Error, Lang};
use utoipa::OpenApi;
use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, Schema, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{OpenApi as Document, RefOr};

use crate::endpoints::Endpoint;
use crate::error::status_of;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Hiện Trường API",
        version = env!("CARGO_PKG_VERSION"),
        description = "The residents' API of Hiện Trường (the mobile app's contract), and the \
            staff and administration endpoints under the same prefix. JSON bodies of at most \
            128 KiB; times are RFC 3339 in UTC; messages in Vietnamese unless the request says \
            `Accept-Language: en`. Every error has the `Error` shape. Generated from the code: \
            see mobile-api/README.md; the prose is docs/api.md.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later"),
    ),
    tags(
        (name = "accounts", description = "Registration and sessions"),
        (name = "reference", description = "Categories, communes and handling units"),
        (name = "reports", description = "Residents' reports and their photos"),
        (name = "notifications", description = "News of the reports one follows: in the app, by push, by email"),
        (name = "statistics", description = "Figures and live events"),
        (name = "tickets", description = "The staff inbox and response templates"),
        (name = "administration", description = "What administrators maintain"),
        (name = "meta", description = "This document"),
    ),
)]
struct ApiDoc;

/// The document of these endpoints, complete (`routes::API_V1` makes it the API's).
pub fn document(endpoints: &[Endpoint]) -> Document {
    let mut doc = ApiDoc::openapi();
    let components = doc.components.get_or_insert_with(Default::default);
    for endpoint in endpoints {
        let operation = endpoint.operation();
        doc.paths.merge(operation.paths);
        if let Some(mut of_operation) = operation.components {
            components.schemas.append(&mut of_operation.schemas);
        }
    }
    components.add_security_scheme(
        "bearer",
        SecurityScheme::Http(
            HttpBuilder::new()
                .scheme(HttpAuthScheme::Bearer)
                .bearer_format("JWT")
                .description(Some(
                    "The `access_token` of `POST /auth/login` or `/auth/refresh` (15 minutes). \
                     The account's role and state are read on every request: a disabled account \
                     is refused at once (`403 account_disabled`).",
                ))
                .build(),
        ),
    );
    components
        .schemas
        .insert("Error".to_owned(), RefOr::T(error_schema()));
    doc
}

/// The document as `mobile-api/openapi.json` holds it: pretty JSON and a final newline.
pub fn document_json(endpoints: &[Endpoint]) -> String {
    let mut json = serde_json::to_string_pretty(&document(endpoints)).unwrap_or_default();
    json.push('\n');
    json
}

/// A string schema, to refine.
pub(crate) fn string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String)
}

/// The one shape of every error answer, as `error.rs` renders it.
fn error_schema() -> Schema {
    let mut table = String::from(
        "Every error answer: a stable `error` code to switch on, a `message` to show (Vietnamese, \
         or English with `Accept-Language: en`, as `Content-Language` says) and sometimes a \
         `detail` for the app's developer. The codes, their status and English message:\n\n| code | status | message |\n|---|---|---|\n",
    );
    for e in Error::ALL {
        table.push_str(&format!(
            "| `{}` | {} | {} |\n",
            e.code(),
            status_of(*e).as_u16(),
            e.message(Lang::En)
        ));
    }
    ObjectBuilder::new()
        .description(Some(table))
        .property(
            "error",
            string()
                .description(Some("The code"))
                .enum_values(Some(Error::ALL.iter().map(|e| e.code()))),
        )
        .required("error")
        .property(
            "message",
            string().description(Some("The message in the language asked for")),
        )
        .required("message")
        .property(
            "detail",
            string().description(Some(
                "What exactly was wrong, for the app's developer (a JSON field, a parameter)",
            )),
        )
        .additional_properties(Some(AdditionalProperties::FreeForm(false)))
        .into()
}
