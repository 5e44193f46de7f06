//! Reference data the apps show in pickers: categories and communes.

use actix_web::{HttpResponse, web};
use serde::Serialize;

use crate::error::ApiError;
use crate::state::AppState;

pub async fn list_categories(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    #[derive(Serialize)]
    struct Item {
        code: String,
        name: String,
        name_en: String,
        urgent: bool,
    }
    let categories = state
        .db(|conn| Ok(hientruong_db::catalog::active_categories(conn)?))
        .await?;
    let items: Vec<Item> = categories
        .into_iter()
        .map(|c| Item {
            code: c.code,
            name: c.name_vi,
            name_en: c.name_en,
            urgent: c.urgent,
        })
        .collect();
    Ok(HttpResponse::Ok().json(serde_json::json!({ "items": items })))
}

pub async fn list_communes(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    #[derive(Serialize)]
    struct Item {
        code: String,
        name: String,
        full_name: String,
        name_en: String,
        full_name_en: String,
        level: String,
        area_km2: Option<f64>,
        valid_from: chrono::NaiveDate,
    }
    let communes = state
        .db(|conn| Ok(hientruong_db::geography::current_communes(conn)?))
        .await?;
    let items: Vec<Item> = communes
        .into_iter()
        .map(|c| Item {
            code: c.code,
            name: c.name,
            full_name: c.full_name,
            name_en: c.name_en,
            full_name_en: c.full_name_en,
            level: c.level,
            area_km2: c.area_km2,
            valid_from: c.valid_from,
        })
        .collect();
    Ok(HttpResponse::Ok().json(serde_json::json!({ "items": items })))
}
