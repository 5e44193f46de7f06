//! `PUT /api/v1/reports/{id}/support`: "this is it".

use actix_web::{HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

/// The caller's support of a report, and how many residents support it.
#[derive(Serialize, ToSchema)]
#[schema(as = Support)]
pub struct SupportJson {
    pub supported: bool,
    pub support_count: i64,
}

impl From<hientruong_app::Support> for SupportJson {
    fn from(s: hientruong_app::Support) -> SupportJson {
        SupportJson {
            supported: s.supported,
            support_count: s.count,
        }
    }
}

errors!(
    SupportReportErrors = [
        TOKEN,
        &[Forbidden, VerificationRequired, OwnReport, ReportClosed],
        PATH,
        SERVER
    ]
);

/// `PUT /api/v1/reports/{id}/support`: a resident says another's report is their problem too.
#[utoipa::path(
    put,
    path = "/api/v1/reports/{id}/support",
    operation_id = "support_report",
    tag = "reports",
    summary = "Support a report",
    description = "A resident supports a report instead of filing the same problem again: it \
        counts once however often it is sent (`support_count`). Their own report is `409 \
        own_report`, a finished one (resolved, closed, rejected, a duplicate) `409 \
        report_closed`; other roles get `403 forbidden`, a resident whose account is not verified \
        yet `403 verification_required`.",
    params(("id" = Uuid, Path, description = "The report's id")),
    security(("bearer" = [])),
    responses((status = 200, description = "Supported", body = SupportJson), SupportReportErrors),
)]
pub async fn support(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let (actor, id) = (caller.actor(), id.into_inner());
    let support = state.run(move |app| app.support(&actor, id)).await?;
    Ok(HttpResponse::Ok().json(SupportJson::from(support)))
}
