use actix_web::{HttpResponse, web};
use hientruong_db::reports::ReportFilter;
use hientruong_domain::Error;
use hientruong_domain::pagination::{Bbox, Cursor, page_limit};
use hientruong_domain::report::Status;
use serde::Deserialize;

use crate::error::ApiError;
use crate::state::AppState;
use crate::views::{Page, PublicReport};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Query {
    bbox: Option<String>,
    category: Option<String>,
    status: Option<String>,
    commune: Option<String>,
    limit: Option<i64>,
    cursor: Option<String>,
}

impl Query {
    /// The filter this query asks for; shared by the public list and a resident's own list.
    pub fn filter(&self) -> Result<ReportFilter, ApiError> {
        let status = match self.status.as_deref() {
            Some(s) => Some(
                Status::parse(s)
                    .ok_or(ApiError::new(Error::InvalidQuery).with_detail("unknown status"))?,
            ),
            None => None,
        };
        Ok(ReportFilter {
            bbox: self.bbox.as_deref().map(Bbox::parse).transpose()?,
            category: self.category.clone(),
            status: status.map(|s| s.as_str().to_owned()),
            commune: self.commune.clone(),
            reporter: None,
            after: self.cursor.as_deref().map(Cursor::decode).transpose()?,
            limit: page_limit(self.limit)?,
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
