use actix_web::{HttpResponse, web};

use super::list::Query;
use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;
use crate::views::{OwnReport, Page};

errors!(MyReportsErrors = [TOKEN, REPORT_FILTERS, SERVER]);

/// `GET /api/v1/me/reports`: the caller's own reports, in full, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/me/reports",
    operation_id = "my_reports",
    tag = "reports",
    summary = "The caller's own reports",
    description = "The caller's reports, in full, newest first, with the same filters as the \
        public list. Any logged-in user.",
    params(Query),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of the caller's reports", body = Page<OwnReport>),
        MyReportsErrors,
    ),
)]
pub async fn mine(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<Query>,
) -> Result<HttpResponse, ApiError> {
    let filter = query.filter()?;
    let actor = user.actor();
    let (items, next) = state.run(move |app| app.my_reports(&actor, filter)).await?;
    Ok(HttpResponse::Ok().json(Page {
        items: items.into_iter().map(OwnReport::from).collect(),
        next_cursor: next.map(|c| c.encode()),
    }))
}
