//! Open311 GeoReport v2 at `/open311/v2/`: the open standard civic apps and other cities' tools
//! speak. Services are the categories; service requests are reports. Every call answers XML or
//! JSON by its suffix; errors take the standard's shape (see [`render`]).

pub mod render;
pub mod requests;
pub mod updates;

use std::collections::HashMap;

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use futures_util::future::{Ready, ready};
use hientruong_domain::open311::{Format, JURISDICTION_ID};
use hientruong_domain::{Error, Lang};
use serde_json::{Value, json};

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
        let configured = req
            .app_data::<web::Data<AppState>>()
            .and_then(|state| state.settings.public_url.clone());
        let base_url = configured.unwrap_or_else(|| {
            let info = req.connection_info();
            format!("{}://{}", info.scheme(), info.host())
        });
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

/// When the service list last changed shape (the date of this implementation).
const CHANGESET: &str = "2026-11-27T00:00:00+07:00";

/// `GET /open311/v2/discovery.{xml,json}`: where the API is and what it speaks.
pub async fn discovery(call: Call) -> HttpResponse {
    let body = json!({
        "changeset": CHANGESET,
        "contact": call.name(
            "Trung tâm Giám sát, điều hành đô thị thông minh (IOC) tỉnh Huế",
            "Huế Intelligent Operations Center (IOC)"),
        "key_service": call.name(
            "Khóa API cho ứng dụng do quản trị viên cấp (hientruong api-key create).",
            "API keys for client applications are issued by an administrator (hientruong api-key create)."),
        "endpoints": [{
            "specification": "http://wiki.open311.org/GeoReport_v2",
            "url": format!("{}/open311/v2", call.base_url),
            "changeset": CHANGESET,
            "type": "production",
            "formats": ["text/xml", "application/json"],
        }],
    });
    call.ok("discovery", &body)
}

/// `GET /open311/v2/services.{xml,json}`: the active categories with their groups; `metadata` says
/// whether a category has extra questions.
pub async fn services(state: web::Data<AppState>, call: Call) -> Result<HttpResponse, ApiError> {
    let services = state
        .db(|conn| Ok(hientruong_db::open311::services(conn)?))
        .await?;
    let body: Vec<Value> = services
        .iter()
        .map(|s| {
            let name = call.name(&s.name_vi, &s.name_en);
            json!({
                "service_code": s.code,
                "service_name": name,
                "description": name,
                "metadata": s.has_questions,
                "type": "realtime",
                "keywords": format!("{}, {}", s.name_vi, s.name_en),
                "group": call.name(&s.group_vi, &s.group_en),
            })
        })
        .collect();
    Ok(call.ok("services", &Value::Array(body)))
}

/// `GET /open311/v2/services/{service_code}.{xml,json}`: a category's extra questions.
pub async fn service(
    state: web::Data<AppState>,
    call: Call,
    code: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let code = code.into_inner().0;
    let questions = {
        let code = code.clone();
        state
            .db(move |conn| hientruong_db::open311::questions(conn, &code))
            .await?
    };
    let attributes: Vec<Value> = questions
        .iter()
        .map(|q| {
            let values: Vec<Value> = q
                .choices()
                .into_iter()
                .map(|(key, vi, en)| json!({"key": key, "name": call.name(&vi, &en)}))
                .collect();
            json!({
                "variable": true,
                "code": q.code,
                "datatype": q.datatype,
                "required": q.required,
                "datatype_description": null,
                "order": q.sort_order,
                "description": call.name(&q.description_vi, &q.description_en),
                "values": values,
            })
        })
        .collect();
    let body = json!({"service_code": code, "attributes": attributes});
    Ok(call.ok("service_definition", &body))
}
