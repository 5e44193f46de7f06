//! `POST`, `GET /api/v1/me/alerts` and `DELETE /api/v1/me/alerts/{id}`: the caller's area
//! alerts (new public reports in a commune, or near a point, told in a digest).

use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use hientruong_db::alerts::Alert;
use hientruong_domain::alert::{Digest, NewAlert};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;
use crate::views::Items;

/// An alert to make: a commune (`commune`), or a point (`lat`, `lon`) with `radius_m`.
#[derive(Deserialize, ToSchema)]
#[schema(as = NewAlert)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// A commune or ward's code (`GET /api/v1/communes`).
    commune: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    /// 50 to 2,000 metres around the point.
    #[schema(minimum = 50, maximum = 2000)]
    radius_m: Option<i32>,
    /// Only these categories; all when absent or empty.
    #[serde(default)]
    categories: Vec<String>,
    /// `hourly` (default) or `daily`; reports of urgent categories go at once either way.
    #[serde(default)]
    digest: Digest,
}

/// An area alert.
#[derive(Serialize, ToSchema)]
pub struct AlertView {
    id: i64,
    commune: Option<String>,
    /// The commune's name.
    commune_name: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    radius_m: Option<i32>,
    categories: Vec<String>,
    digest: Digest,
    created_at: DateTime<Utc>,
}

impl From<Alert> for AlertView {
    fn from(a: Alert) -> AlertView {
        AlertView {
            id: a.id,
            digest: a.digest(),
            commune: a.commune_code,
            commune_name: a.commune_name,
            lat: a.lat,
            lon: a.lon,
            radius_m: a.radius_m,
            categories: a.categories,
            created_at: a.created_at,
        }
    }
}

errors!(CreateAlertErrors = [TOKEN, BODY, &[InvalidAlert, TooManyAlerts], SERVER]);

#[utoipa::path(
    post,
    path = "/api/v1/me/alerts",
    operation_id = "create_alert",
    tag = "notifications",
    summary = "Watch an area for new reports",
    description = "New public reports in a commune or ward (`commune`), or within `radius_m` \
        (50 to 2,000) of a point (`lat`, `lon`), optionally of some `categories` only, are told \
        to the caller in one digest per alert and period (`digest`: `hourly` by default, or \
        `daily`; urgent categories such as fire and flooding at once): in the app, and by push \
        and email as their `alerts` preferences say. Never the caller's own reports, never one \
        report twice. `422 invalid_alert` for anything else (an unknown commune or category); \
        `409 too_many_alerts` beyond 20.",
    request_body = Body,
    security(("bearer" = [])),
    responses((status = 201, description = "The alert", body = AlertView), CreateAlertErrors),
)]
pub async fn create(
    state: web::Data<AppState>,
    caller: AuthUser,
    body: web::Json<Body>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let b = body.into_inner();
    let point = match (b.lat, b.lon) {
        (Some(lat), Some(lon)) => Some((lat, lon)),
        (None, None) => None,
        _ => return Err(hientruong_domain::Error::InvalidAlert.into()),
    };
    let alert = NewAlert::new(b.commune, point, b.radius_m, b.categories, b.digest)?;
    let made = state
        .run(move |app| app.create_alert(&actor, &alert))
        .await?;
    Ok(HttpResponse::Created().json(AlertView::from(made)))
}

errors!(ListAlertsErrors = [TOKEN, SERVER]);

#[utoipa::path(
    get,
    path = "/api/v1/me/alerts",
    operation_id = "my_alerts",
    tag = "notifications",
    summary = "The caller's area alerts",
    description = "Oldest first.",
    security(("bearer" = [])),
    responses((status = 200, description = "The alerts", body = Items<AlertView>), ListAlertsErrors),
)]
pub async fn list(state: web::Data<AppState>, caller: AuthUser) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let alerts = state.run(move |app| app.alerts(&actor)).await?;
    Ok(HttpResponse::Ok().json(Items {
        items: alerts.into_iter().map(AlertView::from).collect::<Vec<_>>(),
    }))
}

errors!(DeleteAlertErrors = [TOKEN, PATH, SERVER]);

#[utoipa::path(
    delete,
    path = "/api/v1/me/alerts/{id}",
    operation_id = "delete_alert",
    tag = "notifications",
    summary = "Stop watching an area",
    description = "What it had not told yet is dropped. `404` for an alert that is not the \
        caller's.",
    params(("id" = i64, Path, description = "The alert's id")),
    security(("bearer" = [])),
    responses((status = 204, description = "Deleted"), DeleteAlertErrors),
)]
pub async fn delete(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let id = id.into_inner();
    state.run(move |app| app.delete_alert(&actor, id)).await?;
    Ok(HttpResponse::NoContent().finish())
}
