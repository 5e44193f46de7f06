//! Routing: which commune a point belongs to, and which unit handles a report there.
//!
//! PostGIS answers the geometric questions (which polygons cover the point, how far the nearest
//! ones are); the choices among those answers are made here, so they are the same everywhere and
//! testable without a database.

use serde::Serialize;

use crate::Error;

/// How far offshore (or off a jetty, a beach) a GPS fix may be and still go to the nearest commune.
pub const OFFSHORE_TOLERANCE_M: f64 = 500.0;

/// The handling unit that receives reports no rule covers (the IOC's triage queue).
pub const IOC_UNIT_CODE: &str = "ioc";

/// A commune the database found at or near the point.
#[derive(Debug, Clone, PartialEq)]
pub struct CommuneCandidate {
    /// Row id of the boundary version that matched.
    pub boundary_id: i64,
    pub code: String,
    /// The polygon covers the point (inside or on its border).
    pub covers: bool,
    /// Geodesic distance from the point to the polygon, metres (0 when it covers it).
    pub distance_m: f64,
    /// The commune's People's Committee, when one is registered as a handling unit.
    pub committee_unit: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CommuneReason {
    /// Exactly one commune covers the point.
    Covered,
    /// The point lies on a shared border; the lowest commune code wins.
    BorderTieBreak,
    /// No commune covers the point, but one lies within [`OFFSHORE_TOLERANCE_M`].
    NearestWithinTolerance,
}

impl CommuneReason {
    pub fn as_str(self) -> &'static str {
        match self {
            CommuneReason::Covered => "covered",
            CommuneReason::BorderTieBreak => "border_tie_break",
            CommuneReason::NearestWithinTolerance => "nearest_within_tolerance",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CommuneDecision {
    pub boundary_id: i64,
    pub code: String,
    pub reason: CommuneReason,
    pub distance_m: f64,
    pub committee_unit: Option<String>,
}

/// Picks the commune for a point from the candidates the database found.
pub fn decide_commune(candidates: &[CommuneCandidate]) -> Result<CommuneDecision, Error> {
    let covering: Vec<&CommuneCandidate> = candidates.iter().filter(|c| c.covers).collect();
    let (chosen, reason) = if let Some(first) = covering.iter().min_by(|a, b| a.code.cmp(&b.code)) {
        let reason = if covering.len() > 1 {
            CommuneReason::BorderTieBreak
        } else {
            CommuneReason::Covered
        };
        (*first, reason)
    } else {
        let nearest = candidates
            .iter()
            .filter(|c| c.distance_m.is_finite() && c.distance_m <= OFFSHORE_TOLERANCE_M)
            .min_by(|a, b| {
                a.distance_m
                    .total_cmp(&b.distance_m)
                    .then_with(|| a.code.cmp(&b.code))
            })
            .ok_or(Error::OutsideServiceArea)?;
        (nearest, CommuneReason::NearestWithinTolerance)
    };
    Ok(CommuneDecision {
        boundary_id: chosen.boundary_id,
        code: chosen.code.clone(),
        reason,
        distance_m: if chosen.covers {
            0.0
        } else {
            chosen.distance_m
        },
        committee_unit: chosen.committee_unit.clone(),
    })
}

/// Where a routing rule sends reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleTarget {
    /// A fixed handling unit (a city department, say).
    Unit(String),
    /// The People's Committee of the report's own commune.
    CommuneCommittee,
}

/// A rule in force for the report's category, either for its commune or city-wide.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleCandidate {
    pub id: i64,
    /// `None` for a city-wide rule.
    pub commune_code: Option<String>,
    pub target: RuleTarget,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitReason {
    CommuneRule,
    CityWideRule,
    /// No rule applies (or the rule's commune has no committee): the IOC sorts it by hand.
    IocTriage,
}

impl UnitReason {
    pub fn as_str(self) -> &'static str {
        match self {
            UnitReason::CommuneRule => "commune_rule",
            UnitReason::CityWideRule => "city_wide_rule",
            UnitReason::IocTriage => "ioc_triage",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnitDecision {
    pub unit_code: String,
    pub rule_id: Option<i64>,
    pub reason: UnitReason,
}

/// Picks the handling unit: a rule for the report's commune beats a city-wide rule; among rules
/// equally specific, the lowest id (the oldest) wins so that the outcome never depends on row order.
pub fn decide_unit(commune: &CommuneDecision, rules: &[RuleCandidate]) -> UnitDecision {
    let most_specific = |for_commune: bool| {
        rules
            .iter()
            .filter(|r| match &r.commune_code {
                Some(code) => for_commune && *code == commune.code,
                None => !for_commune,
            })
            .min_by_key(|r| r.id)
    };
    let chosen = most_specific(true)
        .map(|r| (r, UnitReason::CommuneRule))
        .or_else(|| most_specific(false).map(|r| (r, UnitReason::CityWideRule)));
    let resolved = chosen.and_then(|(rule, reason)| {
        let unit = match &rule.target {
            RuleTarget::Unit(code) => Some(code.clone()),
            RuleTarget::CommuneCommittee => commune.committee_unit.clone(),
        }?;
        Some(UnitDecision {
            unit_code: unit,
            rule_id: Some(rule.id),
            reason,
        })
    });
    resolved.unwrap_or_else(|| UnitDecision {
        unit_code: IOC_UNIT_CODE.to_owned(),
        rule_id: None,
        reason: UnitReason::IocTriage,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(code: &str, covers: bool, distance_m: f64) -> CommuneCandidate {
        CommuneCandidate {
            boundary_id: code.parse().unwrap_or(0),
            code: code.into(),
            covers,
            distance_m,
            committee_unit: Some(format!("ubnd-{code}")),
        }
    }

    #[test]
    fn single_cover_wins() {
        let d = decide_commune(&[cand("19753", true, 0.0)]).expect("routed");
        assert_eq!(
            (d.code.as_str(), d.reason),
            ("19753", CommuneReason::Covered)
        );
    }

    #[test]
    fn border_goes_to_lowest_code_whatever_the_order() {
        let a =
            decide_commune(&[cand("19777", true, 0.0), cand("19753", true, 0.0)]).expect("routed");
        let b =
            decide_commune(&[cand("19753", true, 0.0), cand("19777", true, 0.0)]).expect("routed");
        assert_eq!(a, b);
        assert_eq!(
            (a.code.as_str(), a.reason),
            ("19753", CommuneReason::BorderTieBreak)
        );
    }

    #[test]
    fn offshore_within_tolerance_goes_to_nearest_and_farther_is_refused() {
        let d = decide_commune(&[cand("19900", false, 320.0), cand("19901", false, 410.0)])
            .expect("routed");
        assert_eq!(
            (d.code.as_str(), d.reason),
            ("19900", CommuneReason::NearestWithinTolerance)
        );
        assert_eq!(d.distance_m, 320.0);
        assert_eq!(
            decide_commune(&[cand("19900", false, 500.1)]),
            Err(Error::OutsideServiceArea)
        );
        assert_eq!(decide_commune(&[]), Err(Error::OutsideServiceArea));
    }

    fn rule(id: i64, commune: Option<&str>, target: RuleTarget) -> RuleCandidate {
        RuleCandidate {
            id,
            commune_code: commune.map(str::to_owned),
            target,
        }
    }

    #[test]
    fn commune_rule_beats_city_wide_rule() {
        let commune = decide_commune(&[cand("19753", true, 0.0)]).expect("routed");
        let rules = [
            rule(1, None, RuleTarget::CommuneCommittee),
            rule(7, Some("19753"), RuleTarget::Unit("bch-pctt".into())),
            rule(8, Some("19900"), RuleTarget::Unit("other".into())),
        ];
        let u = decide_unit(&commune, &rules);
        assert_eq!(
            u,
            UnitDecision {
                unit_code: "bch-pctt".into(),
                rule_id: Some(7),
                reason: UnitReason::CommuneRule
            }
        );
        let u = decide_unit(&commune, &rules[..1]);
        assert_eq!(
            u,
            UnitDecision {
                unit_code: "ubnd-19753".into(),
                rule_id: Some(1),
                reason: UnitReason::CityWideRule
            }
        );
    }

    #[test]
    fn no_rule_or_no_committee_goes_to_ioc_triage() {
        let mut commune = decide_commune(&[cand("19753", true, 0.0)]).expect("routed");
        assert_eq!(decide_unit(&commune, &[]).reason, UnitReason::IocTriage);
        commune.committee_unit = None;
        let u = decide_unit(&commune, &[rule(1, None, RuleTarget::CommuneCommittee)]);
        assert_eq!(
            (u.unit_code.as_str(), u.reason),
            (IOC_UNIT_CODE, UnitReason::IocTriage)
        );
    }
}
