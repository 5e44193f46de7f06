//! Communes as a GeoJSON FeatureCollection: their outlines with a row of data each, for maps.

use actix_web::HttpResponse;
use serde::Serialize;
use utoipa::ToSchema;

/// A GeoJSON FeatureCollection (RFC 7946) of communes.
#[derive(Serialize, ToSchema)]
pub struct FeatureCollection<T> {
    /// `FeatureCollection`.
    #[serde(rename = "type")]
    #[schema(value_type = String, pattern = "^FeatureCollection$")]
    kind: &'static str,
    features: Vec<Feature<T>>,
}

/// One commune: its outline and its row.
#[derive(Serialize, ToSchema)]
pub struct Feature<T> {
    /// `Feature`.
    #[serde(rename = "type")]
    #[schema(value_type = String, pattern = "^Feature$")]
    kind: &'static str,
    /// The commune's code.
    id: String,
    /// A GeoJSON geometry (a MultiPolygon, coordinates with 5 decimals).
    #[schema(value_type = Object)]
    geometry: serde_json::Value,
    properties: T,
}

/// One feature per row whose commune has an outline (`outlines`: code and GeoJSON geometry), with
/// the commune's code as the feature's `id` and the row as its properties.
pub fn communes<T: Serialize>(
    rows: impl IntoIterator<Item = (String, T)>,
    outlines: &[(String, String)],
) -> HttpResponse {
    let features: Vec<Feature<T>> = rows
        .into_iter()
        .filter_map(|(code, row)| {
            let geometry: serde_json::Value = outlines
                .iter()
                .find(|(c, _)| *c == code)
                .and_then(|(_, g)| serde_json::from_str(g).ok())?;
            Some(Feature {
                kind: "Feature",
                id: code,
                geometry,
                properties: row,
            })
        })
        .collect();
    HttpResponse::Ok()
        .content_type("application/geo+json")
        .json(FeatureCollection {
            kind: "FeatureCollection",
            features,
        })
}
