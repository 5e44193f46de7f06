//! `POST /open311/v2/requests.{format}`

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use hientruong_db::open311::{ApiKey, PostingKey};
use hientruong_db::read::submission::Submission;
use hientruong_domain::Error;
use hientruong_domain::open311::{self, Posting};
use hientruong_domain::report::{Channel, ValidReport};
use serde_json::json;

use super::notice;
use crate::handlers::open311::{Call, check_jurisdiction};

use crate::client::ClientAddr;
use crate::error::ApiError;
use crate::handlers::reports::create::IDEMPOTENCY_KEY;
use crate::state::AppState;

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
    ClientAddr(from): ClientAddr,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let posting = Posting::new(posted_fields(&req, &body)?);
    // The key first: nothing else is looked at for a client that is not one.
    let presented = posting
        .get("api_key")
        .ok_or(ApiError::new(Error::InvalidApiKey))?;
    let key = state.run(move |app| app.poster(&presented, from)).await?;
    check_jurisdiction(posting.get("jurisdiction_id").as_deref())?;
    let submission = posting.report()?;
    let contact = posting.contact().map_err(detailed)?;
    let idempotency = posting_key(&req, &key, &posting)?;
    let category = submission.category.trim().to_ascii_lowercase();
    let questions = state.run(move |app| app.questions(&category, true)).await?;
    let valid = ValidReport {
        channel: Channel::Open311,
        ..submission.validate()?
    };
    let questions: Vec<_> = questions.iter().filter_map(|q| q.question()).collect();
    let answers = open311::check_answers(&questions, posting.attributes()).map_err(detailed)?;
    let contact = Submission { contact, answers };
    let posted = state
        .run(move |app| app.post_request(&key, idempotency, &valid, &contact))
        .await?;
    let body = json!([{
        "service_request_id": posted.submitted.id().to_string(),
        "token": posted.token.to_string(),
        "service_notice": notice(&posted.view, &call),
        "account_id": null,
    }]);
    Ok(call.reply(StatusCode::CREATED, "service_requests", &body))
}
