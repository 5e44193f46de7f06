//! Reference data the apps show in pickers and maps: categories, communes (also as outlines) and
//! handling units. All public: none of it is personal.

use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::handlers::geojson::{self, FeatureCollection};
use crate::handlers::query::invalid;
use crate::state::AppState;
use crate::views::Items;

/// A report category, for the app's picker.
#[derive(Serialize, ToSchema)]
#[schema(as = CategoryItem)]
pub struct Item {
    code: String,
    name: String,
    name_en: String,
    /// Urgent categories run on the wall clock.
    urgent: bool,
}

errors!(ListCategoriesErrors = [SERVER]);

/// `GET /api/v1/categories`: the active categories.
#[utoipa::path(
    get,
    path = "/api/v1/categories",
    operation_id = "list_categories",
    tag = "reference",
    summary = "The report categories",
    description = "The active categories, in display order. Public.",
    responses(
        (status = 200, description = "The categories", body = Items<Item>),
        ListCategoriesErrors,
    ),
)]
pub async fn list_categories(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
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
    Ok(HttpResponse::Ok().json(Items { items }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CommunesQuery {
    /// `json` (the default) or `geojson`.
    #[serde(default)]
    #[param(pattern = "^(json|geojson)?$")]
    format: Option<String>,
}

/// A commune or ward in force today.
#[derive(Serialize, ToSchema)]
pub struct Commune {
    /// The 5-digit code of the General Statistics Office.
    code: String,
    name: String,
    full_name: String,
    name_en: String,
    full_name_en: String,
    /// `ward` or `commune`.
    level: String,
    area_km2: Option<f64>,
    valid_from: chrono::NaiveDate,
}

/// A handling unit, without its mailbox.
#[derive(Serialize, ToSchema)]
#[schema(as = UnitItem)]
pub struct Unit {
    code: String,
    /// `commune_committee`, `department` or `ioc`.
    kind: String,
    name: String,
    name_en: String,
    /// A commune's People's Committee: its commune.
    commune: Option<String>,
}

errors!(ListCommunesErrors = [QUERY, SERVER]);

/// `GET /api/v1/communes[?format=geojson]`: the communes in force today; as GeoJSON, a
/// FeatureCollection of their outlines (simplified to about 20 m) with the same fields as
/// properties, for the maps of the apps.
#[utoipa::path(
    get,
    path = "/api/v1/communes",
    operation_id = "list_communes",
    tag = "reference",
    summary = "The communes and wards",
    description = "The communes in force today; with `format=geojson`, a FeatureCollection of \
        their outlines (simplified to about 20 m) with the same fields as properties. Public.",
    params(CommunesQuery),
    responses((status = 200, description = "The communes", content(
        (Items<Commune> = "application/json"),
        (FeatureCollection<Commune> = "application/geo+json"),
    )), ListCommunesErrors),
)]
pub async fn list_communes(
    state: web::Data<AppState>,
    query: web::Query<CommunesQuery>,
) -> Result<HttpResponse, ApiError> {
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
    let items: Vec<Commune> = communes
        .into_iter()
        .map(|c| Commune {
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
        return Ok(HttpResponse::Ok().json(Items { items }));
    }
    Ok(geojson::communes(
        items.into_iter().map(|item| (item.code.clone(), item)),
        &outlines,
    ))
}

errors!(ListUnitsErrors = [SERVER]);

/// `GET /api/v1/units`: the active handling units (the targets of a transfer, the rows of the
/// league table), without their mailboxes.
#[utoipa::path(
    get,
    path = "/api/v1/units",
    operation_id = "list_units",
    tag = "reference",
    summary = "The handling units",
    description = "The active handling units (departments, and each commune's People's Committee \
        with its `commune`), for transfers and the league table. Public.",
    responses((status = 200, description = "The units", body = Items<Unit>), ListUnitsErrors),
)]
pub async fn list_units(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let units = state
        .db(|conn| Ok(hientruong_db::admin::units(conn)?))
        .await?;
    let items: Vec<Unit> = units
        .into_iter()
        .filter(|u| u.active)
        .map(|u| Unit {
            code: u.code,
            kind: u.kind,
            name: u.name_vi,
            name_en: u.name_en,
            commune: u.commune_code,
        })
        .collect();
    Ok(HttpResponse::Ok().json(Items { items }))
}
