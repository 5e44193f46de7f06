use actix_web::{HttpResponse, web};
use hientruong_db::models::NewUser;
use hientruong_domain::login::{Login, check_password, clean_full_name};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::UserSummary;
use crate::auth::password;
use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[schema(as = RegisterRequest)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// An email address or a Vietnamese mobile number (`0905123456`, `+84905123456`...).
    #[schema(example = "0905 123 456")]
    login: String,
    /// 8 to 128 characters.
    #[schema(min_length = 8, max_length = 128)]
    password: String,
    /// Not empty, at most 100 characters.
    #[schema(min_length = 1, max_length = 100)]
    full_name: String,
    /// `vi` (default) or `en`; anything else counts as `vi`.
    #[serde(default)]
    locale: Option<String>,
}

errors!(
    RegisterErrors = [
        BODY,
        &[InvalidLogin, WeakPassword, InvalidFullName, LoginTaken],
        SERVER
    ]
);

/// `POST /api/v1/auth/register`: a resident account from an email or a Vietnamese mobile number.
#[utoipa::path(
    post,
    path = "/api/v1/auth/register",
    operation_id = "register",
    tag = "accounts",
    summary = "Register a resident account",
    description = "A resident account from an email address or a Vietnamese mobile number \
        (`0905123456`, `+84905123456` and `84-905-123-456` are the same account, stored as \
        `+84905123456`). Public.",
    request_body = Body,
    responses((status = 201, description = "The account", body = UserSummary), RegisterErrors),
)]
pub async fn register(
    state: web::Data<AppState>,
    body: web::Json<Body>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let login = Login::parse(&body.login)?;
    check_password(&body.password)?;
    let full_name = clean_full_name(&body.full_name)?;
    let locale = match body.locale.as_deref() {
        Some("en") => "en",
        _ => "vi",
    };
    let hash = password::hash(body.password).await?;
    let user = state
        .db(move |conn| {
            hientruong_db::users::create(
                conn,
                &NewUser {
                    id: Uuid::new_v4(),
                    login: login.as_str(),
                    login_kind: login.kind(),
                    password_hash: &hash,
                    full_name: &full_name,
                    role: "resident",
                    unit_code: None,
                    locale,
                },
            )
        })
        .await?;
    Ok(HttpResponse::Created().json(UserSummary::from(&user)))
}
