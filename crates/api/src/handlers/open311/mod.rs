//! Open311 GeoReport v2 at `/open311/v2/`: the open standard civic apps and other cities' tools
//! speak. Services are the categories; service requests are reports. Every call answers XML or
//! JSON by its suffix; errors take the standard's shape (see [`render`]).

pub mod discovery;
pub mod render;
pub mod requests;
pub mod service;
pub mod services;
pub mod updates;

use std::collections::HashMap;

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use futures_util::future::{Ready, ready};
use hientruong_domain::open311::{Format, JURISDICTION_ID};
use hientruong_domain::{Error, Lang};
use serde_json::Value;

use crate::error::{ApiError, query_error};
use crate::state::AppState;

/// The query string or form fields of a call.
pub type Params = HashMap<String, String>;

/// What every Open311 call starts from: the format its path's suffix asks for (another suffix is a
/// path that does not exist), its query parameters with `jurisdiction_id` checked (by a reading
/// call; a posting checks it after its key), the language,
/// and the server's public address for absolute URLs (`HIENTRUONG_PUBLIC_URL`; unset, the address
/// the client reached, behind a proxy from its forwarding headers).
pub struct Call {
    pub format: Format,
    pub lang: Lang,
    pub params: Params,
    pub base_url: String,
}

impl Call {
    fn new(req: &HttpRequest) -> Result<Call, ApiError> {
        let format = req
            .match_info()
            .get("format")
            .and_then(Format::parse)
            .ok_or(ApiError::new(Error::NotFound))?;
        let params = web::Query::<Params>::from_query(req.query_string())
            .map_err(query_error)?
            .into_inner();
        // A posting checks its key before anything else, then its jurisdiction (in the form or
        // the query string) itself.
        if req.method() != actix_web::http::Method::POST {
            check_jurisdiction(params.get("jurisdiction_id").map(String::as_str))?;
        }
        // The configured address: a request's `Host` and forwarding headers are the client's word.
        let base_url = req
            .app_data::<web::Data<AppState>>()
            .map(|state| state.settings.public_url.clone())
            .unwrap_or_default();
        Ok(Call {
            format,
            lang: crate::error::request_lang(req),
            base_url,
            params,
        })
    }

    /// A parameter, when given.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.params.get(name).map(String::as_str)
    }

    /// The public URL of a stored photo variant.
    pub fn media_url(&self, key: &str) -> String {
        format!("{}/media/{key}", self.base_url)
    }

    /// The answer, in the call's format.
    pub fn reply(&self, status: StatusCode, root: &str, body: &Value) -> HttpResponse {
        render::reply(status, self.format, root, body)
    }

    pub fn ok(&self, root: &str, body: &Value) -> HttpResponse {
        self.reply(StatusCode::OK, root, body)
    }

    /// A name in the call's language.
    pub fn name<'a>(&self, vi: &'a str, en: &'a str) -> &'a str {
        if self.lang == Lang::En { en } else { vi }
    }
}

impl FromRequest for Call {
    type Error = ApiError;
    type Future = Ready<Result<Call, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Call::new(req))
    }
}

/// `jurisdiction_id` is optional (this server answers for one jurisdiction) but checked when given.
pub fn check_jurisdiction(given: Option<&str>) -> Result<(), ApiError> {
    match given.map(str::trim) {
        None | Some("") => Ok(()),
        Some(j) if j.eq_ignore_ascii_case(JURISDICTION_ID) => Ok(()),
        Some(_) => Err(ApiError::new(Error::UnknownJurisdiction)),
    }
}
