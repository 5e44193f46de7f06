use actix_web::http::header::HeaderName;
use actix_web::{HttpRequest, HttpResponse, web};
use hientruong_db::reports::Submitted;
use hientruong_domain::Error;
use hientruong_domain::report::ReportSubmission;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::state::AppState;
use crate::views::OwnReport;

pub const IDEMPOTENCY_KEY: &str = "Idempotency-Key";

fn idempotency_key(req: &HttpRequest) -> Result<Uuid, ApiError> {
    let value = req
        .headers()
        .get(IDEMPOTENCY_KEY)
        .ok_or(ApiError::new(Error::IdempotencyKeyRequired))?;
    value
        .to_str()
        .ok()
        .and_then(|v| Uuid::try_parse(v.trim()).ok())
        .ok_or(ApiError::new(Error::InvalidIdempotencyKey))
}

/// `POST /api/v1/reports`: a resident submits a report; it is routed and stored exactly once per
/// idempotency key. A retry with the same key and content gets the original answer again.
pub async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    body: web::Json<ReportSubmission>,
) -> Result<HttpResponse, ApiError> {
    user.require_resident()?;
    let key = idempotency_key(&req)?;
    let valid = body.validate()?;
    let reporter = user.id;
    let (submitted, view) = state
        .db(move |conn| {
            let submitted = hientruong_db::reports::submit(conn, reporter, key, &valid)?;
            let view = hientruong_db::reports::get(conn, submitted.id())?;
            Ok((submitted, view))
        })
        .await?;
    let replayed = matches!(submitted, Submitted::Replayed(_));
    if !replayed {
        tracing::info!(report = %submitted.id(), commune = %view.report.commune_code, unit = %view.report.unit_code, "report received");
    }
    Ok(HttpResponse::Created()
        .insert_header((
            HeaderName::from_static("idempotent-replayed"),
            replayed.to_string(),
        ))
        .insert_header(("Location", format!("/api/v1/reports/{}", submitted.id())))
        .json(OwnReport::from(view)))
}
