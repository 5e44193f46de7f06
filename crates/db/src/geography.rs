//! Administrative units: importing versioned commune boundaries and reading them back.

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{Date, Double, Nullable, Text};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::models::Commune;
use crate::schema::{admin_units, legacy_units};

/// Huế's 40 communes and wards of the 2025 two-level structure, as shipped with the product
/// (see `data/hue/SOURCE.md` for provenance and licence).
pub const HUE_COMMUNES_2025: &str = include_str!("../../../data/hue/hue_communes.geojson");
/// The date the 2025 structure took effect.
pub const HUE_COMMUNES_2025_VALID_FROM: (i32, u32, u32) = (2025, 7, 1);
pub const HUE_COMMUNES_2025_SOURCE: &str = "thanglequoc/vietnamese-provinces-database@cd580632 (MIT), \
     boundaries from the Vietnam Administrative Units Reference Map; legacy mapping dvhcvn/20250701@dd94887c (MIT)";

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the file is not a GeoJSON FeatureCollection of communes: {0}")]
    Format(String),
    #[error("feature {code}: {reason}")]
    Feature { code: String, reason: String },
    #[error("database error: {0}")]
    Query(#[from] diesel::result::Error),
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ImportSummary {
    pub inserted: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub legacy_links: usize,
}

#[derive(Deserialize)]
struct FeatureCollection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    properties: Properties,
    geometry: serde_json::Value,
}

#[derive(Deserialize, serde::Serialize)]
struct Properties {
    code: String,
    name: String,
    full_name: String,
    name_en: String,
    full_name_en: String,
    name_ascii: String,
    level: String,
    province_code: String,
    area_km2: Option<f64>,
    #[serde(default)]
    legacy_units: Vec<LegacyUnit>,
}

#[derive(Deserialize, serde::Serialize)]
struct LegacyUnit {
    code: String,
    name: String,
    #[serde(rename = "type")]
    kind: String,
    district_code: String,
    district_name: String,
    merge: String,
}

/// Number of features in a GeoJSON text, for a progress bar, without importing anything.
pub fn count_features(geojson: &str) -> Result<usize, ImportError> {
    parse(geojson).map(|fc| fc.features.len())
}

fn parse(geojson: &str) -> Result<FeatureCollection, ImportError> {
    serde_json::from_str(geojson).map_err(|e| ImportError::Format(e.to_string()))
}

/// Imports commune boundaries valid from `valid_from`, in one transaction. Idempotent: a feature
/// identical to the open version of its code changes nothing; a changed one closes the open
/// version on `valid_from` and adds a new one (or corrects it when it starts the same day). Each
/// commune also gets its People's Committee as a handling unit if it has none.
pub fn import_units(
    conn: &mut PgConnection,
    geojson: &str,
    valid_from: NaiveDate,
    source: &str,
    mut progress: impl FnMut(usize),
) -> Result<ImportSummary, ImportError> {
    let collection = parse(geojson)?;
    conn.transaction(|conn| {
        let mut summary = ImportSummary::default();
        for (done, feature) in collection.features.iter().enumerate() {
            import_feature(conn, feature, valid_from, source, &mut summary)?;
            progress(done + 1);
        }
        Ok(summary)
    })
}

fn import_feature(
    conn: &mut PgConnection,
    feature: &Feature,
    valid_from: NaiveDate,
    source: &str,
    summary: &mut ImportSummary,
) -> Result<(), ImportError> {
    let p = &feature.properties;
    let bad = |reason: &str| ImportError::Feature {
        code: p.code.clone(),
        reason: reason.to_owned(),
    };
    if p.code.len() != 5 || !p.code.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad("code must be five digits"));
    }
    if p.level != "phuong" && p.level != "xa" {
        return Err(bad("level must be phuong or xa"));
    }
    let geometry = feature.geometry.to_string();
    let hash = {
        let mut h = Sha256::new();
        h.update(serde_json::to_vec(p).map_err(|e| bad(&e.to_string()))?);
        h.update(geometry.as_bytes());
        h.finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };

    let open: Option<(i64, String, NaiveDate)> = admin_units::table
        .filter(admin_units::code.eq(&p.code))
        .filter(admin_units::valid_to.is_null())
        .select((
            admin_units::id,
            admin_units::content_hash,
            admin_units::valid_from,
        ))
        .first(conn)
        .optional()?;
    match open {
        Some((_, ref existing, _)) if *existing == hash => {
            summary.unchanged += 1;
            ensure_committee(conn, p)?;
            return Ok(());
        }
        Some((_, _, from)) if from > valid_from => {
            return Err(bad("an open version starts after this import's valid_from"));
        }
        Some((id, _, from)) if from == valid_from => {
            diesel::delete(admin_units::table.find(id)).execute(conn).map_err(|_| {
                bad("the open version starting on the same day is referenced by reports; import with a later valid_from")
            })?;
            summary.replaced += 1;
        }
        Some((id, _, _)) => {
            diesel::update(admin_units::table.find(id))
                .set(admin_units::valid_to.eq(valid_from))
                .execute(conn)?;
            summary.replaced += 1;
        }
        None => summary.inserted += 1,
    }

    diesel::sql_query(
        "INSERT INTO admin_units (code, name, full_name, name_en, full_name_en, name_ascii, level, \
         province_code, area_km2, geom, content_hash, valid_from, source) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, \
                 ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($10), 4326)), $11, $12, $13)",
    )
    .bind::<Text, _>(&p.code)
    .bind::<Text, _>(&p.name)
    .bind::<Text, _>(&p.full_name)
    .bind::<Text, _>(&p.name_en)
    .bind::<Text, _>(&p.full_name_en)
    .bind::<Text, _>(&p.name_ascii)
    .bind::<Text, _>(&p.level)
    .bind::<Text, _>(&p.province_code)
    .bind::<Nullable<Double>, _>(p.area_km2)
    .bind::<Text, _>(&geometry)
    .bind::<Text, _>(&hash)
    .bind::<Date, _>(valid_from)
    .bind::<Text, _>(source)
    .execute(conn)
    .map_err(|e| bad(&format!("geometry rejected: {e}")))?;

    diesel::delete(legacy_units::table.filter(legacy_units::new_code.eq(&p.code))).execute(conn)?;
    let rows: Vec<_> = p
        .legacy_units
        .iter()
        .map(|l| {
            (
                legacy_units::old_code.eq(&l.code),
                legacy_units::old_name.eq(&l.name),
                legacy_units::old_type.eq(&l.kind),
                legacy_units::old_district_code.eq(&l.district_code),
                legacy_units::old_district_name.eq(&l.district_name),
                legacy_units::new_code.eq(&p.code),
                legacy_units::merge_type.eq(&l.merge),
            )
        })
        .collect();
    summary.legacy_links += diesel::insert_into(legacy_units::table)
        .values(&rows)
        .on_conflict_do_nothing()
        .execute(conn)?;
    ensure_committee(conn, p)?;
    Ok(())
}

/// Every commune has a People's Committee that handles local reports. The contact address is a
/// placeholder on a reserved domain until an administrator sets the real one.
fn ensure_committee(conn: &mut PgConnection, p: &Properties) -> Result<(), ImportError> {
    diesel::sql_query(
        "INSERT INTO handling_units (code, kind, name_vi, name_en, email, commune_code) \
         VALUES ('ubnd-' || $1, 'commune_committee', 'UBND ' || $2, 'People''s Committee of ' || $3, \
                 'ubnd-' || $1 || '@hue.hientruong.invalid', $1) \
         ON CONFLICT DO NOTHING",
    )
    .bind::<Text, _>(&p.code)
    .bind::<Text, _>(&p.full_name)
    .bind::<Text, _>(&p.full_name_en)
    .execute(conn)?;
    Ok(())
}

/// Whether any boundary has been imported yet (first start imports Huế's).
pub fn is_empty(conn: &mut PgConnection) -> QueryResult<bool> {
    diesel::select(diesel::dsl::not(diesel::dsl::exists(
        admin_units::table.select(admin_units::id),
    )))
    .get_result(conn)
}

/// Imports the shipped Huế boundaries when the database has none.
pub fn import_hue_if_empty(conn: &mut PgConnection) -> Result<Option<ImportSummary>, ImportError> {
    if !is_empty(conn)? {
        return Ok(None);
    }
    let (y, m, d) = HUE_COMMUNES_2025_VALID_FROM;
    let valid_from =
        NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| ImportError::Format("bad date".into()))?;
    import_units(
        conn,
        HUE_COMMUNES_2025,
        valid_from,
        HUE_COMMUNES_2025_SOURCE,
        |_| {},
    )
    .map(Some)
}

/// The communes in force today (local time), ordered by code.
pub fn current_communes(conn: &mut PgConnection) -> QueryResult<Vec<Commune>> {
    admin_units::table
        .filter(diesel::dsl::sql::<diesel::sql_types::Bool>(
            "admin_units.valid_from <= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date \
             AND (admin_units.valid_to IS NULL OR admin_units.valid_to > (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)",
        ))
        .order(admin_units::code)
        .select(Commune::as_select())
        .load(conn)
}

/// The current communes' outlines as GeoJSON geometries, simplified to about 20 m (enough for a
/// city map, a tenth of the size): (code, geometry).
pub fn outlines(conn: &mut PgConnection) -> QueryResult<Vec<(String, String)>> {
    #[derive(QueryableByName)]
    struct Outline {
        #[diesel(sql_type = Text)]
        code: String,
        #[diesel(sql_type = Text)]
        geometry: String,
    }
    let rows: Vec<Outline> = diesel::sql_query(
        "SELECT code, ST_AsGeoJSON(ST_SimplifyPreserveTopology(geom, 0.0002), 5) AS geometry \
         FROM admin_units \
         WHERE valid_from <= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date \
           AND (valid_to IS NULL OR valid_to > (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) \
         ORDER BY code",
    )
    .load(conn)?;
    Ok(rows.into_iter().map(|r| (r.code, r.geometry)).collect())
}
