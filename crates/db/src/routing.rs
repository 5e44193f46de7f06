//! The geometric and rule lookups behind routing; the choices are made by `domain::routing`.

use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::{BigInt, Bool, Double, Nullable, Text, Untyped};
use hientruong_domain::report::Position;
use hientruong_domain::routing::{
    CommuneCandidate, CommuneDecision, RuleCandidate, RuleTarget, UnitDecision, decide_commune,
    decide_unit,
};

use crate::Error;

/// The communes covering `position` in today's boundaries (Asia/Ho_Chi_Minh date), or, when none
/// covers it, those within the offshore tolerance with their geodesic distance.
///
/// The bounding-box prefilter of 0.01° (over 1 km at Huế's latitude) is wider than the 500 m
/// tolerance in both directions, so it never drops a commune that is close enough.
pub const CANDIDATES_SQL: &str = "\
WITH pt AS (SELECT ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326) AS g),
covering AS (
    SELECT a.id, a.code, true AS covers, 0::float8 AS distance_m
    FROM admin_units a, pt
    WHERE ST_Covers(a.geom, pt.g)
      AND a.valid_from <= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
      AND (a.valid_to IS NULL OR a.valid_to > (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)
),
nearby AS (
    SELECT a.id, a.code, false AS covers, ST_Distance(a.geom::geography, pt.g::geography) AS distance_m
    FROM admin_units a, pt
    WHERE NOT EXISTS (SELECT 1 FROM covering)
      AND ST_DWithin(a.geom, pt.g, 0.01)
      AND a.valid_from <= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
      AND (a.valid_to IS NULL OR a.valid_to > (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)
)
SELECT c.id AS boundary_id, c.code, c.covers, c.distance_m, h.code AS committee_unit
FROM (SELECT * FROM covering UNION ALL SELECT * FROM nearby) c
LEFT JOIN handling_units h
       ON h.kind = 'commune_committee' AND h.commune_code = c.code AND h.active";

/// The category (if it exists and is active) with the rules in force for it, city-wide or for the
/// given commune, whose target unit is active. One row with NULL rule columns means "category
/// exists, no rule"; no row means "no such category".
pub const RULES_SQL: &str = "\
WITH p AS (SELECT $1::text AS category, $2::text AS commune)
SELECT c.code AS category, r.id AS rule_id, r.commune_code, r.target_kind, r.target_unit
FROM p JOIN categories c ON c.code = p.category
LEFT JOIN routing_rules r
       ON r.category_code = c.code
      AND (r.commune_code IS NULL OR r.commune_code = p.commune)
      AND r.valid_from <= now() AND (r.valid_to IS NULL OR r.valid_to > now())
      AND (r.target_kind = 'commune_committee'
           OR EXISTS (SELECT 1 FROM handling_units h WHERE h.code = r.target_unit AND h.active))
WHERE c.active";

#[derive(QueryableByName)]
struct CandidateRow {
    #[diesel(sql_type = BigInt)]
    boundary_id: i64,
    #[diesel(sql_type = Text)]
    code: String,
    #[diesel(sql_type = Bool)]
    covers: bool,
    #[diesel(sql_type = Double)]
    distance_m: f64,
    #[diesel(sql_type = Nullable<Text>)]
    committee_unit: Option<String>,
}

#[derive(QueryableByName)]
struct RuleRow {
    #[diesel(sql_type = Nullable<BigInt>)]
    rule_id: Option<i64>,
    #[diesel(sql_type = Nullable<Text>)]
    commune_code: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    target_kind: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    target_unit: Option<String>,
}

/// Where a report goes, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    pub commune: CommuneDecision,
    pub unit: UnitDecision,
}

/// A fixed SQL text with two parameters (`$1`, `$2`, each used once, in order) that diesel may
/// keep as a prepared statement. `diesel::sql_query` never caches its statements, and these two
/// run on every submission: planning the candidates query each time costs more than running it.
macro_rules! prepared_query {
    ($name:ident, $sql:expr, $a:ty => $sa:ty, $b:ty => $sb:ty) => {
        /// Each (SQL text, parameter types) pair is its own type: the statement cache keys on it.
        struct $name($a, $b);

        impl QueryId for $name {
            type QueryId = $name;
            const HAS_STATIC_QUERY_ID: bool = true;
        }

        impl Query for $name {
            type SqlType = Untyped;
        }

        impl QueryFragment<Pg> for $name {
            fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
                let missing = || {
                    diesel::result::Error::QueryBuilderError("a parameter marker is missing".into())
                };
                let (before, rest) = $sql.split_once("$1").ok_or_else(missing)?;
                let (middle, after) = rest.split_once("$2").ok_or_else(missing)?;
                out.push_sql(before);
                out.push_bind_param::<$sa, _>(&self.0)?;
                out.push_sql(middle);
                out.push_bind_param::<$sb, _>(&self.1)?;
                out.push_sql(after);
                Ok(())
            }
        }

        impl RunQueryDsl<PgConnection> for $name {}
    };
}

prepared_query!(CandidatesQuery, CANDIDATES_SQL, f64 => Double, f64 => Double);
prepared_query!(RulesQuery, RULES_SQL, String => Text, String => Text);

pub fn commune_candidates(
    conn: &mut PgConnection,
    position: Position,
) -> QueryResult<Vec<CommuneCandidate>> {
    let rows: Vec<CandidateRow> = CandidatesQuery(position.lon(), position.lat()).load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| CommuneCandidate {
            boundary_id: r.boundary_id,
            code: r.code,
            covers: r.covers,
            distance_m: r.distance_m,
            committee_unit: r.committee_unit,
        })
        .collect())
}

/// The rules in force for `category` at `commune_code`; `Err(UnknownCategory)` when the category
/// does not exist or is inactive.
pub fn rules_for(
    conn: &mut PgConnection,
    category: &str,
    commune_code: &str,
) -> Result<Vec<RuleCandidate>, Error> {
    let rows: Vec<RuleRow> = RulesQuery(category.to_owned(), commune_code.to_owned()).load(conn)?;
    if rows.is_empty() {
        return Err(hientruong_domain::Error::UnknownCategory.into());
    }
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let target = match (r.target_kind.as_deref(), r.target_unit) {
                (Some("unit"), Some(unit)) => RuleTarget::Unit(unit),
                (Some("commune_committee"), _) => RuleTarget::CommuneCommittee,
                _ => return None,
            };
            Some(RuleCandidate {
                id: r.rule_id?,
                commune_code: r.commune_code,
                target,
            })
        })
        .collect())
}

/// Routes a report of `category` at `position`: its commune on today's boundaries, then its unit.
pub fn route(conn: &mut PgConnection, category: &str, position: Position) -> Result<Route, Error> {
    let candidates = commune_candidates(conn, position)?;
    let commune = decide_commune(&candidates)?;
    let rules = rules_for(conn, category, &commune.code)?;
    let unit = decide_unit(&commune, &rules);
    Ok(Route { commune, unit })
}
