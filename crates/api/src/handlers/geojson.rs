//! Communes as a GeoJSON FeatureCollection: their outlines with a row of data each, for maps.

use actix_web::HttpResponse;
use serde::Serialize;

/// One feature per row whose commune has an outline (`outlines`: code and GeoJSON geometry), with
/// the commune's code as the feature's `id` and the row as its properties.
pub fn communes<T: Serialize>(
    rows: impl IntoIterator<Item = (String, T)>,
    outlines: &[(String, String)],
) -> HttpResponse {
    let features: Vec<serde_json::Value> = rows
        .into_iter()
        .filter_map(|(code, row)| {
            let geometry: serde_json::Value = outlines
                .iter()
                .find(|(c, _)| *c == code)
                .and_then(|(_, g)| serde_json::from_str(g).ok())?;
            Some(serde_json::json!({
                "type": "Feature", "id": code, "geometry": geometry, "properties": row,
            }))
        })
        .collect();
    HttpResponse::Ok()
        .content_type("application/geo+json")
        .json(serde_json::json!({"type": "FeatureCollection", "features": features}))
}
