use actix_web::{HttpResponse, web};
use hientruong_db::read::report::ReportFilter;
use hientruong_domain::pagination::Bbox;
use hientruong_domain::report::Status;
use hientruong_domain::search::Search;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::handlers::query::{self, given, invalid};
use crate::state::AppState;
use crate::views::{Page, PublicReport};

/// Listing parameters. An empty value (`?category=&status=`, as URL templates produce) counts as
/// absent.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct Query {
    /// `minLon,minLat,maxLon,maxLat` (WGS84 degrees).
    #[param(example = "107.5,16.4,107.7,16.5")]
    bbox: Option<String>,
    /// A category code.
    category: Option<String>,
    /// One status.
    #[param(value_type = Option<Status>)]
    status: Option<String>,
    /// A 5-digit commune code.
    #[param(pattern = "^[0-9]{5}$")]
    commune: Option<String>,
    /// The page size, 1 to 200 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 200)]
    limit: Option<String>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Words the report's description, address or public answer must have (diacritics, case
    /// and a small typo do not matter: "ngap nuoc" finds "ngập nước"), or its tracking code:
    /// the page is then the best matches, ranked, without a next page. The public list does not
    /// search a text moderators hid. 200 characters at most.
    #[param(max_length = 200)]
    q: Option<String>,
}

impl Query {
    /// The filter this query asks for; shared by the public list and a resident's own list.
    pub fn filter(&self) -> Result<ReportFilter, ApiError> {
        let status = given(&self.status)
            .map(|s| Status::parse(s).ok_or_else(|| invalid("unknown status")))
            .transpose()?;
        Ok(ReportFilter {
            search: Search::parse(given(&self.q))?,
            bbox: given(&self.bbox).map(Bbox::parse).transpose()?,
            category: query::category(&self.category)?,
            status: status.map(|s| s.as_str().to_owned()),
            commune: query::commune(&self.commune)?,
            reporter: None,
            after: query::cursor(&self.cursor)?,
            limit: query::limit(&self.limit)?,
        })
    }
}

errors!(ListReportsErrors = [REPORT_FILTERS, SERVER]);

/// `GET /api/v1/reports`: the public list, newest first, with keyset pagination.
#[utoipa::path(
    get,
    path = "/api/v1/reports",
    operation_id = "list_reports",
    tag = "reports",
    summary = "The public list of reports",
    description = "Newest first, keyset-paginated: pages stay consistent while new reports \
        arrive. Public (a token is not looked at). An empty parameter counts as absent; an \
        unknown one is `400 invalid_query`.",
    params(Query),
    responses(
        (status = 200, description = "A page of reports", body = Page<PublicReport>),
        ListReportsErrors,
    ),
)]
pub async fn list(
    state: web::Data<AppState>,
    query: web::Query<Query>,
) -> Result<HttpResponse, ApiError> {
    let filter = query.filter()?;
    let (items, next) = state.run(move |app| app.reports(&filter)).await?;
    Ok(HttpResponse::Ok().json(Page {
        items: items.into_iter().map(PublicReport::from).collect(),
        next_cursor: next.map(|c| c.encode()),
    }))
}
