//! `GET /api/v1/communes[?format=geojson]`

use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::ApiError;
use crate::handlers::errors::errors;
use crate::handlers::geojson::{self, FeatureCollection};
use crate::handlers::query::invalid;
use crate::state::AppState;
use crate::views::Items;

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

impl From<hientruong_db::models::Commune> for Commune {
    fn from(c: hientruong_db::models::Commune) -> Commune {
        Commune {
            code: c.code,
            name: c.name,
            full_name: c.full_name,
            name_en: c.name_en,
            full_name_en: c.full_name_en,
            level: c.level,
            area_km2: c.area_km2,
            valid_from: c.valid_from,
        }
    }
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
pub async fn list(
    state: web::Data<AppState>,
    query: web::Query<CommunesQuery>,
) -> Result<HttpResponse, ApiError> {
    let as_geojson = match query.format.as_deref() {
        None | Some("" | "json") => false,
        Some("geojson") => true,
        Some(_) => return Err(invalid("format must be json or geojson")),
    };
    let (communes, outlines) = state
        .run(move |app| {
            let outlines = if as_geojson {
                app.outlines()?
            } else {
                Vec::new()
            };
            Ok((app.communes()?, outlines))
        })
        .await?;
    let items: Vec<Commune> = communes.into_iter().map(Commune::from).collect();
    if !as_geojson {
        return Ok(HttpResponse::Ok().json(Items { items }));
    }
    Ok(geojson::communes(
        items.into_iter().map(|item| (item.code.clone(), item)),
        &outlines,
    ))
}
