use actix_web::{HttpResponse, web};
use hientruong_db::models::NewUser;
use hientruong_domain::login::{Login, check_password, clean_full_name};
use serde::Deserialize;
use uuid::Uuid;

use super::UserSummary;
use crate::auth::password;
use crate::error::ApiError;
use crate::state::AppState;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    login: String,
    password: String,
    full_name: String,
    #[serde(default)]
    locale: Option<String>,
}

/// `POST /api/v1/auth/register`: a resident account from an email or a Vietnamese mobile number.
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
