//! FixMyStreet's `servicerequestupdates` extension: the public changes of requests, with its
//! extended statuses.

use actix_web::{HttpResponse, web};
use hientruong_domain::open311::{self, Page, Window};
use hientruong_domain::report::Status;
use serde_json::{Value, json};

use super::Call;
use crate::error::ApiError;
use crate::state::AppState;

/// `GET /open311/v2/servicerequestupdates.{xml,json}`: updates in a window (`start_date`,
/// `end_date`; by default the last 90 days, never longer), oldest first, paged like requests.
/// `status` is FixMyStreet's (`investigating`, `in_progress`, `fixed`, `duplicate`, …);
/// `external_status_code` is the platform's own status.
pub async fn list(state: web::Data<AppState>, call: Call) -> Result<HttpResponse, ApiError> {
    let page = Page::new(call.get("page"), call.get("page_size"))?;
    let window = Window::new(
        call.get("start_date"),
        call.get("end_date"),
        chrono::Utc::now(),
    )?;
    let (offset, limit) = (page.offset(), i64::from(page.size));
    let updates = state
        .run(move |app| app.request_updates(window, offset, limit))
        .await?;
    let body: Vec<Value> = updates
        .iter()
        .map(|u| {
            let status = Status::parse(&u.to_status).unwrap_or(Status::Received);
            json!({
                "update_id": u.id.to_string(),
                "service_request_id": u.report_id.to_string(),
                "status": open311::update_status(status),
                "updated_datetime": open311::datetime(u.at),
                "description": u.public_note.clone().unwrap_or_default(),
                "media_url": u.photo.as_ref().map(|p| call.media_url(&p.display_key)),
                "external_status_code": u.to_status,
            })
        })
        .collect();
    Ok(call.ok("service_requests_updates", &Value::Array(body)))
}
