//! The figures the IOC publishes, as plain arithmetic: percentiles of handling times, rates, and
//! the digital-society engagement index. Definitions are in docs/metrics.md; the SQL that feeds
//! these functions must follow the same ones (percentiles are PostgreSQL's `percentile_cont`).

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::sla::{Calendar, ClockKind};

/// The value below which `p` (0 to 1) of the values lie, interpolating linearly between the two
/// nearest ranks: PostgreSQL's `percentile_cont`, numpy's default. The median of an even count is
/// the mean of the two middle values. `None` for no values.
pub fn percentile_cont(values: &[f64], p: f64) -> Option<f64> {
    if values.is_empty() || !(0.0..=1.0).contains(&p) {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    percentile_of_sorted(&sorted, p)
}

/// [`percentile_cont`] of values already sorted in ascending order.
pub fn percentile_of_sorted(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() || !(0.0..=1.0).contains(&p) {
        return None;
    }
    let rank = p * (sorted.len() - 1) as f64;
    let below = rank.floor() as usize;
    let above = rank.ceil() as usize;
    let fraction = rank - below as f64;
    Some(sorted[below] + (sorted[above] - sorted[below]) * fraction)
}

/// [`percentile_cont`] without sorting: the two values around the rank are found by selection
/// (linear time), which matters for the hundreds of thousands of handling times of a long
/// period. `values` is reordered.
pub fn percentile_by_selection(values: &mut [f64], p: f64) -> Option<f64> {
    if values.is_empty() || !(0.0..=1.0).contains(&p) {
        return None;
    }
    let rank = p * (values.len() - 1) as f64;
    let below = rank.floor() as usize;
    let fraction = rank - below as f64;
    let (_, at, rest) = values.select_nth_unstable_by(below, f64::total_cmp);
    let low = *at;
    if fraction == 0.0 {
        return Some(low);
    }
    // The next value up is the smallest of those after the one selected.
    let high = rest.iter().copied().min_by(f64::total_cmp).unwrap_or(low);
    Some(low + (high - low) * fraction)
}

pub fn median(values: &[f64]) -> Option<f64> {
    percentile_cont(values, 0.5)
}

/// `part / whole`, or `None` when there is nothing to divide.
pub fn ratio(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// Per 1,000 of what participation is measured against.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipationBasis {
    /// The commune's (or city's) population, where an administrator has set it.
    Residents,
    /// Registered accounts, where the population is not known.
    Accounts,
}

/// Participation that scores full marks: distinct reporters per 1,000 residents (or accounts)
/// per 30 days. Huế's published figures (about 180,000 reports in the platform's first seven
/// years, for about 1.1 million residents) give roughly 2 per 1,000 a month; the target leaves
/// room to grow.
pub const PARTICIPATION_TARGET_PER_1000_MONTH: f64 = 5.0;

/// The weights of the index's four components, summing to 1.
pub const WEIGHTS: Weights = Weights {
    participation: 0.25,
    responsiveness: 0.25,
    resolution: 0.25,
    satisfaction: 0.25,
};

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Weights {
    pub participation: f64,
    pub responsiveness: f64,
    pub resolution: f64,
    pub satisfaction: f64,
}

/// What the engagement index of one area and period is computed from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EngagementInputs {
    /// Residents who reported at least once in the period.
    pub distinct_reporters: u64,
    /// Population of the area, when known.
    pub population: Option<u64>,
    /// Registered resident accounts (the basis when the population is not known).
    pub accounts: u64,
    /// Length of the period, days.
    pub period_days: f64,
    /// Share of tickets resolved in the period by their deadline.
    pub on_time_rate: Option<f64>,
    /// Share of tickets received in the period that were resolved (or closed) by its end.
    pub resolution_rate: Option<f64>,
    /// Mean rating (1 to 5) of the ratings given in the period.
    pub mean_rating: Option<f64>,
}

/// The index and its parts, each 0 to 100 (a part is absent when it has no data; the index is
/// then the weighted mean of the parts present).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Engagement {
    pub index: Option<f64>,
    pub participation_per_1000_month: Option<f64>,
    pub participation_basis: ParticipationBasis,
    pub participation: Option<f64>,
    pub responsiveness: Option<f64>,
    pub resolution: Option<f64>,
    pub satisfaction: Option<f64>,
}

pub fn engagement(inputs: &EngagementInputs) -> Engagement {
    let (basis, base) = match inputs.population.filter(|p| *p > 0) {
        Some(population) => (ParticipationBasis::Residents, population),
        None => (ParticipationBasis::Accounts, inputs.accounts),
    };
    let per_1000_month = (base > 0 && inputs.period_days > 0.0).then(|| {
        inputs.distinct_reporters as f64 * 1000.0 / base as f64 * 30.0 / inputs.period_days
    });
    let participation =
        per_1000_month.map(|r| (r / PARTICIPATION_TARGET_PER_1000_MONTH).min(1.0) * 100.0);
    let responsiveness = inputs.on_time_rate.map(|r| r.clamp(0.0, 1.0) * 100.0);
    let resolution = inputs.resolution_rate.map(|r| r.clamp(0.0, 1.0) * 100.0);
    // 1 star is 0, 5 stars is 100.
    let satisfaction = inputs
        .mean_rating
        .map(|m| ((m - 1.0) / 4.0).clamp(0.0, 1.0) * 100.0);
    let parts = [
        (participation, WEIGHTS.participation),
        (responsiveness, WEIGHTS.responsiveness),
        (resolution, WEIGHTS.resolution),
        (satisfaction, WEIGHTS.satisfaction),
    ];
    let weight: f64 = parts
        .iter()
        .filter(|(v, _)| v.is_some())
        .map(|(_, w)| w)
        .sum();
    let index = (weight > 0.0).then(|| {
        parts
            .iter()
            .filter_map(|(v, w)| v.map(|v| v * w))
            .sum::<f64>()
            / weight
    });
    Engagement {
        index,
        participation_per_1000_month: per_1000_month,
        participation_basis: basis,
        participation,
        responsiveness,
        resolution,
        satisfaction,
    }
}

/// A ticket event as the statistics read it.
#[derive(Debug, Clone, Copy)]
pub struct EventFact<'a> {
    pub kind: &'a str,
    pub from_status: Option<&'a str>,
    pub to_status: Option<&'a str>,
    pub at: DateTime<Utc>,
    /// The deadline running when it happened.
    pub due_at: Option<DateTime<Utc>>,
}

impl<'a> EventFact<'a> {
    pub fn new(
        kind: &'a str,
        from_status: Option<&'a str>,
        to_status: Option<&'a str>,
        at: DateTime<Utc>,
        due_at: Option<DateTime<Utc>>,
    ) -> EventFact<'a> {
        EventFact {
            kind,
            from_status,
            to_status,
            at,
            due_at,
        }
    }
}

/// What a ticket's events say about its handling (see docs/metrics.md): when it was first
/// accepted and finally resolved, how long each took in working and wall-clock seconds, whether
/// the resolution came by its deadline, and how often it was transferred and reopened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HandlingFacts {
    pub accepted_at: Option<DateTime<Utc>>,
    pub accept_working_s: Option<i64>,
    pub accept_wall_s: Option<i64>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolve_working_s: Option<i64>,
    pub resolve_wall_s: Option<i64>,
    pub resolved_on_time: Option<bool>,
    pub transfers: i32,
    pub reopens: i32,
}

pub fn handling_facts(
    received_at: DateTime<Utc>,
    events: &[EventFact<'_>],
    calendar: &Calendar,
) -> HandlingFacts {
    let working = |t: DateTime<Utc>| {
        calendar
            .elapsed(ClockKind::Working, received_at, t)
            .num_seconds()
    };
    let wall = |t: DateTime<Utc>| (t - received_at).num_seconds().max(0);
    let mut facts = HandlingFacts::default();
    let mut last_resolution: Option<(DateTime<Utc>, Option<DateTime<Utc>>)> = None;
    for e in events {
        match e.kind {
            "accept" if facts.accepted_at.is_none() => facts.accepted_at = Some(e.at),
            "resolve" => last_resolution = Some((e.at, e.due_at)),
            "transfer" => facts.transfers += 1,
            _ => {}
        }
        // A reopening counts when it undoes a result (not when a rejection is reconsidered).
        if e.to_status == Some("reopened") {
            if matches!(e.from_status, Some("resolved" | "closed")) {
                facts.reopens += 1;
            }
            last_resolution = None;
        }
    }
    if let Some(at) = facts.accepted_at {
        facts.accept_working_s = Some(working(at));
        facts.accept_wall_s = Some(wall(at));
    }
    if let Some((at, due)) = last_resolution {
        facts.resolved_at = Some(at);
        facts.resolve_working_s = Some(working(at));
        facts.resolve_wall_s = Some(wall(at));
        facts.resolved_on_time = due.map(|d| at <= d);
    }
    facts
}

/// The units' league table order, for two units' (on-time rate, reports received): the best
/// on-time rate first, units without a resolution (no rate) last, then by volume.
pub fn league_order(a: (Option<f64>, i64), b: (Option<f64>, i64)) -> std::cmp::Ordering {
    let rate = |r: Option<f64>| r.unwrap_or(-1.0);
    rate(b.0).total_cmp(&rate(a.0)).then(b.1.cmp(&a.1))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_league_ranks_on_time_rate_then_volume_and_units_without_a_rate_last() {
        let mut rows = vec![(None, 50), (Some(0.5), 3), (Some(0.9), 1), (Some(0.5), 9)];
        rows.sort_by(|a, b| super::league_order(*a, *b));
        assert_eq!(
            rows,
            vec![(Some(0.9), 1), (Some(0.5), 9), (Some(0.5), 3), (None, 50)]
        );
    }

    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn hue(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        crate::sla::vn_offset()
            .with_ymd_and_hms(2026, 11, d, h, m, 0)
            .single()
            .expect("time")
            .with_timezone(&Utc)
    }

    fn event<'a>(
        kind: &'a str,
        from: &'a str,
        to: &'a str,
        at: DateTime<Utc>,
        due: Option<DateTime<Utc>>,
    ) -> EventFact<'a> {
        EventFact::new(kind, Some(from), Some(to), at, due)
    }

    #[test]
    fn handling_times_count_from_receipt_to_first_acceptance_and_final_resolution() {
        let calendar = Calendar::default();
        // Received Friday 27 November 16:00; accepted Monday 08:00 (1 h + 30 min of office time).
        let received = hue(27, 16, 0);
        let events = [
            event("received", "", "received", received, None),
            event(
                "transfer",
                "received",
                "transferred",
                hue(27, 16, 30),
                Some(hue(30, 16, 30)),
            ),
            event(
                "accept",
                "transferred",
                "accepted",
                hue(30, 8, 0),
                Some(hue(30, 16, 30)),
            ),
            event(
                "resolve",
                "accepted",
                "resolved",
                hue(30, 10, 0),
                Some(hue(30, 9, 0)),
            ),
            event("rated", "resolved", "reopened", hue(30, 11, 0), None),
            event(
                "accept",
                "reopened",
                "accepted",
                hue(30, 13, 30),
                Some(hue(30, 16, 0)),
            ),
            event(
                "resolve",
                "accepted",
                "resolved",
                hue(30, 14, 0),
                Some(hue(30, 16, 0)),
            ),
        ];
        let f = handling_facts(received, &events, &calendar);
        assert_eq!(f.accepted_at, Some(hue(30, 8, 0)));
        assert_eq!(f.accept_working_s, Some(90 * 60));
        assert_eq!(f.accept_wall_s, Some((64 * 60) * 60));
        // The final resolution, on time against the deadline running then; working time
        // Friday 1 h + Monday 07:30-11:30 and 13:30-14:00 = 5 h 30.
        assert_eq!(f.resolved_at, Some(hue(30, 14, 0)));
        assert_eq!(f.resolve_working_s, Some(330 * 60));
        assert_eq!(f.resolved_on_time, Some(true));
        assert_eq!((f.transfers, f.reopens), (1, 1));
        // Reopened after the last resolution: not resolved.
        let open = handling_facts(received, &events[..5], &calendar);
        assert_eq!(open.resolved_at, None);
        assert_eq!(open.resolved_on_time, None);
        // Late: resolved after its deadline.
        let late = handling_facts(received, &events[..4], &calendar);
        assert_eq!(late.resolved_on_time, Some(false));
        // A rejection reconsidered is not a reopened result.
        let reconsidered = [
            event("received", "", "received", received, None),
            event("reject", "received", "rejected", hue(27, 16, 30), None),
            event("reopen", "rejected", "reopened", hue(30, 8, 0), None),
        ];
        assert_eq!(
            handling_facts(received, &reconsidered, &calendar).reopens,
            0
        );
    }

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median(&[5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[7.0]), Some(7.0));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn p90_interpolates_between_ranks_like_percentile_cont() {
        // 10 values 1..=10: rank 0.9 * 9 = 8.1, between 9 and 10.
        let values: Vec<f64> = (1..=10).map(f64::from).collect();
        let p90 = percentile_cont(&values, 0.9).expect("p90");
        assert!((p90 - 9.1).abs() < 1e-12, "{p90}");
        // 11 values 0..=10: rank exactly 9.
        let values: Vec<f64> = (0..=10).map(f64::from).collect();
        assert_eq!(percentile_cont(&values, 0.9), Some(9.0));
        assert_eq!(percentile_cont(&values, 1.5), None);
    }

    #[test]
    fn rates_need_a_denominator() {
        assert_eq!(ratio(3, 4), Some(0.75));
        assert_eq!(ratio(0, 0), None);
    }

    #[test]
    fn the_index_weighs_four_parts_and_skips_those_without_data() {
        let full = engagement(&EngagementInputs {
            distinct_reporters: 60,
            population: Some(20_000),
            accounts: 5_000,
            period_days: 30.0,
            on_time_rate: Some(0.8),
            resolution_rate: Some(0.9),
            mean_rating: Some(4.0),
        });
        // 3 per 1,000 a month is 60 % of the target; 75 % satisfaction.
        assert_eq!(full.participation_basis, ParticipationBasis::Residents);
        assert!((full.participation.expect("p") - 60.0).abs() < 1e-9);
        assert!((full.satisfaction.expect("s") - 75.0).abs() < 1e-9);
        let expected = 0.25 * (60.0 + 80.0 + 90.0 + 75.0);
        assert!((full.index.expect("index") - expected).abs() < 1e-9);

        // Unknown population: per 1,000 accounts; no ratings: the other three parts decide.
        let partial = engagement(&EngagementInputs {
            distinct_reporters: 50,
            population: None,
            accounts: 5_000,
            period_days: 60.0,
            on_time_rate: Some(1.0),
            resolution_rate: Some(0.5),
            mean_rating: None,
        });
        assert_eq!(partial.participation_basis, ParticipationBasis::Accounts);
        assert!((partial.participation_per_1000_month.expect("rate") - 5.0).abs() < 1e-9);
        assert!((partial.index.expect("index") - (100.0 + 100.0 + 50.0) / 3.0).abs() < 1e-9);

        let empty = engagement(&EngagementInputs {
            distinct_reporters: 0,
            population: None,
            accounts: 0,
            period_days: 30.0,
            on_time_rate: None,
            resolution_rate: None,
            mean_rating: None,
        });
        assert_eq!(empty.index, None);
    }

    proptest! {
        #[test]
        fn percentiles_stay_within_the_values_and_grow_with_p(
            values in proptest::collection::vec(-1e6f64..1e6, 1..50),
            p in 0.0f64..=1.0,
            q in 0.0f64..=1.0,
        ) {
            let min = values.iter().copied().fold(f64::INFINITY, f64::min);
            let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let at_p = percentile_cont(&values, p).expect("value");
            prop_assert!(at_p >= min && at_p <= max);
            let (lo, hi) = if p <= q { (p, q) } else { (q, p) };
            prop_assert!(percentile_cont(&values, lo) <= percentile_cont(&values, hi));
        }

        #[test]
        fn selection_gives_the_percentiles_of_sorting(
            values in proptest::collection::vec(-1e6f64..1e6, 1..200),
            p in 0.0f64..=1.0,
        ) {
            let mut scratch = values.clone();
            prop_assert_eq!(
                percentile_by_selection(&mut scratch, p),
                percentile_cont(&values, p)
            );
            prop_assert_eq!(
                percentile_by_selection(&mut scratch, 0.5),
                percentile_cont(&values, 0.5)
            );
        }

        #[test]
        fn the_index_is_between_0_and_100(
            reporters in 0u64..100_000,
            population in proptest::option::of(1u64..2_000_000),
            accounts in 0u64..2_000_000,
            days in 1.0f64..800.0,
            on_time in proptest::option::of(0.0f64..=1.0),
            resolved in proptest::option::of(0.0f64..=1.0),
            rating in proptest::option::of(1.0f64..=5.0),
        ) {
            let e = engagement(&EngagementInputs {
                distinct_reporters: reporters,
                population,
                accounts,
                period_days: days,
                on_time_rate: on_time,
                resolution_rate: resolved,
                mean_rating: rating,
            });
            if let Some(index) = e.index {
                prop_assert!((0.0..=100.0).contains(&index));
            }
        }
    }
}
