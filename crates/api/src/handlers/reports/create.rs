use actix_multipart::Multipart;
use actix_web::http::header::HeaderName;
use actix_web::{HttpRequest, HttpResponse, web};
use hientruong_db::models::StoredPhoto;
use hientruong_db::reports::Submitted;
use hientruong_domain::Error;
use hientruong_domain::report::{ReportSubmission, ValidReport};
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::client::ClientAddr;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;
use crate::views::OwnReport;
use crate::{multipart, photos};

pub const IDEMPOTENCY_KEY: &str = "Idempotency-Key";

pub fn idempotency_key(req: &HttpRequest) -> Result<Uuid, ApiError> {
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

errors!(
    CreateReportErrors = [
        TOKEN,
        &[Forbidden, VerificationRequired],
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
            CallerRequired,
            InvalidCaller,
            RateLimited
        ],
        SERVER
    ]
);

/// `POST /api/v1/reports` with a JSON body: a resident submits a report; it is routed and
/// stored exactly once per idempotency key. A retry with the same key and content gets the
/// original answer again. One operation of the document with [`create_multipart`], which serves
/// the same path and method for `multipart/form-data`.
#[utoipa::path(
    post,
    path = "/api/v1/reports",
    operation_id = "create_report",
    tag = "reports",
    summary = "Submit a report",
    description = "Residents, and IOC operators taking a call on the hotline: they send \
        `caller` `{name, phone}` (required from them: `422 caller_required`; refused from \
        residents: `403 forbidden`), the report's channel is then `hotline`, the caller is its \
        contact (seen as a reporter's identity is), and no report limit applies; other staff get \
        `403 forbidden`. A resident reports once their account is verified (the code sent at \
        registration, `POST /me/verification/confirm`): `403 verification_required` until then, \
        nothing stored; the app keeps the report and sends it again after verifying. \
        `channel`: `app` (default) or `web`. JSON, or `multipart/form-data` \
        with a part `report` (the same JSON) and up to five parts `photo` (JPEG, PNG or WebP, at \
        most 10 MB and 50 megapixels each); then `lat`/`lon` may be left out and are read from \
        the first photo with an EXIF GPS position. The point must be in Huế. Stored exactly once \
        per `Idempotency-Key`: a retry with the same key and body answers the stored report again \
        (`Idempotent-Replayed: true`); the same key with another body is \
        `409 idempotency_conflict`. New reports count against the account's limits (by default \
        10 an hour and 30 a day) and the client address's (120 an hour): `429 rate_limited` \
        with `Retry-After` beyond them; a retry of a stored report is always answered.",
    params(("Idempotency-Key" = Uuid, Header, description = "A UUID the app generates once per report and sends with every attempt")),
    request_body(content(
        (ReportSubmission = "application/json"),
        (crate::multipart::ReportForm = "multipart/form-data"),
    )),
    security(("bearer" = [])),
    responses((
        status = 201,
        description = "The report, as its reporter sees it",
        body = OwnReport,
        headers(
            ("Location" = String, description = "`/api/v1/reports/{id}`"),
            ("Idempotent-Replayed" = bool, description = "`true` when this answers a retry"),
        ),
    ), CreateReportErrors),
)]
pub async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    client: ClientAddr,
    body: web::Json<ReportSubmission>,
) -> Result<HttpResponse, ApiError> {
    user.actor().check_submit()?;
    let key = idempotency_key(&req)?;
    let valid = body.validate()?;
    submit(&state, &user, client, key, valid, Vec::new()).await
}

/// `POST /api/v1/reports` as `multipart/form-data`: a `report` part with the JSON above and up to
/// five `photo` parts. The photos are processed and stored before the report is recorded; when the
/// report has no position, the first photo with a GPS position gives it.
pub async fn create_multipart(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    client: ClientAddr,
    body: Multipart,
) -> Result<HttpResponse, ApiError> {
    // Refused before anything of the upload is read, a new report over its limits too (a retry
    // of one already stored is answered whatever the limits).
    user.actor().check_submit()?;
    let key = idempotency_key(&req)?;
    let actor = user.actor();
    state
        .run(move |app| app.check_report_budgets(&actor, client.0, key))
        .await?;
    let _slot = multipart::admit(&state, user.actor().id, client.0)?;
    let upload = multipart::report_upload(
        body,
        &state.settings.photo_limits,
        state.settings.json_limit_bytes,
    )
    .await?;
    // Everything but a missing position can be checked before any photo is processed.
    upload.report.validate_with(Some((0.0, 0.0)))?;
    // Who may send it (a caller's report for IOC operators only), before photos are processed.
    user.actor()
        .check_submission(upload.report.caller.is_some())?;
    let mut stored = Vec::new();
    let mut photo_position = None;
    for (index, bytes) in upload.photos.into_iter().enumerate() {
        // Each photo's key derives from the report's, so a retried upload dedupes photo by photo.
        let photo_key = Uuid::new_v5(&key, format!("photo-{index}").as_bytes());
        let photo = photos::process_and_store(&state, bytes, photo_key).await?;
        photo_position = photo_position.or(photo.exif_gps);
        stored.push(photo);
    }
    let valid = upload.report.validate_with(photo_position)?;
    submit(&state, &user, client, key, valid, stored).await
}

async fn submit(
    state: &AppState,
    user: &AuthUser,
    ClientAddr(client): ClientAddr,
    key: Uuid,
    valid: ValidReport,
    stored: Vec<StoredPhoto>,
) -> Result<HttpResponse, ApiError> {
    let actor = user.actor();
    let (submitted, view) = state
        .run(move |app| app.submit(&actor, client, key, &valid, &stored))
        .await?;
    let replayed = matches!(submitted, Submitted::Replayed(_));
    if !replayed {
        tracing::info!(report = %submitted.id(), commune = %view.report.commune_code, unit = %view.report.unit_code, photos = view.photos.len(), "report received");
    }
    Ok(HttpResponse::Created()
        .insert_header((
            HeaderName::from_static("idempotent-replayed"),
            replayed.to_string(),
        ))
        .insert_header(("Location", format!("/api/v1/reports/{}", submitted.id())))
        .json(OwnReport::from(view)))
}
