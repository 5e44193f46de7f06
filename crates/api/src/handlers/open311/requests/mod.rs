//! Service requests: listing, one request, a posting's token, and posting (with an API key), a
//! handler per file; here the request as Open311 shows it.

pub mod create;
pub mod list;
pub mod one;
pub mod token;

use actix_web::{HttpRequest, HttpResponse};
use hientruong_db::read::report::ReportView;
use hientruong_domain::open311::{self};
use hientruong_domain::report::Status;
use hientruong_domain::{Error, Lang};
use serde_json::{Value, json};
use uuid::Uuid;

use super::Call;
use crate::error::ApiError;

/// A report as an Open311 service request: its public view (nothing about who reported it, the
/// position to about 10 m, without what moderators hid).
pub(crate) fn request(view: &ReportView, call: &Call) -> Value {
    let r = &view.report;
    let status = Status::parse(&r.status).unwrap_or(Status::Received);
    let photo = view
        .public_photos()
        .filter(|p| p.kind == "report")
        .min_by_key(|p| p.ordinal);
    json!({
        "service_request_id": r.id.to_string(),
        "status": open311::public_status(status),
        "status_notes": r.public_answer,
        "service_name": call.name(&view.category_name_vi, &view.category_name_en),
        "service_code": r.category_code,
        "description": view.public_description(),
        "agency_responsible": call.name(&view.unit_name_vi, &view.unit_name_en),
        "service_notice": notice(view, call),
        "requested_datetime": open311::datetime(r.created_at),
        "updated_datetime": open311::datetime(r.updated_at),
        "expected_datetime": r.due_at.map(open311::datetime),
        "address": r.address,
        "address_id": null,
        "zipcode": null,
        "lat": view.public_location.y,
        "long": view.public_location.x,
        "media_url": photo.map(|p| call.media_url(&p.display_key)),
    })
}

/// What the reporter is told: the tracking code for the hotline, and who handles it until when.
pub(crate) fn notice(view: &ReportView, call: &Call) -> String {
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

pub(crate) fn requests_reply(call: &Call, views: &[ReportView]) -> HttpResponse {
    let body: Vec<Value> = views.iter().map(|v| request(v, call)).collect();
    call.ok("service_requests", &Value::Array(body))
}

pub(crate) fn path_uuid(req: &HttpRequest, name: &str) -> Result<Uuid, ApiError> {
    req.match_info()
        .get(name)
        .and_then(|id| Uuid::try_parse(id).ok())
        .ok_or(ApiError::new(Error::NotFound))
}
