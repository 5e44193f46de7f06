//! Reference data the apps show in pickers and maps: categories, communes (also as outlines) and
//! handling units. All public: none of it is personal.

use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

use crate::error::ApiError;
use crate::handlers::geojson;
use crate::handlers::query::invalid;
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

#[derive(Deserialize)]
pub struct CommunesQuery {
    #[serde(default)]
    format: Option<String>,
}

/// `GET /api/v1/communes[?format=geojson]`: the communes in force today; as GeoJSON, a
/// FeatureCollection of their outlines (simplified to about 20 m) with the same fields as
/// properties, for the maps of the apps.
pub async fn list_communes(
    state: web::Data<AppState>,
    query: web::Query<CommunesQuery>,
) -> Result<HttpResponse, ApiError> {
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
    let as_geojson = match query.format.as_deref() {
        None | Some("" | "json") => false,
        Some("geojson") => true,
        Some(_) => {
            return Err(invalid("format must be json or geojson"));
        }
    };
    let (communes, outlines) = state
        .db(move |conn| {
            let outlines = if as_geojson {
                hientruong_db::geography::outlines(conn)?
            } else {
                Vec::new()
            };
            Ok((hientruong_db::geography::current_communes(conn)?, outlines))
        })
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
    if !as_geojson {
        return Ok(HttpResponse::Ok().json(serde_json::json!({ "items": items })));
    }
    Ok(geojson::communes(
        items.into_iter().map(|item| (item.code.clone(), item)),
        &outlines,
    ))
}

/// `GET /api/v1/units`: the active handling units (the targets of a transfer, the rows of the
/// league table), without their mailboxes.
pub async fn list_units(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    #[derive(Serialize)]
    struct Item {
        code: String,
        kind: String,
        name: String,
        name_en: String,
        commune: Option<String>,
    }
    let units = state
        .db(|conn| Ok(hientruong_db::admin::units(conn)?))
        .await?;
    let items: Vec<Item> = units
        .into_iter()
        .filter(|u| u.active)
        .map(|u| Item {
            code: u.code,
            kind: u.kind,
            name: u.name_vi,
            name_en: u.name_en,
            commune: u.commune_code,
        })
        .collect();
    Ok(HttpResponse::Ok().json(serde_json::json!({ "items": items })))
}
