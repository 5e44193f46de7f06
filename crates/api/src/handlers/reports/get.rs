use actix_web::{HttpResponse, web};
use uuid::Uuid;

use crate::auth::MaybeAuthUser;
use crate::error::ApiError;
use crate::state::AppState;
use crate::views::{TimelineEntry, report_for};

/// `GET /api/v1/reports/{id}`: the reporter sees their report in full, anyone else the public view;
/// both with the public timeline (changes of state and the unit's public answers).
pub async fn get(
    state: web::Data<AppState>,
    caller: MaybeAuthUser,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (view, timeline) = state
        .db(move |conn| {
            let view = hientruong_db::reports::get(conn, id)?;
            Ok((view, hientruong_db::tickets::public_timeline(conn, id)?))
        })
        .await?;
    let mut body = report_for(view, caller.0.map(|u| u.id));
    if let Some(fields) = body.as_object_mut() {
        let entries: Vec<TimelineEntry> = timeline.into_iter().map(TimelineEntry::from).collect();
        fields.insert(
            "timeline".into(),
            serde_json::to_value(entries).unwrap_or_default(),
        );
    }
    Ok(HttpResponse::Ok().json(body))
}
