use actix_web::{HttpResponse, web};
use hientruong_db::reports::ReportFilter;
use hientruong_domain::pagination::Bbox;
use hientruong_domain::report::Status;
use serde::Deserialize;

use crate::error::ApiError;
use crate::handlers::query::{self, given, invalid};
use crate::state::AppState;
use crate::views::{Page, PublicReport};

/// Listing parameters. An empty value (`?category=&status=`, as URL templates produce) counts as
/// absent.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Query {
    bbox: Option<String>,
    category: Option<String>,
    status: Option<String>,
    commune: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

impl Query {
    /// The filter this query asks for; shared by the public list and a resident's own list.
    pub fn filter(&self) -> Result<ReportFilter, ApiError> {
        let status = given(&self.status)
            .map(|s| Status::parse(s).ok_or_else(|| invalid("unknown status")))
            .transpose()?;
        Ok(ReportFilter {
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

/// `GET /api/v1/reports`: the public list, newest first, with keyset pagination.
pub async fn list(
    state: web::Data<AppState>,
    query: web::Query<Query>,
) -> Result<HttpResponse, ApiError> {
    let filter = query.filter()?;
    let (items, next) = state
        .db(move |conn| hientruong_db::reports::list(conn, &filter))
        .await?;
    Ok(HttpResponse::Ok().json(Page {
        items: items.into_iter().map(PublicReport::from).collect(),
        next_cursor: next.map(|c| c.encode()),
    }))
}
