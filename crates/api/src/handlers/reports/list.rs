use actix_web::{HttpResponse, web};
use hientruong_db::reports::ReportFilter;
use hientruong_domain::Error;
use hientruong_domain::pagination::{Bbox, Cursor, page_limit};
use hientruong_domain::report::{Status, is_code, is_commune_code};
use serde::Deserialize;

use crate::error::ApiError;
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

pub(crate) fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

pub(crate) fn invalid(detail: &str) -> ApiError {
    ApiError::new(Error::InvalidQuery).with_detail(detail)
}

pub(crate) fn checked(
    value: &str,
    valid: fn(&str) -> bool,
    detail: &str,
) -> Result<String, ApiError> {
    if valid(value) {
        Ok(value.to_owned())
    } else {
        Err(invalid(detail))
    }
}

impl Query {
    /// The filter this query asks for; shared by the public list and a resident's own list.
    pub fn filter(&self) -> Result<ReportFilter, ApiError> {
        let status = given(&self.status)
            .map(|s| Status::parse(s).ok_or_else(|| invalid("unknown status")))
            .transpose()?;
        let limit = given(&self.limit)
            .map(|l| {
                l.parse::<i64>()
                    .map_err(|_| invalid("limit must be a number"))
            })
            .transpose()?;
        Ok(ReportFilter {
            bbox: given(&self.bbox).map(Bbox::parse).transpose()?,
            category: given(&self.category)
                .map(|c| checked(c, is_code, "category is not a category code"))
                .transpose()?,
            status: status.map(|s| s.as_str().to_owned()),
            commune: given(&self.commune)
                .map(|c| checked(c, is_commune_code, "commune must be a 5-digit code"))
                .transpose()?,
            reporter: None,
            after: given(&self.cursor).map(Cursor::decode).transpose()?,
            limit: page_limit(limit)?,
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
