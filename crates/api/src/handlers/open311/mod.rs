//! Open311 GeoReport v2 at `/open311/v2/`: the open standard civic apps and other cities' tools
//! speak. Services are the categories; service requests are reports. Every call answers XML or
//! JSON by its suffix; errors take the standard's shape (see [`render`]).

pub mod render;
pub mod requests;
pub mod updates;

use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse, web};
use hientruong_domain::open311::{Format, JURISDICTION_ID};
use hientruong_domain::{Error, Lang};
use serde_json::{Value, json};

use crate::error::ApiError;
use crate::state::AppState;

/// The query string or form fields of a call.
pub type Params = HashMap<String, String>;

/// The format a call asks for (its path's suffix); another suffix is a path that does not exist.
pub fn format(req: &HttpRequest) -> Result<Format, ApiError> {
    req.match_info()
        .get("format")
        .and_then(Format::parse)
        .ok_or(ApiError::new(Error::NotFound))
}

/// `jurisdiction_id` is optional (this server answers for one jurisdiction) but checked when given.
pub fn check_jurisdiction(params: &Params) -> Result<(), ApiError> {
    match params.get("jurisdiction_id").map(|j| j.trim()) {
        None | Some("") => Ok(()),
        Some(j) if j.eq_ignore_ascii_case(JURISDICTION_ID) => Ok(()),
        Some(_) => Err(ApiError::new(Error::UnknownJurisdiction)),
    }
}

/// The server's address as the client reached it (behind a proxy, from its forwarding headers),
/// for absolute URLs.
pub fn base_url(req: &HttpRequest) -> String {
    let info = req.connection_info();
    format!("{}://{}", info.scheme(), info.host())
}

fn by_lang<'a>(lang: Lang, vi: &'a str, en: &'a str) -> &'a str {
    if lang == Lang::En { en } else { vi }
}

/// When the service list last changed shape (the date of this implementation).
const CHANGESET: &str = "2026-11-27T00:00:00+07:00";

/// `GET /open311/v2/discovery.{xml,json}`: where the API is and what it speaks.
pub async fn discovery(
    req: HttpRequest,
    params: web::Query<Params>,
) -> Result<HttpResponse, ApiError> {
    let format = format(&req)?;
    check_jurisdiction(&params)?;
    let lang = render::lang(&req);
    let body = json!({
        "changeset": CHANGESET,
        "contact": by_lang(lang,
            "Trung tâm Giám sát, điều hành đô thị thông minh (IOC) tỉnh Huế",
            "Huế Intelligent Operations Center (IOC)"),
        "key_service": by_lang(lang,
            "Khóa API cho ứng dụng do quản trị viên cấp (hientruong api-key create).",
            "API keys for client applications are issued by an administrator (hientruong api-key create)."),
        "endpoints": [{
            "specification": "http://wiki.open311.org/GeoReport_v2",
            "url": format!("{}/open311/v2", base_url(&req)),
            "changeset": CHANGESET,
            "type": "production",
            "formats": ["text/xml", "application/json"],
        }],
    });
    Ok(render::ok(format, "discovery", &body))
}

/// `GET /open311/v2/services.{xml,json}`: the active categories with their groups; `metadata` says
/// whether a category has extra questions.
pub async fn services(
    state: web::Data<AppState>,
    req: HttpRequest,
    params: web::Query<Params>,
) -> Result<HttpResponse, ApiError> {
    let format = format(&req)?;
    check_jurisdiction(&params)?;
    let lang = render::lang(&req);
    let services = state
        .db(|conn| Ok(hientruong_db::open311::services(conn)?))
        .await?;
    let body: Vec<Value> = services
        .iter()
        .map(|s| {
            let name = by_lang(lang, &s.name_vi, &s.name_en);
            json!({
                "service_code": s.code,
                "service_name": name,
                "description": name,
                "metadata": s.has_questions,
                "type": "realtime",
                "keywords": format!("{}, {}", s.name_vi, s.name_en),
                "group": by_lang(lang, &s.group_vi, &s.group_en),
            })
        })
        .collect();
    Ok(render::ok(format, "services", &Value::Array(body)))
}

/// `GET /open311/v2/services/{service_code}.{xml,json}`: a category's extra questions.
pub async fn service(
    state: web::Data<AppState>,
    req: HttpRequest,
    params: web::Query<Params>,
) -> Result<HttpResponse, ApiError> {
    let format = format(&req)?;
    check_jurisdiction(&params)?;
    let lang = render::lang(&req);
    let code = req.match_info().get("code").unwrap_or_default().to_owned();
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
                .map(|(key, vi, en)| json!({"key": key, "name": by_lang(lang, &vi, &en)}))
                .collect();
            json!({
                "variable": true,
                "code": q.code,
                "datatype": q.datatype,
                "required": q.required,
                "datatype_description": null,
                "order": q.sort_order,
                "description": by_lang(lang, &q.description_vi, &q.description_en),
                "values": values,
            })
        })
        .collect();
    let body = json!({"service_code": code, "attributes": attributes});
    Ok(render::ok(format, "service_definition", &body))
}
