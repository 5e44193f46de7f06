use actix_web::{HttpResponse, web};
use uuid::Uuid;

use crate::auth::MaybeAuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;
use crate::views::{ReportDetail, report_for};

errors!(GetReportErrors = [OPTIONAL_TOKEN, PATH, SERVER]);

/// `GET /api/v1/reports/{id}`: the reporter sees their report in full, anyone else the public view;
/// both with the public timeline (changes of state and the unit's public answers).
#[utoipa::path(
    get,
    path = "/api/v1/reports/{id}",
    operation_id = "get_report",
    tag = "reports",
    summary = "One report",
    description = "With the reporter's token, the whole report; for anyone else (or without a \
        token) the public view, without `mine`, `idempotency_key` and `routing`. Both with the \
        public timeline. Public; a token, when sent, must be valid.",
    params(("id" = Uuid, Path, description = "The report's id")),
    security((), ("bearer" = [])),
    responses((status = 200, description = "The report", body = ReportDetail), GetReportErrors),
)]
pub async fn get(
    state: web::Data<AppState>,
    caller: MaybeAuthUser,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let actor = caller.0.map(|u| u.actor());
    let page = state.run(move |app| app.report(actor.as_ref(), id)).await?;
    Ok(HttpResponse::Ok().json(report_for(page)))
}
