use actix_web::{HttpResponse, web};
use chrono::Utc;
use hientruong_domain::ticket::cleaned;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::state::AppState;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    score: i16,
    #[serde(default)]
    comment: Option<String>,
}

#[derive(Serialize)]
struct Rated {
    score: i16,
    comment: Option<String>,
    /// `closed`, or `reopened` when the score was 2 or less.
    status: String,
}

/// `POST /api/v1/reports/{id}/rating`: the reporter rates the result of their resolved report,
/// once. A score of 2 or less reopens it for the unit's manager; any other closes it.
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
