//! Service requests: listing, one request, posting (with an API key), and tokens.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use hientruong_db::open311::{ApiKey, PostingKey, RequestFilter};
use hientruong_db::read::report::ReportView;
use hientruong_db::read::submission::Submission;
use hientruong_domain::open311::{self, Page, Posting, Window};
use hientruong_domain::report::Status;
use hientruong_domain::{Error, Lang};
use serde_json::{Value, json};
use uuid::Uuid;

use super::{Call, check_jurisdiction};
use crate::error::ApiError;
use crate::handlers::reports::create::IDEMPOTENCY_KEY;
use crate::state::AppState;

/// A report as an Open311 service request. Nothing about who reported it.
fn request(view: &ReportView, call: &Call) -> Value {
    let r = &view.report;
    let status = Status::parse(&r.status).unwrap_or(Status::Received);
    let photo = view
        .photos
        .iter()
        .filter(|p| p.kind == "report")
        .min_by_key(|p| p.ordinal);
    json!({
        "service_request_id": r.id.to_string(),
        "status": open311::public_status(status),
        "status_notes": r.public_answer,
        "service_name": call.name(&view.category_name_vi, &view.category_name_en),
        "service_code": r.category_code,
        "description": r.description,
        "agency_responsible": call.name(&view.unit_name_vi, &view.unit_name_en),
        "service_notice": notice(view, call),
        "requested_datetime": open311::datetime(r.created_at),
        "updated_datetime": open311::datetime(r.updated_at),
        "expected_datetime": r.due_at.map(open311::datetime),
        "address": r.address,
        "address_id": null,
        "zipcode": null,
        "lat": r.location.y,
        "long": r.location.x,
        "media_url": photo.map(|p| call.media_url(&p.display_key)),
    })
}

/// What the reporter is told: the tracking code for the hotline, and who handles it until when.
fn notice(view: &ReportView, call: &Call) -> String {
    let code = view.report.tracking_code();
    let unit = call.name(&view.unit_name_vi, &view.unit_name_en);
    let due = view
        .report
        .due_at
        .map(|d| d.with_timezone(&hientruong_domain::sla::vn_offset()))
        .map(|d| d.format("%d/%m/%Y %H:%M").to_string());
    match (call.lang, due) {
        (Lang::En, Some(due)) => format!("Tracking code {code}. Handled by {unit}, due {due}."),
        (Lang::En, None) => format!("Tracking code {code}. Handled by {unit}."),
        (Lang::Vi, Some(due)) => format!("Mã theo dõi {code}. Đơn vị xử lý: {unit}, hạn {due}."),
        (Lang::Vi, None) => format!("Mã theo dõi {code}. Đơn vị xử lý: {unit}."),
    }
}

fn requests_reply(call: &Call, views: &[ReportView]) -> HttpResponse {
    let body: Vec<Value> = views.iter().map(|v| request(v, call)).collect();
    call.ok("service_requests", &Value::Array(body))
}

/// `GET /open311/v2/requests.{xml,json}`: requests of the last 90 days by default (a window never
/// longer), newest first, at most 1000 per page (`page`/`page_size`). `service_request_id` (a
/// comma-separated list) overrides every other filter; `service_code` and `status` take lists too.
pub async fn list(state: web::Data<AppState>, call: Call) -> Result<HttpResponse, ApiError> {
    let get = |name: &str| call.get(name);
    let page = Page::new(get("page"), get("page_size"))?;
    let mut filter = RequestFilter {
        offset: page.offset(),
        limit: i64::from(page.size),
        ..RequestFilter::default()
    };
    match get("service_request_id").map(open311::list) {
        Some(ids) if !ids.is_empty() => {
            if ids.len() > open311::MAX_IDS {
                return Err(ApiError::new(Error::InvalidQuery)
                    .with_detail(format!("at most {} ids", open311::MAX_IDS)));
            }
            // An id that is not one of ours matches nothing.
            filter.ids = Some(
                ids.iter()
                    .filter_map(|id| Uuid::try_parse(id).ok())
                    .collect(),
            );
        }
        _ => {
            filter.window = Some(Window::new(
                get("start_date"),
                get("end_date"),
                chrono::Utc::now(),
            )?);
            filter.categories = get("service_code")
                .map(open311::list)
                .unwrap_or_default()
                .into_iter()
                .map(str::to_owned)
                .collect();
            for status in get("status").map(open311::list).unwrap_or_default() {
                let statuses = open311::statuses_of(status).ok_or_else(|| {
                    ApiError::new(Error::InvalidQuery).with_detail("status is open or closed")
                })?;
                filter
                    .statuses
                    .extend(statuses.into_iter().map(|s| s.as_str().to_owned()));
            }
        }
    }
    let views = state
        .db(move |conn| hientruong_db::open311::requests(conn, &filter))
        .await?;
    Ok(requests_reply(&call, &views))
}

/// `GET /open311/v2/requests/{service_request_id}.{xml,json}`: a list of one.
pub async fn one(
    state: web::Data<AppState>,
    call: Call,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let id = path_uuid(&req, "id")?;
    let view = state
        .db(move |conn| hientruong_db::read::report::get(conn, id))
        .await?;
    Ok(requests_reply(&call, &[view]))
}

fn path_uuid(req: &HttpRequest, name: &str) -> Result<Uuid, ApiError> {
    req.match_info()
        .get(name)
        .and_then(|id| Uuid::try_parse(id).ok())
        .ok_or(ApiError::new(Error::NotFound))
}

/// `GET /open311/v2/tokens/{token}.{xml,json}`: the request a token stands for. Requests are
/// created at once, so a posting's token always has its request.
pub async fn token(
    state: web::Data<AppState>,
    call: Call,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let token = path_uuid(&req, "token")?;
    let id = state
        .db(move |conn| Ok(hientruong_db::open311::by_token(conn, token)?))
        .await?
        .ok_or(ApiError::new(Error::NotFound))?;
    let body = json!([{"service_request_id": id.to_string(), "token": token.to_string()}]);
    Ok(call.ok("service_requests", &body))
}

/// The fields of a posting: the query string and the form body together (clients put `api_key`
/// in either), the body winning. `attribute[code]` and `attribute[code][]` may repeat.
fn posted_fields(req: &HttpRequest, body: &[u8]) -> Result<Vec<(String, String)>, ApiError> {
    let invalid = |e: serde_urlencoded::de::Error| {
        ApiError::new(Error::InvalidQuery).with_detail(e.to_string())
    };
    let mut fields: Vec<(String, String)> =
        serde_urlencoded::from_str(req.query_string()).map_err(invalid)?;
    if !body.is_empty() {
        let is_form = req
            .headers()
            .get(actix_web::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                v.to_ascii_lowercase()
                    .starts_with("application/x-www-form-urlencoded")
            });
        if !is_form {
            return Err(ApiError::new(Error::UnsupportedMediaType)
                .with_detail("send application/x-www-form-urlencoded"));
        }
        fields
            .extend(serde_urlencoded::from_bytes::<Vec<(String, String)>>(body).map_err(invalid)?);
    }
    Ok(fields)
}

/// How a posting is recognised when it comes again: by the client's `Idempotency-Key` header, or
/// else by its application and everything it sent that day, so that a posting retried after a
/// lost answer finds the request it created.
fn posting_key(req: &HttpRequest, key: &ApiKey, posting: &Posting) -> Result<PostingKey, ApiError> {
    if req.headers().contains_key(IDEMPOTENCY_KEY) {
        let key = crate::handlers::reports::create::idempotency_key(req)?;
        return Ok(PostingKey { key, earlier: None });
    }
    let (key, earlier) = posting.derived_keys(key.id, chrono::Utc::now());
    Ok(PostingKey {
        key,
        earlier: Some(earlier),
    })
}

fn detailed((error, detail): (Error, String)) -> ApiError {
    ApiError::new(error).with_detail(detail)
}

/// `POST /open311/v2/requests.{xml,json}` (form fields; `api_key` in the form or the query
/// string): a client application reports for a resident, through the same validation, routing,
/// idempotency and deadlines as the residents' app. The resident's email, name and phone are
/// kept with the report (shown to IOC operators and administrators) and never published.
pub async fn create(
    state: web::Data<AppState>,
    call: Call,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let posting = Posting::new(posted_fields(&req, &body)?);
    // The key first: nothing else is looked at for a client that is not one.
    let presented = posting
        .get("api_key")
        .ok_or(ApiError::new(Error::InvalidApiKey))?;
    let key = state
        .db(move |conn| hientruong_db::open311::authenticate(conn, &presented))
        .await?;
    state.open311_limit(key.id)?;
    check_jurisdiction(posting.get("jurisdiction_id").as_deref())?;
    let submission = posting.report()?;
    let contact = posting.contact().map_err(detailed)?;
    let idempotency = posting_key(&req, &key, &posting)?;
    let category = submission.category.trim().to_ascii_lowercase();
    let questions = state
        .db(
            move |conn| match hientruong_db::open311::questions(conn, &category) {
                Err(hientruong_db::Error::Domain(Error::NotFound)) => {
                    Err(Error::UnknownCategory.into())
                }
                other => other,
            },
        )
        .await?;
    let valid = submission.validate()?;
    let questions: Vec<_> = questions.iter().filter_map(|q| q.question()).collect();
    let answers = open311::check_answers(&questions, posting.attributes()).map_err(detailed)?;
    let contact = Submission { contact, answers };
    let (submitted, token, view) = state
        .db(move |conn| {
            let (submitted, token) =
                hientruong_db::open311::submit(conn, &key, idempotency, &valid, &contact)?;
            let view = hientruong_db::read::report::get(conn, submitted.id())?;
            Ok((submitted, token, view))
        })
        .await?;
    if matches!(submitted, hientruong_db::reports::Submitted::Created(_)) {
        tracing::info!(report = %submitted.id(), commune = %view.report.commune_code, unit = %view.report.unit_code, "report received through Open311");
    }
    let body = json!([{
        "service_request_id": submitted.id().to_string(),
        "token": token.to_string(),
        "service_notice": notice(&view, &call),
        "account_id": null,
    }]);
    Ok(call.reply(StatusCode::CREATED, "service_requests", &body))
}
