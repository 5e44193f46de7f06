//! `GET /open311/v2/requests.{format}`

use actix_web::{HttpResponse, web};
use hientruong_db::open311::RequestFilter;
use hientruong_domain::Error;
use hientruong_domain::open311::{self, Page, Window};
use uuid::Uuid;

use super::requests_reply;
use crate::handlers::open311::Call;

use crate::error::ApiError;
use crate::state::AppState;

/// `GET /open311/v2/requests.{xml,json}`: requests of the last 90 days by default (a window never
/// longer), newest first, at most 1000 per page (`page`/`page_size`). `service_request_id` (a
/// comma-separated list) overrides every other filter; `service_code` and `status` take lists too.
pub async fn list(state: web::Data<AppState>, call: Call) -> Result<HttpResponse, ApiError> {
    let filter = filter(&call)?;
    let views = state.run(move |app| app.service_requests(&filter)).await?;
    Ok(requests_reply(&call, &views))
}

/// The filter a call's parameters ask for.
fn filter(call: &Call) -> Result<RequestFilter, ApiError> {
    let get = |name: &str| call.get(name);
    let page = Page::new(get("page"), get("page_size"))?;
    let mut filter = RequestFilter {
        offset: page.offset(),
        limit: i64::from(page.size),
        ..RequestFilter::default()
    };
    match get("service_request_id").map(open311::list) {
        Some(ids) if !ids.is_empty() => {
            if ids.len() > open311::MAX_IDS {
                return Err(ApiError::new(Error::InvalidQuery)
                    .with_detail(format!("at most {} ids", open311::MAX_IDS)));
            }
            // An id that is not one of ours matches nothing.
            filter.ids = Some(
                ids.iter()
                    .filter_map(|id| Uuid::try_parse(id).ok())
                    .collect(),
            );
        }
        _ => {
            filter.window = Some(Window::new(
                get("start_date"),
                get("end_date"),
                chrono::Utc::now(),
            )?);
            filter.categories = get("service_code")
                .map(open311::list)
                .unwrap_or_default()
                .into_iter()
                .map(str::to_owned)
                .collect();
            for status in get("status").map(open311::list).unwrap_or_default() {
                let statuses = open311::statuses_of(status).ok_or_else(|| {
                    ApiError::new(Error::InvalidQuery).with_detail("status is open or closed")
                })?;
                filter
                    .statuses
                    .extend(statuses.into_iter().map(|s| s.as_str().to_owned()));
            }
        }
    }
    Ok(filter)
}
