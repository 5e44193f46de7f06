//! `GET /api/v1/me/notifications` and `POST /api/v1/me/notifications/read`: what the caller was
//! told about the reports they follow, in the app.

use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;
use crate::views::NotificationView;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct Query {
    /// The `next_before` of the previous page.
    before: Option<i64>,
    /// 1 to 200; 50 by default.
    limit: Option<i64>,
}

/// A page of notifications, newest first.
#[derive(Serialize, ToSchema)]
pub struct NotificationPage {
    items: Vec<NotificationView>,
    /// How many of the caller's notifications are unread (all of them, not only this page's).
    unread: i64,
    /// `before` for the next page; `null` on the last page.
    next_before: Option<i64>,
}

errors!(NotificationsErrors = [TOKEN, QUERY, SERVER]);

#[utoipa::path(
    get,
    path = "/api/v1/me/notifications",
    operation_id = "my_notifications",
    tag = "notifications",
    summary = "The caller's notifications",
    description = "What the caller was told about the reports they made or support (accepted, \
        a question, resolved with the after photo's thumbnail, rejected or a duplicate, \
        reopened), newest first, in pages (`before` = the previous page's `next_before`), with \
        the unread count for the app's badge. Every notification is here, whatever the caller \
        chose to receive by push or email.",
    params(Query),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of notifications", body = NotificationPage),
        NotificationsErrors,
    ),
)]
pub async fn list(
    state: web::Data<AppState>,
    caller: AuthUser,
    query: web::Query<Query>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let Query { before, limit } = query.into_inner();
    let page = state
        .run(move |app| app.notifications(&actor, before, limit))
        .await?;
    let base = state.settings.public_url.clone();
    Ok(HttpResponse::Ok().json(NotificationPage {
        items: page
            .items
            .into_iter()
            .filter_map(|n| NotificationView::of(n, &base))
            .collect(),
        unread: page.unread,
        next_before: page.next,
    }))
}

#[derive(Deserialize, ToSchema)]
#[schema(as = NotificationsRead)]
#[serde(deny_unknown_fields)]
pub struct ReadBody {
    /// The newest notification read (the first `id` of the list the caller saw).
    #[schema(minimum = 0)]
    up_to: i64,
}

/// The unread count after marking.
#[derive(Serialize, ToSchema)]
pub struct Unread {
    unread: i64,
}

errors!(ReadNotificationsErrors = [TOKEN, BODY, &[InvalidQuery], SERVER]);

#[utoipa::path(
    post,
    path = "/api/v1/me/notifications/read",
    operation_id = "read_notifications",
    tag = "notifications",
    summary = "Mark notifications read",
    description = "Marks the caller's notifications up to `up_to` (an `id`) read. Reading never \
        goes back: a smaller `up_to` than before changes nothing. Answers the unread count.",
    request_body = ReadBody,
    security(("bearer" = [])),
    responses((status = 200, description = "The unread count", body = Unread), ReadNotificationsErrors),
)]
pub async fn read(
    state: web::Data<AppState>,
    caller: AuthUser,
    body: web::Json<ReadBody>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let up_to = body.up_to;
    let unread = state
        .run(move |app| app.read_notifications(&actor, up_to))
        .await?;
    Ok(HttpResponse::Ok().json(Unread { unread }))
}
