//! `POST` and `DELETE /api/v1/me/push-subscriptions`: the caller's browser receives pushes, or
//! stops.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

/// A browser's `PushSubscription` as `toJSON()` gives it (`expirationTime` is accepted and
/// ignored).
#[derive(Deserialize, ToSchema)]
#[schema(as = PushSubscription)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// The push service's URL for this browser.
    #[schema(max_length = 1000)]
    endpoint: String,
    keys: Keys,
    #[serde(default, rename = "expirationTime")]
    #[schema(value_type = Option<f64>)]
    _expiration_time: Option<serde_json::Value>,
}

#[derive(Deserialize, ToSchema)]
#[schema(as = PushSubscriptionKeys)]
#[serde(deny_unknown_fields)]
struct Keys {
    /// The browser's P-256 public key (65 bytes), base64url.
    p256dh: String,
    /// Its 16-byte authentication secret, base64url.
    auth: String,
}

errors!(SubscribeErrors = [TOKEN, BODY, &[InvalidPushSubscription], SERVER]);

#[utoipa::path(
    post,
    path = "/api/v1/me/push-subscriptions",
    operation_id = "subscribe_push",
    tag = "notifications",
    summary = "Receive pushes in this browser",
    description = "Stores the browser's push subscription (made with the key of `GET \
        /api/v1/push/key`) for the caller: news of the reports they follow then also arrives \
        as a push, when they chose it (`/me/preferences`). Idempotent on the endpoint: `201` \
        when new, `200` when known (a browser where someone else was signed in before is the \
        caller's now). Endpoints only of the configured push services \
        (`HIENTRUONG_PUSH_SERVICES`: the browsers' own by default), keys of the right shape, \
        else `422 invalid_push_subscription`.",
    request_body = Body,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Subscribed"),
        (status = 200, description = "Already subscribed"),
        SubscribeErrors,
    ),
)]
pub async fn subscribe(
    state: web::Data<AppState>,
    caller: AuthUser,
    body: web::Json<Body>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let Body { endpoint, keys, .. } = body.into_inner();
    let created = state
        .run(move |app| app.subscribe_push(&actor, &endpoint, &keys.p256dh, &keys.auth))
        .await?;
    Ok(if created {
        HttpResponse::Created().finish()
    } else {
        HttpResponse::Ok().finish()
    })
}

#[derive(Deserialize, ToSchema)]
#[schema(as = PushUnsubscription)]
#[serde(deny_unknown_fields)]
pub struct Endpoint {
    endpoint: String,
}

errors!(UnsubscribeErrors = [TOKEN, BODY, SERVER]);

#[utoipa::path(
    delete,
    path = "/api/v1/me/push-subscriptions",
    operation_id = "unsubscribe_push",
    tag = "notifications",
    summary = "Stop pushes to a browser",
    description = "Removes the caller's subscription with this endpoint (`204` also when there \
        is none). A subscription the push service says is gone (404, 410) is removed by itself.",
    request_body = Endpoint,
    security(("bearer" = [])),
    responses((status = 204, description = "Not subscribed (any more)"), UnsubscribeErrors),
)]
pub async fn unsubscribe(
    state: web::Data<AppState>,
    caller: AuthUser,
    body: web::Json<Endpoint>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.actor();
    let endpoint = body.into_inner().endpoint;
    state
        .run(move |app| app.unsubscribe_push(&actor, &endpoint))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
