//! The OpenAPI 3.1 document of `/api/v1`, the mobile app's contract, built from the handlers'
//! annotations in one place. The errors are added here, from one table: every operation lists the
//! codes it can answer, grouped by their HTTP status ([`status_of`]), and the `error` enum is
//! [`Error::ALL`]. `mobile-api/openapi.json` is this document as `hientruong openapi` prints it;
//! a test keeps the two equal.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use actix_web::HttpResponse;
use hientruong_domain::report::ReportSubmission;
use hientruong_domain::{Error, Lang};
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::schema::{
    AdditionalProperties, AllOfBuilder, ObjectBuilder, Schema, SchemaFormat, Type,
};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{OpenApi as Document, PathItem, Ref, RefOr};
use utoipa::{OpenApi, ToSchema};

use crate::error::status_of;
use crate::handlers::{admin, auth, catalog, events, media, reports, stats, templates, tickets};

/// The `multipart/form-data` form of a report (schema only; `multipart.rs` reads it).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ReportForm {
    /// The report's JSON, as the `application/json` body.
    report: ReportSubmission,
    /// Up to five JPEG, PNG or WebP files (by content), 10 MB and 50 megapixels each at most.
    #[schema(value_type = Vec<Binary>)]
    photo: Vec<Vec<u8>>,
}

/// One photo upload (schema only).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct PhotoForm {
    /// A JPEG, PNG or WebP file (by content), 10 MB and 50 megapixels at most.
    photo: Binary,
}

/// A file's bytes (schema only).
#[derive(ToSchema)]
#[schema(value_type = String, format = Binary)]
#[allow(dead_code)]
pub struct Binary(Vec<u8>);

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
    paths(
        auth::register::register,
        auth::login::login,
        auth::refresh::refresh,
        auth::logout::logout,
        catalog::list_categories,
        catalog::list_communes,
        catalog::list_units,
        reports::create::create,
        reports::photos::add,
        media::evidence,
        media::original,
        reports::list::list,
        reports::get::get,
        reports::mine::mine,
        reports::rating::rate,
        stats::summary,
        stats::communes,
        stats::units,
        stats::timeseries,
        events::stream,
        tickets::list::list,
        tickets::list::export,
        tickets::get::get,
        tickets::transition::transition,
        tickets::photos::add,
        templates::list,
        templates::create,
        templates::delete,
        admin::users::list,
        admin::users::create,
        admin::users::update,
        admin::api_keys::list,
        admin::api_keys::create,
        admin::api_keys::revoke,
        admin::catalog::units,
        admin::catalog::put_unit,
        admin::catalog::categories,
        admin::catalog::put_category,
        admin::catalog::rules,
        admin::catalog::add_rule,
        admin::catalog::end_rule,
        admin::deadlines::policies,
        admin::deadlines::put_policy,
        admin::deadlines::holidays,
        admin::deadlines::put_holidays,
        admin::deadlines::delete_holiday,
        admin::deadlines::populations,
        admin::deadlines::put_population,
        serve,
    ),
    tags(
        (name = "accounts", description = "Registration and sessions"),
        (name = "reference", description = "Categories, communes and handling units"),
        (name = "reports", description = "Residents' reports and their photos"),
        (name = "statistics", description = "Figures and live events"),
        (name = "tickets", description = "The staff inbox and response templates"),
        (name = "administration", description = "What administrators maintain"),
        (name = "meta", description = "This document"),
    ),
)]
struct ApiDoc;

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
pub async fn serve() -> HttpResponse {
    static JSON: OnceLock<String> = OnceLock::new();
    let json = JSON.get_or_init(|| serde_json::to_string(&document()).unwrap_or_default());
    HttpResponse::Ok()
        .content_type("application/json")
        .body(json.as_str())
}

/// The document, complete.
pub fn document() -> Document {
    let mut doc = ApiDoc::openapi();
    let components = doc.components.get_or_insert_with(Default::default);
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
    add_errors(&mut doc);
    doc
}

/// The document as `mobile-api/openapi.json` holds it: pretty JSON and a final newline.
pub fn document_json() -> String {
    let mut json = serde_json::to_string_pretty(&document()).unwrap_or_default();
    json.push('\n');
    json
}

fn string() -> ObjectBuilder {
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

/// The error answers of one status, for the codes an operation can answer with it.
fn error_response(codes: &[Error]) -> utoipa::openapi::Response {
    let description = codes
        .iter()
        .map(|e| format!("- `{}`: {}", e.code(), e.message(Lang::En)))
        .collect::<Vec<_>>()
        .join("\n");
    let schema = AllOfBuilder::new()
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
                .schema(ObjectBuilder::new().schema_type(Type::Integer).format(Some(
                    SchemaFormat::KnownFormat(utoipa::openapi::KnownFormat::Int64),
                )))
                .description(Some("Seconds to wait before retrying"))
                .build(),
        );
    }
    response.build()
}

/// Adds each operation's error answers from [`operation_errors`]. Panics when an operation has no
/// entry there, or an entry no operation: the document is incomplete, and its test says so.
fn add_errors(doc: &mut Document) {
    let mut unused: Vec<&str> = OPERATION_ERRORS.iter().map(|(id, _)| *id).collect();
    for (path, item) in doc.paths.paths.iter_mut() {
        for operation in operations(item) {
            let id = operation.operation_id.clone().unwrap_or_default();
            let Some(groups) = operation_errors(&id) else {
                panic!("{path}: operation `{id}` has no entry in openapi::OPERATION_ERRORS");
            };
            unused.retain(|u| *u != id);
            let mut by_status: BTreeMap<u16, Vec<Error>> = BTreeMap::new();
            for e in groups.iter().flat_map(|g| g.iter()) {
                let codes = by_status.entry(status_of(*e).as_u16()).or_default();
                if !codes.contains(e) {
                    codes.push(*e);
                }
            }
            for (status, codes) in by_status {
                operation
                    .responses
                    .responses
                    .insert(status.to_string(), RefOr::T(error_response(&codes)));
            }
        }
    }
    assert!(
        unused.is_empty(),
        "openapi::OPERATION_ERRORS names operations the document does not have: {unused:?}"
    );
}

fn operations(item: &mut PathItem) -> impl Iterator<Item = &mut utoipa::openapi::path::Operation> {
    [
        item.get.as_mut(),
        item.put.as_mut(),
        item.post.as_mut(),
        item.delete.as_mut(),
        item.options.as_mut(),
        item.head.as_mut(),
        item.patch.as_mut(),
        item.trace.as_mut(),
    ]
    .into_iter()
    .flatten()
}

fn operation_errors(id: &str) -> Option<&'static [&'static [Error]]> {
    OPERATION_ERRORS
        .iter()
        .find(|(op, _)| *op == id)
        .map(|(_, groups)| *groups)
}

use Error::*;

/// `AuthUser`: a token is required, and its account must exist and be enabled.
const TOKEN: &[Error] = &[MissingToken, InvalidToken, TokenExpired, AccountDisabled];
/// `MaybeAuthUser`: a token is optional, but one that is sent must be valid.
const OPTIONAL_TOKEN: &[Error] = &[InvalidToken, TokenExpired, AccountDisabled];
/// A JSON body (`JsonConfig` in routes.rs).
const BODY: &[Error] = &[InvalidJson, UnsupportedMediaType, PayloadTooLarge];
/// A query string that does not fit its parameters.
const QUERY: &[Error] = &[InvalidQuery];
/// A path parameter that does not parse, or names nothing.
const PATH: &[Error] = &[NotFound];
/// Every operation that reaches the database: no connection (503), a fault (500).
const SERVER: &[Error] = &[ServiceUnavailable, Internal];
/// Photo uploads (`multipart.rs`, `photos.rs`), each with its idempotency key.
const UPLOAD: &[Error] = &[
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
];
/// Administrators only.
const ADMIN: &[Error] = &[
    MissingToken,
    InvalidToken,
    TokenExpired,
    AccountDisabled,
    Forbidden,
];
/// The report lists' filters.
const REPORT_FILTERS: &[Error] = &[InvalidQuery, InvalidBbox, InvalidCursor];
/// Statistics: per commune or unit for IOC operators and administrators only.
const STATISTICS: &[Error] = &[
    InvalidToken,
    TokenExpired,
    AccountDisabled,
    MissingToken,
    Forbidden,
    InvalidQuery,
];

/// The errors each operation can answer (by operation id), in groups.
type ErrorTable = &'static [(&'static str, &'static [&'static [Error]])];
const OPERATION_ERRORS: ErrorTable = &[
    (
        "register",
        &[
            BODY,
            &[InvalidLogin, WeakPassword, InvalidFullName, LoginTaken],
            SERVER,
        ],
    ),
    (
        "login",
        &[
            BODY,
            &[InvalidCredentials, AccountDisabled, AccountLocked],
            SERVER,
        ],
    ),
    (
        "refresh",
        &[BODY, &[InvalidRefreshToken, RefreshTokenReused], SERVER],
    ),
    ("logout", &[BODY, SERVER]),
    ("list_categories", &[SERVER]),
    ("list_communes", &[QUERY, SERVER]),
    ("list_units", &[SERVER]),
    (
        "create_report",
        &[
            TOKEN,
            &[Forbidden],
            BODY,
            UPLOAD,
            &[
                UnknownCategory,
                InvalidCoordinates,
                DescriptionEmpty,
                DescriptionTooLong,
                AddressTooLong,
                OutsideServiceArea,
                LocationRequired,
            ],
            SERVER,
        ],
    ),
    (
        "add_report_photo",
        &[TOKEN, &[Forbidden], PATH, UPLOAD, &[ReportClosed], SERVER],
    ),
    ("get_photo_evidence", &[TOKEN, &[Forbidden], PATH, SERVER]),
    ("get_photo_original", &[TOKEN, &[Forbidden], PATH, SERVER]),
    ("list_reports", &[REPORT_FILTERS, SERVER]),
    ("get_report", &[OPTIONAL_TOKEN, PATH, SERVER]),
    ("my_reports", &[TOKEN, REPORT_FILTERS, SERVER]),
    (
        "rate_report",
        &[
            TOKEN,
            PATH,
            BODY,
            &[
                Forbidden,
                TextTooLong,
                InvalidScore,
                RatingNotAllowed,
                AlreadyRated,
            ],
            SERVER,
        ],
    ),
    ("stats_summary", &[STATISTICS, SERVER]),
    ("stats_communes", &[STATISTICS, SERVER]),
    ("stats_units", &[STATISTICS, SERVER]),
    ("stats_timeseries", &[STATISTICS, SERVER]),
    ("events", &[]),
    (
        "list_tickets",
        &[TOKEN, &[Forbidden], QUERY, &[InvalidCursor], SERVER],
    ),
    (
        "export_tickets",
        &[TOKEN, &[Forbidden], QUERY, &[InvalidCursor], SERVER],
    ),
    ("get_ticket", &[TOKEN, &[Forbidden], PATH, SERVER]),
    (
        "transition_ticket",
        &[
            TOKEN,
            &[Forbidden],
            PATH,
            BODY,
            &[
                UnknownAction,
                TransitionNotAllowed,
                NoteRequired,
                PublicAnswerRequired,
                TextTooLong,
                UnknownUnit,
                SameUnit,
                InvalidDuplicate,
                InvalidAssignee,
                ResolutionPhotoRequired,
            ],
            SERVER,
        ],
    ),
    (
        "add_ticket_photo",
        &[
            TOKEN,
            &[Forbidden],
            PATH,
            UPLOAD,
            &[TransitionNotAllowed, PhotoTooFar, ReportClosed],
            SERVER,
        ],
    ),
    ("list_templates", &[TOKEN, &[Forbidden], QUERY, SERVER]),
    (
        "create_template",
        &[
            TOKEN,
            &[Forbidden],
            BODY,
            &[InvalidQuery, InvalidTemplate, UnknownUnit],
            SERVER,
        ],
    ),
    ("delete_template", &[TOKEN, PATH, SERVER]),
    ("list_staff", &[ADMIN, QUERY, SERVER]),
    ("list_api_keys", &[ADMIN, SERVER]),
    (
        "create_api_key",
        &[ADMIN, BODY, &[InvalidApiKeyName], SERVER],
    ),
    ("revoke_api_key", &[ADMIN, PATH, SERVER]),
    (
        "create_staff",
        &[
            ADMIN,
            BODY,
            &[
                InvalidLogin,
                InvalidFullName,
                WeakPassword,
                UnknownRole,
                UnitRequired,
                UnknownUnit,
                LoginTaken,
            ],
            SERVER,
        ],
    ),
    (
        "update_staff",
        &[
            ADMIN,
            PATH,
            BODY,
            &[UnknownRole, UnitRequired, UnknownUnit],
            SERVER,
        ],
    ),
    ("admin_units", &[ADMIN, SERVER]),
    (
        "put_unit",
        &[ADMIN, PATH, BODY, &[InvalidDefinition], SERVER],
    ),
    ("admin_categories", &[ADMIN, SERVER]),
    (
        "put_category",
        &[ADMIN, PATH, BODY, &[InvalidDefinition], SERVER],
    ),
    ("routing_rules", &[ADMIN, SERVER]),
    (
        "add_routing_rule",
        &[ADMIN, BODY, &[UnknownCategory, UnknownUnit], SERVER],
    ),
    (
        "end_routing_rule",
        &[ADMIN, PATH, BODY, &[InvalidPeriod], SERVER],
    ),
    ("sla_policies", &[ADMIN, SERVER]),
    (
        "put_sla_policy",
        &[ADMIN, BODY, &[InvalidPolicy, UnknownCategory], SERVER],
    ),
    ("holidays", &[ADMIN, QUERY, SERVER]),
    ("put_holidays", &[ADMIN, BODY, &[InvalidDefinition], SERVER]),
    ("delete_holiday", &[ADMIN, PATH, SERVER]),
    ("populations", &[ADMIN, SERVER]),
    (
        "put_population",
        &[ADMIN, PATH, BODY, &[InvalidDefinition], SERVER],
    ),
    ("openapi", &[]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_has_its_errors_and_the_document_serialises() {
        let json = document_json();
        assert!(json.contains("\"openapi\": \"3.1.0\""));
        assert!(json.ends_with("}\n"));
    }
}
