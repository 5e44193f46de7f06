use actix_multipart::Multipart;
use actix_web::http::header::HeaderName;
use actix_web::{HttpRequest, HttpResponse, web};
use hientruong_app::{App, Photo};
use hientruong_db::models::StoredPhoto;
use uuid::Uuid;

use super::create::idempotency_key;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;
use crate::views::PhotoJson;
use crate::{multipart, photos};

errors!(AddReportPhotoErrors = [TOKEN, &[Forbidden], PATH, UPLOAD, &[ReportClosed], SERVER]);

/// `POST /api/v1/reports/{id}/photos`: the reporter adds one photo to their report, with its own
/// `Idempotency-Key`, so that a phone on a weak network can send the report first and the photos
/// after, retrying each until it is acknowledged, without ever storing one twice.
#[utoipa::path(
    post,
    path = "/api/v1/reports/{id}/photos",
    operation_id = "add_report_photo",
    tag = "reports",
    summary = "Add a photo to one's report",
    description = "The reporter (a resident) adds one photo (`multipart/form-data`, one part \
        `photo`) to their report, with its own `Idempotency-Key`: a retry with the same key and \
        file answers the same photo (`Idempotent-Replayed: true`). At most five photos a report; \
        none once it is finished (`409 report_closed`).",
    params(
        ("id" = Uuid, Path, description = "The report's id"),
        ("Idempotency-Key" = Uuid, Header, description = "A UUID per photo"),
    ),
    request_body(content = crate::multipart::PhotoForm, content_type = "multipart/form-data"),
    security(("bearer" = [])),
    responses((
        status = 201,
        description = "The photo",
        body = PhotoJson,
        headers(("Idempotent-Replayed" = bool, description = "`true` when this answers a retry")),
    ), AddReportPhotoErrors),
)]
pub async fn add(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: Multipart,
) -> Result<HttpResponse, ApiError> {
    let actor = user.actor();
    let report_id = id.into_inner();
    let check = actor.clone();
    state
        .run(move |app| app.may_add_report_photo(&check, report_id))
        .await?;
    let max = i64::try_from(state.settings.photo_limits.max_photos).unwrap_or(5);
    upload_one(&state, &req, actor.id, body, move |app, photo| {
        app.add_report_photo(&actor, report_id, photo, max)
    })
    .await
}

/// One photo upload with its own `Idempotency-Key`: admits, reads and processes the photo, stores
/// its files, then `record`s it (in a transaction that may check more) and answers with it.
pub(crate) async fn upload_one<F>(
    state: &AppState,
    req: &HttpRequest,
    account: Uuid,
    body: Multipart,
    record: F,
) -> Result<HttpResponse, ApiError>
where
    F: FnOnce(&App, &StoredPhoto) -> Result<Photo, hientruong_db::Error> + Send + 'static,
{
    let key = idempotency_key(req)?;
    let _slot = multipart::admit(state, account, crate::client::of(req))?;
    let bytes = multipart::single_photo(body, &state.settings.photo_limits).await?;
    let photo = photos::process_and_store(state, bytes, key).await?;
    let added = state.run(move |app| record(app, &photo)).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            HeaderName::from_static("idempotent-replayed"),
            added.replayed.to_string(),
        ))
        .json(PhotoJson::from(&added.photo)))
}
