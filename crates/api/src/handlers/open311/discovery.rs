//! `GET /open311/v2/discovery.{format}`: where the API is and what it speaks.

use actix_web::HttpResponse;
use serde_json::json;

use super::Call;

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
