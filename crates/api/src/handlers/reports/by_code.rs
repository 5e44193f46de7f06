//! `GET /api/v1/reports/by-code/{code}`: a report found by its tracking code.

use actix_web::{HttpResponse, web};

use crate::auth::MaybeAuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;
use crate::views::{ReportDetail, report_for};

errors!(ReportByCodeErrors = [OPTIONAL_TOKEN, PATH, SERVER]);

/// `GET /api/v1/reports/by-code/{code}`: for a resident who has only the code the hotline gave.
#[utoipa::path(
    get,
    path = "/api/v1/reports/by-code/{code}",
    operation_id = "get_report_by_code",
    tag = "reports",
    summary = "One report by its tracking code",
    description = "The report a tracking code (`HT-7K3M-9QXD`; case, hyphens, spaces and the `HT` \
        prefix optional, I/L read as 1 and O as 0) stands for, as `GET /reports/{id}` answers it. \
        A code that is not one, or names no report, is `404 not_found`. Public; a token, when \
        sent, must be valid.",
    params(("code" = String, Path, description = "The tracking code", example = "HT-VW8M-M8M4")),
    security((), ("bearer" = [])),
    responses((status = 200, description = "The report", body = ReportDetail), ReportByCodeErrors),
)]
pub async fn by_code(
    state: web::Data<AppState>,
    caller: MaybeAuthUser,
    code: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let code = code.into_inner();
    let actor = caller.0.map(|u| u.actor());
    let page = state
        .run(move |app| app.report_by_code(actor.as_ref(), &code))
        .await?;
    Ok(HttpResponse::Ok().json(report_for(page)))
}
