use actix_web::{HttpResponse, web};
use chrono::Utc;
use hientruong_domain::ticket::cleaned;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[schema(as = RatingRequest)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// 1 to 5.
    #[schema(minimum = 1, maximum = 5)]
    score: i16,
    /// At most 4000 characters.
    #[serde(default)]
    #[schema(max_length = 4000)]
    comment: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[schema(as = Rating)]
pub struct Rated {
    score: i16,
    comment: Option<String>,
    /// `closed`, or `reopened` when the score was 2 or less.
    #[schema(value_type = hientruong_domain::report::Status)]
    status: String,
}

errors!(
    RateReportErrors = [
        TOKEN,
        PATH,
        BODY,
        &[
            Forbidden,
            TextTooLong,
            InvalidScore,
            RatingNotAllowed,
            AlreadyRated
        ],
        SERVER
    ]
);

/// `POST /api/v1/reports/{id}/rating`: the reporter rates the result of their resolved report,
/// once. A score of 2 or less reopens it for the unit's manager; any other closes it.
#[utoipa::path(
    post,
    path = "/api/v1/reports/{id}/rating",
    operation_id = "rate_report",
    tag = "reports",
    summary = "Rate the result of one's report",
    description = "The reporter, once, when the report is `resolved` (or `closed` before they \
        rated it). A score of 3 or more closes the report; 2 or less reopens it for the unit's \
        manager. Any logged-in user may call it; only the reporter of the report succeeds.",
    params(("id" = Uuid, Path, description = "The report's id")),
    request_body = Body,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The rating and the report's new status", body = Rated),
        RateReportErrors,
    ),
)]
pub async fn rate(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<Uuid>,
    body: web::Json<Body>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let comment = cleaned(body.comment.as_deref())?;
    hientruong_domain::ticket::after_rating(body.score)?;
    let actor = caller.actor();
    let id = id.into_inner();
    let score = body.score;
    let stored = comment.clone();
    let report = state
        .db(move |conn| {
            hientruong_db::tickets::rate(conn, &actor, id, score, stored.as_deref(), Utc::now())
        })
        .await?;
    Ok(HttpResponse::Created().json(Rated {
        score,
        comment,
        status: report.status,
    }))
}
