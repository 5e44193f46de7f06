//! The deadline clock ("SLA clock") of tickets, in Huế time (Asia/Ho_Chi_Minh, fixed UTC+07:00).
//!
//! A [`ClockKind::Working`] clock runs only in office periods of working days (by default
//! 07:30–11:30 and 13:30–17:00, Monday to Friday) and stops on caller-supplied holidays; a
//! [`ClockKind::WallClock`] runs 24/7. Pure and exact to the nanosecond (only
//! [`Calendar::point_at`] rounds its scaled amount down to the whole second).

use std::collections::BTreeSet;
use std::ops::ControlFlow;

use chrono::{
    DateTime, Datelike, Days, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta,
    Timelike, Utc, Weekday,
};
use serde::{Deserialize, Serialize};

/// Offset of Asia/Ho_Chi_Minh from UTC, in seconds. Vietnam has no daylight saving time.
pub const VN_OFFSET_SECS: i32 = 7 * 3600;

/// How far past the start [`Calendar::add`] looks for working time before giving up.
///
/// Only reachable with a calendar that has (almost) no working time, e.g. holidays covering
/// everything, or with absurd amounts; the search then stops instead of looping forever and
/// returns `start + max(amount, SEARCH_HORIZON)` (saturating at the latest representable instant).
pub const SEARCH_HORIZON: TimeDelta = TimeDelta::days(36_525);

const NANOS_PER_SEC: i128 = 1_000_000_000;

/// The fixed time zone of Huế (UTC+07:00).
pub fn vn_offset() -> FixedOffset {
    const OFFSET: FixedOffset = match FixedOffset::east_opt(VN_OFFSET_SECS) {
        Some(offset) => offset,
        None => panic!("UTC+07:00 is a valid offset"),
    };
    OFFSET
}

/// Which clock a ticket's deadline runs on.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockKind {
    /// Only office periods of working days count.
    Working,
    /// Every second counts, nights, weekends and holidays included (urgent categories).
    WallClock,
}

impl ClockKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClockKind::Working => "working",
            ClockKind::WallClock => "wall_clock",
        }
    }

    /// The inverse of [`ClockKind::as_str`]; exact match only.
    pub fn parse(s: &str) -> Option<ClockKind> {
        match s {
            "working" => Some(ClockKind::Working),
            "wall_clock" => Some(ClockKind::WallClock),
            _ => None,
        }
    }
}

/// The office hours were rejected by [`OfficeHours::new`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid office hours: periods must be non-empty, ordered, non-overlapping, each starting \
     before it ends, and at least one weekday must be a working day"
)]
pub struct InvalidOfficeHours;

/// The office periods of a working day (local time) and which weekdays are working days.
///
/// Invariants (checked by [`OfficeHours::new`]): at least one period, periods ordered and
/// non-overlapping (touching is allowed), each start strictly before its end, at least one
/// working weekday. A period cannot cross midnight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeHours {
    periods: Vec<(NaiveTime, NaiveTime)>,
    /// Indexed by `Weekday::num_days_from_monday`.
    weekdays: [bool; 7],
}

impl OfficeHours {
    /// Validates and builds office hours. Duplicate weekdays are harmless and ignored.
    pub fn new(
        periods: Vec<(NaiveTime, NaiveTime)>,
        weekdays: Vec<Weekday>,
    ) -> Result<OfficeHours, InvalidOfficeHours> {
        if periods.is_empty() || weekdays.is_empty() {
            return Err(InvalidOfficeHours);
        }
        // Leap-second representations would make "end - start" differ from wall time.
        let leap = |t: &NaiveTime| t.nanosecond() >= 1_000_000_000;
        if periods.iter().any(|(s, e)| s >= e || leap(s) || leap(e)) {
            return Err(InvalidOfficeHours);
        }
        if periods.windows(2).any(|w| w[0].1 > w[1].0) {
            return Err(InvalidOfficeHours);
        }
        let mut mask = [false; 7];
        for day in weekdays {
            mask[day.num_days_from_monday() as usize] = true;
        }
        Ok(OfficeHours {
            periods,
            weekdays: mask,
        })
    }

    /// Working time in one full working day (7h30m for the default hours).
    pub fn per_day(&self) -> TimeDelta {
        self.periods
            .iter()
            .fold(TimeDelta::zero(), |sum, &(start, end)| sum + (end - start))
    }

    /// The office periods, ordered.
    pub fn periods(&self) -> &[(NaiveTime, NaiveTime)] {
        &self.periods
    }

    /// Whether this weekday is a working day (holidays aside).
    pub fn is_working_weekday(&self, day: Weekday) -> bool {
        self.weekdays[day.num_days_from_monday() as usize]
    }

    fn working_weekdays_per_week(&self) -> i64 {
        self.weekdays.iter().filter(|&&w| w).count() as i64
    }
}

impl Default for OfficeHours {
    /// Vietnamese public-administration hours: 07:30–11:30 and 13:30–17:00, Monday to Friday.
    fn default() -> OfficeHours {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN);
        OfficeHours {
            periods: vec![(t(7, 30), t(11, 30)), (t(13, 30), t(17, 0))],
            weekdays: [true, true, true, true, true, false, false],
        }
    }
}

/// Office hours plus the holidays (local dates) on which the working clock does not run.
///
/// Holidays are data supplied by the caller (they change every year, Tết moves with the lunar
/// calendar, and the government swaps days); none are built in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Calendar {
    hours: OfficeHours,
    holidays: BTreeSet<NaiveDate>,
}

impl Calendar {
    pub fn new(hours: OfficeHours, holidays: impl IntoIterator<Item = NaiveDate>) -> Calendar {
        Calendar {
            hours,
            holidays: holidays.into_iter().collect(),
        }
    }

    /// The default office hours with these holidays.
    pub fn with_holidays(holidays: impl IntoIterator<Item = NaiveDate>) -> Calendar {
        Calendar::new(OfficeHours::default(), holidays)
    }

    pub fn hours(&self) -> &OfficeHours {
        &self.hours
    }

    pub fn holidays(&self) -> &BTreeSet<NaiveDate> {
        &self.holidays
    }

    /// A working weekday that is not a holiday (local date).
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        self.hours.is_working_weekday(day.weekday()) && !self.holidays.contains(&day)
    }

    /// The earliest instant at which `amount` of clock time has elapsed since `start`.
    ///
    /// `amount <= 0` returns `start`. On the working clock, a deadline that ends exactly at the
    /// end of an office period stays there (Monday 07:30 + 7h30m is Monday 17:00, not Tuesday
    /// 07:30), and a start outside office hours waits for the next period. If the amount cannot
    /// be reached within [`SEARCH_HORIZON`], returns `start + max(amount, SEARCH_HORIZON)`.
    /// Never panics: results past the representable range saturate.
    pub fn add(&self, kind: ClockKind, start: DateTime<Utc>, amount: TimeDelta) -> DateTime<Utc> {
        if amount <= TimeDelta::zero() {
            return start;
        }
        match kind {
            ClockKind::WallClock => start
                .checked_add_signed(amount)
                .unwrap_or(DateTime::<Utc>::MAX_UTC),
            ClockKind::Working => self.add_working(start, amount),
        }
    }

    /// Clock time elapsed between two instants; zero when `to <= from`.
    ///
    /// Runs in time proportional to the number of holidays in the span, not its length.
    pub fn elapsed(&self, kind: ClockKind, from: DateTime<Utc>, to: DateTime<Utc>) -> TimeDelta {
        if to <= from {
            return TimeDelta::zero();
        }
        match kind {
            ClockKind::WallClock => to - from,
            ClockKind::Working => self.elapsed_working(to_local(from), to_local(to)),
        }
    }

    /// The instant when `percent` % of the clock time from `start` to `due` has elapsed (used
    /// for warnings before the deadline and escalations after it: 150 means half the allowance
    /// past the deadline).
    ///
    /// Equals `add(start, elapsed(start, due) * percent / 100)`, the scaled amount computed
    /// exactly in 128-bit nanoseconds and rounded down to the whole second. `due <= start`
    /// gives `start`.
    pub fn point_at(
        &self,
        kind: ClockKind,
        start: DateTime<Utc>,
        due: DateTime<Utc>,
        percent: u32,
    ) -> DateTime<Utc> {
        let allowance = self.elapsed(kind, start, due);
        self.add(kind, start, scale_whole_seconds(allowance, percent))
    }

    /// A deadline moved by a pause: the clock time elapsed between `paused_at` and `resumed_at`
    /// is added to `due`.
    ///
    /// Because `elapsed` is additive, this keeps both the time left (paused before the
    /// deadline) and the time overdue (paused after it) unchanged across the pause. A resume at
    /// or before the pause leaves `due` unchanged.
    pub fn extend_for_pause(
        &self,
        kind: ClockKind,
        due: DateTime<Utc>,
        paused_at: DateTime<Utc>,
        resumed_at: DateTime<Utc>,
    ) -> DateTime<Utc> {
        let paused = self.elapsed(kind, paused_at, resumed_at);
        self.add(kind, due, paused)
    }

    fn add_working(&self, start: DateTime<Utc>, amount: TimeDelta) -> DateTime<Utc> {
        let local_start = to_local(start);
        let limit = local_start
            .checked_add_signed(SEARCH_HORIZON)
            .unwrap_or(NaiveDateTime::MAX);
        let mut remaining = amount;
        let mut day = local_start.date();
        // Lower bound of the time that counts on `day`: `local_start` on the first day, then
        // midnight.
        let mut from = local_start;
        loop {
            let midnight = day.and_time(NaiveTime::MIN);
            if from == midnight
                && let Some(week_end) = day.checked_add_days(Days::new(7))
                && week_end.and_time(NaiveTime::MIN) <= limit
            {
                // Skip a whole week at once when the deadline is strictly beyond it; when it
                // ends exactly at the week's end we go day by day to find the earliest instant.
                let capacity = self.full_days(day, week_end);
                if capacity < remaining {
                    remaining -= capacity;
                    day = week_end;
                    from = week_end.and_time(NaiveTime::MIN);
                    continue;
                }
            }
            match self.take_from_day(day, from, limit, remaining) {
                ControlFlow::Break(at) => return from_local(at),
                ControlFlow::Continue(left) => remaining = left,
            }
            let Some(next) = day.succ_opt() else { break };
            let next_midnight = next.and_time(NaiveTime::MIN);
            if next_midnight >= limit {
                break;
            }
            day = next;
            from = next_midnight;
        }
        start
            .checked_add_signed(amount.max(SEARCH_HORIZON))
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
    }

    /// Consumes the working time of `day` within `[from, limit)`: breaks with the instant at
    /// which `remaining` runs out, or continues with what is left.
    fn take_from_day(
        &self,
        day: NaiveDate,
        from: NaiveDateTime,
        limit: NaiveDateTime,
        mut remaining: TimeDelta,
    ) -> ControlFlow<NaiveDateTime, TimeDelta> {
        if !self.is_working_day(day) {
            return ControlFlow::Continue(remaining);
        }
        for &(start, end) in &self.hours.periods {
            let seg_start = day.and_time(start).max(from);
            let seg_end = day.and_time(end).min(limit);
            if seg_end <= seg_start {
                continue;
            }
            let len = seg_end - seg_start;
            if remaining <= len {
                // `seg_start + remaining <= seg_end`, so this cannot overflow.
                return ControlFlow::Break(
                    seg_start.checked_add_signed(remaining).unwrap_or(seg_end),
                );
            }
            remaining -= len;
        }
        ControlFlow::Continue(remaining)
    }

    fn elapsed_working(&self, from: NaiveDateTime, to: NaiveDateTime) -> TimeDelta {
        if to <= from {
            return TimeDelta::zero();
        }
        let (first, last) = (from.date(), to.date());
        if first == last {
            return self.working_within_day(first, from, to);
        }
        let head = self.working_within_day(first, from, NaiveDateTime::MAX);
        let tail = self.working_within_day(last, NaiveDateTime::MIN, to);
        let middle = match first.succ_opt() {
            Some(second) => self.full_days(second, last),
            None => TimeDelta::zero(),
        };
        head + middle + tail
    }

    /// Working time of `day` that falls within `[from, to)`.
    fn working_within_day(
        &self,
        day: NaiveDate,
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> TimeDelta {
        if !self.is_working_day(day) {
            return TimeDelta::zero();
        }
        self.hours
            .periods
            .iter()
            .fold(TimeDelta::zero(), |sum, &(start, end)| {
                let seg_start = day.and_time(start).max(from);
                let seg_end = day.and_time(end).min(to);
                if seg_end > seg_start {
                    sum + (seg_end - seg_start)
                } else {
                    sum
                }
            })
    }

    /// Working time of the whole days in `[first, end)`, counted arithmetically: whole weeks,
    /// the few remaining days, minus the holidays falling on working weekdays.
    fn full_days(&self, first: NaiveDate, end: NaiveDate) -> TimeDelta {
        if end <= first {
            return TimeDelta::zero();
        }
        let days = (end - first).num_days();
        let mut count = days / 7 * self.hours.working_weekdays_per_week();
        // Any 7 consecutive days hold every weekday once, so the leftover days have the same
        // weekdays as the first `days % 7` days of the range.
        let mut weekday = first.weekday();
        for _ in 0..days % 7 {
            if self.hours.is_working_weekday(weekday) {
                count += 1;
            }
            weekday = weekday.succ();
        }
        let holidays = self
            .holidays
            .range(first..end)
            .filter(|h| self.hours.is_working_weekday(h.weekday()))
            .count() as i64;
        count -= holidays;
        // At most ~1.9e8 days fit in chrono's date range, well within i32.
        let count = i32::try_from(count).unwrap_or(i32::MAX);
        self.hours
            .per_day()
            .checked_mul(count)
            .unwrap_or(TimeDelta::MAX)
    }
}

/// Local wall time in Huế. Saturates for the last seven hours of chrono's range.
fn to_local(t: DateTime<Utc>) -> NaiveDateTime {
    t.naive_utc()
        .checked_add_signed(TimeDelta::seconds(i64::from(VN_OFFSET_SECS)))
        .unwrap_or(NaiveDateTime::MAX)
}

fn from_local(local: NaiveDateTime) -> DateTime<Utc> {
    local
        .checked_sub_signed(TimeDelta::seconds(i64::from(VN_OFFSET_SECS)))
        .map_or(DateTime::<Utc>::MIN_UTC, |utc| utc.and_utc())
}

/// `amount * percent / 100`, rounded down to the whole second, without overflow.
fn scale_whole_seconds(amount: TimeDelta, percent: u32) -> TimeDelta {
    let nanos =
        i128::from(amount.num_seconds()) * NANOS_PER_SEC + i128::from(amount.subsec_nanos());
    let scaled = nanos * i128::from(percent) / 100;
    let secs = scaled.div_euclid(NANOS_PER_SEC);
    i64::try_from(secs)
        .ok()
        .and_then(|s| TimeDelta::new(s, 0))
        .unwrap_or(TimeDelta::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const W: ClockKind = ClockKind::Working;
    const WALL: ClockKind = ClockKind::WallClock;

    /// A local (Huế) wall time as a UTC instant.
    fn vn(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        let local = NaiveDate::from_ymd_opt(y, mo, d)
            .and_then(|date| date.and_hms_opt(h, mi, 0))
            .expect("valid local time");
        from_local(local)
    }

    fn date(y: i32, mo: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, mo, d).expect("valid date")
    }

    fn hm(h: i64, m: i64) -> TimeDelta {
        TimeDelta::hours(h) + TimeDelta::minutes(m)
    }

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).expect("valid time")
    }

    fn national_day() -> Calendar {
        Calendar::with_holidays([date(2026, 9, 1), date(2026, 9, 2)])
    }

    fn tet_2027() -> Calendar {
        let first = date(2027, 2, 5);
        Calendar::with_holidays(first.iter_days().take(7))
    }

    #[test]
    fn clock_kind_round_trips() {
        for kind in [W, WALL] {
            assert_eq!(ClockKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(W.as_str(), "working");
        assert_eq!(WALL.as_str(), "wall_clock");
        assert_eq!(ClockKind::parse("Working"), None);
        assert_eq!(ClockKind::parse(""), None);
    }

    #[test]
    fn default_hours() {
        let hours = OfficeHours::default();
        assert_eq!(hours.per_day(), hm(7, 30));
        let explicit = OfficeHours::new(
            vec![(time(7, 30), time(11, 30)), (time(13, 30), time(17, 0))],
            vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ],
        );
        assert_eq!(explicit, Ok(hours));
    }

    #[test]
    fn office_hours_validation() {
        let mon = || vec![Weekday::Mon];
        assert_eq!(OfficeHours::new(vec![], mon()), Err(InvalidOfficeHours));
        assert_eq!(
            OfficeHours::new(vec![(time(8, 0), time(9, 0))], vec![]),
            Err(InvalidOfficeHours)
        );
        assert_eq!(
            OfficeHours::new(vec![(time(9, 0), time(9, 0))], mon()),
            Err(InvalidOfficeHours)
        );
        assert_eq!(
            OfficeHours::new(vec![(time(10, 0), time(9, 0))], mon()),
            Err(InvalidOfficeHours)
        );
        // Unordered.
        assert_eq!(
            OfficeHours::new(
                vec![(time(13, 0), time(14, 0)), (time(8, 0), time(9, 0))],
                mon()
            ),
            Err(InvalidOfficeHours)
        );
        // Overlapping.
        assert_eq!(
            OfficeHours::new(
                vec![(time(8, 0), time(10, 0)), (time(9, 0), time(11, 0))],
                mon()
            ),
            Err(InvalidOfficeHours)
        );
        // Touching is fine; duplicate weekdays are ignored.
        let touching = OfficeHours::new(
            vec![(time(8, 0), time(10, 0)), (time(10, 0), time(11, 0))],
            vec![Weekday::Mon, Weekday::Mon],
        )
        .expect("touching periods are valid");
        assert_eq!(touching.per_day(), hm(3, 0));
        assert!(touching.is_working_weekday(Weekday::Mon));
        assert!(!touching.is_working_weekday(Weekday::Tue));
    }

    #[test]
    fn full_day_ends_at_period_end_not_next_morning() {
        let cal = Calendar::default();
        assert_eq!(
            cal.add(W, vn(2026, 1, 5, 7, 30), hm(7, 30)),
            vn(2026, 1, 5, 17, 0)
        );
        // Morning period exactly: ends at 11:30, not 13:30.
        assert_eq!(
            cal.add(W, vn(2026, 1, 5, 7, 30), hm(4, 0)),
            vn(2026, 1, 5, 11, 30)
        );
    }

    #[test]
    fn exact_week_from_midnight_ends_on_friday_evening() {
        let cal = Calendar::default();
        // Whole weeks are skipped at once only when the deadline lies strictly beyond them.
        for start in [
            vn(2026, 1, 5, 0, 0),
            vn(2026, 1, 3, 0, 0),
            vn(2026, 1, 4, 23, 0),
        ] {
            assert_eq!(cal.add(W, start, hm(37, 30)), vn(2026, 1, 9, 17, 0));
        }
        assert_eq!(
            cal.add(W, vn(2026, 1, 5, 0, 0), hm(75, 0)),
            vn(2026, 1, 16, 17, 0)
        );
    }

    #[test]
    fn start_after_hours_waits_for_next_morning() {
        let cal = Calendar::default();
        // Monday 20:00 + 8h: Tuesday gives 7h30, Wednesday 07:30 + 30 min.
        assert_eq!(
            cal.add(W, vn(2026, 1, 5, 20, 0), hm(8, 0)),
            vn(2026, 1, 7, 8, 0)
        );
        // Before opening.
        assert_eq!(
            cal.add(W, vn(2026, 1, 5, 6, 0), hm(1, 0)),
            vn(2026, 1, 5, 8, 30)
        );
    }

    #[test]
    fn start_in_lunch_break_waits_for_afternoon() {
        let cal = Calendar::default();
        assert_eq!(
            cal.add(W, vn(2026, 1, 5, 12, 0), hm(1, 0)),
            vn(2026, 1, 5, 14, 30)
        );
        // Morning crosses lunch.
        assert_eq!(
            cal.add(W, vn(2026, 1, 5, 11, 0), hm(1, 0)),
            vn(2026, 1, 5, 14, 0)
        );
    }

    #[test]
    fn across_a_weekend() {
        let cal = Calendar::default();
        // Friday 16:00–17:00 is 1h, then Monday 07:30 + 1h.
        assert_eq!(
            cal.add(W, vn(2026, 1, 9, 16, 0), hm(2, 0)),
            vn(2026, 1, 12, 8, 30)
        );
    }

    #[test]
    fn report_received_on_saturday() {
        let cal = Calendar::default();
        assert_eq!(
            cal.add(W, vn(2026, 1, 10, 10, 0), hm(1, 0)),
            vn(2026, 1, 12, 8, 30)
        );
        assert_eq!(
            cal.elapsed(W, vn(2026, 1, 10, 10, 0), vn(2026, 1, 12, 7, 30)),
            TimeDelta::zero()
        );
    }

    #[test]
    fn across_national_day() {
        let cal = national_day();
        assert!(!cal.is_working_day(date(2026, 9, 1)));
        assert!(!cal.is_working_day(date(2026, 9, 2)));
        assert!(cal.is_working_day(date(2026, 9, 3)));
        assert!(!cal.is_working_day(date(2026, 9, 5)));
        // Monday 16:00 + 2h: 1h on Monday, Tuesday and Wednesday are holidays, Thursday 1h.
        assert_eq!(
            cal.add(W, vn(2026, 8, 31, 16, 0), hm(2, 0)),
            vn(2026, 9, 3, 8, 30)
        );
        // Without the holidays it would be Tuesday.
        assert_eq!(
            Calendar::default().add(W, vn(2026, 8, 31, 16, 0), hm(2, 0)),
            vn(2026, 9, 1, 8, 30)
        );
    }

    #[test]
    fn across_tet() {
        let cal = tet_2027();
        // Thursday 15:00 + 4h: 2h on Thursday, Friday 5 to Thursday 11 off, Friday 12 2h.
        assert_eq!(
            cal.add(W, vn(2027, 2, 4, 15, 0), hm(4, 0)),
            vn(2027, 2, 12, 9, 30)
        );
        assert_eq!(
            cal.elapsed(W, vn(2027, 2, 4, 15, 0), vn(2027, 2, 12, 9, 30)),
            hm(4, 0)
        );
        // Started during Tết.
        assert_eq!(
            cal.add(W, vn(2027, 2, 8, 9, 0), hm(7, 30)),
            vn(2027, 2, 12, 17, 0)
        );
    }

    #[test]
    fn seven_working_days() {
        let cal = Calendar::default();
        assert_eq!(
            cal.add(W, vn(2026, 1, 5, 9, 0), hm(52, 30)),
            vn(2026, 1, 14, 9, 0)
        );
        assert_eq!(
            cal.elapsed(W, vn(2026, 1, 5, 9, 0), vn(2026, 1, 14, 9, 0)),
            hm(52, 30)
        );
    }

    #[test]
    fn wall_clock_is_plain_addition() {
        let cal = national_day();
        let start = vn(2026, 8, 29, 23, 0);
        for amount in [hm(0, 1), hm(8, 0), hm(100, 0), TimeDelta::days(30)] {
            assert_eq!(cal.add(WALL, start, amount), start + amount);
            assert_eq!(cal.elapsed(WALL, start, start + amount), amount);
        }
    }

    #[test]
    fn non_positive_amounts_return_start() {
        let cal = Calendar::default();
        let start = vn(2026, 1, 10, 10, 0);
        for kind in [W, WALL] {
            assert_eq!(cal.add(kind, start, TimeDelta::zero()), start);
            assert_eq!(cal.add(kind, start, -hm(3, 0)), start);
        }
    }

    #[test]
    fn elapsed_across_weekend_and_holiday() {
        let cal = national_day();
        assert_eq!(
            cal.elapsed(W, vn(2026, 1, 9, 16, 0), vn(2026, 1, 12, 8, 30)),
            hm(2, 0)
        );
        assert_eq!(
            cal.elapsed(W, vn(2026, 8, 31, 16, 0), vn(2026, 9, 3, 8, 30)),
            hm(2, 0)
        );
        // Friday 28 Aug 09:00 to Monday 7 Sep 09:00: Fri 6h, Mon 31 7h30, Thu+Fri 15h, Mon 1h30.
        assert_eq!(
            cal.elapsed(W, vn(2026, 8, 28, 9, 0), vn(2026, 9, 7, 9, 0)),
            hm(30, 0)
        );
        // Reversed or empty spans.
        assert_eq!(
            cal.elapsed(W, vn(2026, 9, 3, 8, 30), vn(2026, 8, 31, 16, 0)),
            TimeDelta::zero()
        );
        assert_eq!(
            cal.elapsed(WALL, vn(2026, 9, 3, 8, 30), vn(2026, 9, 3, 8, 30)),
            TimeDelta::zero()
        );
    }

    #[test]
    fn point_at_percentages() {
        let cal = Calendar::default();
        let start = vn(2026, 1, 5, 7, 30);
        let due = cal.add(W, start, hm(15, 0));
        assert_eq!(due, vn(2026, 1, 6, 17, 0));
        assert_eq!(cal.point_at(W, start, due, 0), start);
        // 11h15: Monday 7h30, Tuesday 07:30 + 3h45.
        assert_eq!(cal.point_at(W, start, due, 75), vn(2026, 1, 6, 11, 15));
        assert_eq!(cal.point_at(W, start, due, 100), due);
        // 22h30 = three working days.
        assert_eq!(cal.point_at(W, start, due, 150), vn(2026, 1, 7, 17, 0));
        // Wall clock.
        let wall_due = start + TimeDelta::hours(8);
        assert_eq!(
            cal.point_at(WALL, start, wall_due, 75),
            start + TimeDelta::hours(6)
        );
        assert_eq!(
            cal.point_at(WALL, start, wall_due, 150),
            start + TimeDelta::hours(12)
        );
        // Due before start.
        assert_eq!(cal.point_at(W, due, start, 150), due);
        // Rounded down to the whole second: 75% of 7s is 5s.
        assert_eq!(
            cal.point_at(WALL, start, start + TimeDelta::seconds(7), 75),
            start + TimeDelta::seconds(5)
        );
    }

    #[test]
    fn point_at_does_not_overflow() {
        let cal = Calendar::default();
        let start = vn(2026, 1, 5, 7, 30);
        let due = start + TimeDelta::days(365 * 200);
        assert_eq!(
            cal.point_at(WALL, start, due, u32::MAX),
            DateTime::<Utc>::MAX_UTC
        );
    }

    #[test]
    fn pause_before_deadline() {
        let cal = Calendar::default();
        let due = vn(2026, 1, 6, 17, 0);
        let paused = vn(2026, 1, 5, 9, 0);
        let resumed = vn(2026, 1, 5, 14, 30);
        // Paused 09:00–11:30 and 13:30–14:30 = 3h30: Wednesday 07:30 + 3h30.
        let moved = cal.extend_for_pause(W, due, paused, resumed);
        assert_eq!(moved, vn(2026, 1, 7, 11, 0));
        // Time left is unchanged.
        assert_eq!(cal.elapsed(W, resumed, moved), cal.elapsed(W, paused, due));
        // Wall clock: plain shift.
        assert_eq!(
            cal.extend_for_pause(WALL, due, paused, resumed),
            due + (resumed - paused)
        );
        // A pause over a weekend costs nothing on the working clock.
        assert_eq!(
            cal.extend_for_pause(W, due, vn(2026, 1, 10, 9, 0), vn(2026, 1, 11, 20, 0)),
            due
        );
    }

    #[test]
    fn pause_after_deadline() {
        let cal = Calendar::default();
        let due = vn(2026, 1, 5, 10, 0);
        let paused = vn(2026, 1, 5, 14, 0);
        let resumed = vn(2026, 1, 6, 9, 0);
        // Paused 14:00–17:00 and 07:30–09:00 = 4h30: Monday 10:00 + 4h30 = 16:30.
        let moved = cal.extend_for_pause(W, due, paused, resumed);
        assert_eq!(moved, vn(2026, 1, 5, 16, 30));
        // Still overdue by the same 2h as when it was paused.
        assert_eq!(cal.elapsed(W, moved, resumed), hm(2, 0));
        assert_eq!(cal.elapsed(W, due, paused), hm(2, 0));
        // Resume before pause: unchanged.
        assert_eq!(cal.extend_for_pause(W, due, resumed, paused), due);
    }

    #[test]
    fn two_years_of_working_time_is_fast_and_exact() {
        let cal = tet_2027();
        let start = vn(2026, 1, 5, 9, 0);
        let amount = cal.hours().per_day() * 500;
        let due = cal.add(W, start, amount);
        assert_eq!(cal.elapsed(W, start, due), amount);
        assert!(due > vn(2027, 12, 1, 0, 0) && due < vn(2028, 1, 31, 0, 0));
    }

    #[test]
    fn calendar_without_working_time_stops_at_horizon() {
        let start = vn(2026, 1, 5, 9, 0);
        let holidays = date(2026, 1, 1).iter_days().take(36_600);
        let cal = Calendar::with_holidays(holidays);
        assert_eq!(cal.add(W, start, hm(1, 0)), start + SEARCH_HORIZON);
        let huge = SEARCH_HORIZON * 2;
        assert_eq!(cal.add(W, start, huge), start + huge);
        assert_eq!(
            cal.elapsed(W, start, start + SEARCH_HORIZON),
            TimeDelta::zero()
        );
    }

    #[test]
    fn extreme_inputs_do_not_panic() {
        let cal = national_day();
        let (min, max) = (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);
        for kind in [W, WALL] {
            assert_eq!(cal.add(kind, max, TimeDelta::MAX), max);
            assert_eq!(cal.add(kind, vn(2026, 1, 5, 9, 0), TimeDelta::MAX), max);
            assert!(cal.elapsed(kind, min, max) > TimeDelta::zero());
            assert_eq!(cal.point_at(kind, min, max, u32::MAX), max);
        }
    }

    /// Reference: sum day by day, no arithmetic counting.
    fn elapsed_day_by_day(cal: &Calendar, from: DateTime<Utc>, to: DateTime<Utc>) -> TimeDelta {
        let (from, to) = (to_local(from), to_local(to));
        if to <= from {
            return TimeDelta::zero();
        }
        from.date()
            .iter_days()
            .take_while(|d| *d <= to.date())
            .fold(TimeDelta::zero(), |sum, d| {
                sum + cal.working_within_day(d, from, to)
            })
    }

    fn base_day() -> NaiveDate {
        date(2025, 1, 1)
    }

    fn instant() -> impl Strategy<Value = DateTime<Utc>> {
        // 2025-01-01 to 2028-12-31 (UTC), whole seconds or with a sub-second part.
        let secs = 1_735_689_600_i64..1_861_920_000_i64;
        let nanos = prop_oneof![3 => Just(0_u32), 1 => 0_u32..1_000_000_000];
        let any =
            (secs, nanos).prop_map(|(s, n)| DateTime::from_timestamp(s, n).expect("in range"));
        // Local midnights and period boundaries, where off-by-one mistakes hide.
        let boundary = (
            0_u64..1_461,
            prop::sample::select(vec![(0, 0), (7, 30), (11, 30), (13, 30), (17, 0)]),
        )
            .prop_map(|(o, (h, m))| {
                let day = base_day() + Days::new(o);
                vn(day.year(), day.month(), day.day(), h, m)
            });
        prop_oneof![3 => any, 1 => boundary]
    }

    fn amount() -> impl Strategy<Value = TimeDelta> {
        // Up to 60 working days; whole minutes, whole seconds, or with nanoseconds.
        let max_secs = 60 * (7 * 3600 + 1800);
        prop_oneof![
            (0_i64..=max_secs / 60).prop_map(TimeDelta::minutes),
            (0_i64..=max_secs).prop_map(TimeDelta::seconds),
            (0_i64..=max_secs, 0_u32..1_000_000_000)
                .prop_map(|(s, n)| TimeDelta::new(s, n).expect("in range")),
            // Whole working days, so deadlines land exactly on period and week ends.
            (0_i32..=60).prop_map(|n| hm(7, 30) * n),
        ]
    }

    fn holidays() -> impl Strategy<Value = Vec<NaiveDate>> {
        proptest::collection::vec(0_u64..1_600, 0..80).prop_map(|offsets| {
            offsets
                .into_iter()
                .map(|o| base_day() + Days::new(o))
                .collect()
        })
    }

    fn kind() -> impl Strategy<Value = ClockKind> {
        prop_oneof![Just(W), Just(WALL)]
    }

    proptest! {
        #[test]
        fn prop_round_trip(k in kind(), start in instant(), d in amount(), h in holidays()) {
            let cal = Calendar::with_holidays(h);
            let due = cal.add(k, start, d);
            prop_assert_eq!(cal.elapsed(k, start, due), d);
        }

        #[test]
        fn prop_add_monotonic(
            k in kind(),
            s1 in instant(),
            s2 in instant(),
            d1 in amount(),
            d2 in amount(),
            h in holidays(),
        ) {
            let cal = Calendar::with_holidays(h);
            let (s1, s2) = (s1.min(s2), s1.max(s2));
            let (d1, d2) = (d1.min(d2), d1.max(d2));
            prop_assert!(cal.add(k, s1, d1) <= cal.add(k, s1, d2));
            prop_assert!(cal.add(k, s1, d1) <= cal.add(k, s2, d1));
        }

        #[test]
        fn prop_working_result_in_office_hours(start in instant(), d in amount(), h in holidays()) {
            prop_assume!(d > TimeDelta::zero());
            let cal = Calendar::with_holidays(h);
            let local = to_local(cal.add(W, start, d));
            prop_assert!(cal.is_working_day(local.date()));
            let t = local.time();
            prop_assert!(
                cal.hours().periods().iter().any(|&(s, e)| s < t && t <= e),
                "{local} is outside office hours"
            );
        }

        #[test]
        fn prop_elapsed_additive(
            k in kind(),
            a in instant(),
            b in instant(),
            c in instant(),
            h in holidays(),
        ) {
            let cal = Calendar::with_holidays(h);
            let mut v = [a, b, c];
            v.sort();
            let [a, b, c] = v;
            prop_assert_eq!(cal.elapsed(k, a, c), cal.elapsed(k, a, b) + cal.elapsed(k, b, c));
        }

        #[test]
        fn prop_elapsed_bounded_by_wall_time(a in instant(), b in instant(), h in holidays()) {
            let cal = Calendar::with_holidays(h);
            let (a, b) = (a.min(b), a.max(b));
            prop_assert!(cal.elapsed(W, a, b) <= b - a);
            prop_assert_eq!(cal.elapsed(WALL, a, b), b - a);
        }

        #[test]
        fn prop_elapsed_matches_day_by_day(a in instant(), b in instant(), h in holidays()) {
            let cal = Calendar::with_holidays(h);
            prop_assert_eq!(cal.elapsed(W, a, b), elapsed_day_by_day(&cal, a, b));
        }

        #[test]
        fn prop_working_is_slower(start in instant(), d in amount(), h in holidays()) {
            let cal = Calendar::with_holidays(h);
            prop_assert!(cal.add(W, start, d) >= start + d);
        }

        #[test]
        fn prop_holidays_never_bring_deadline_forward(
            start in instant(),
            d in amount(),
            h1 in holidays(),
            h2 in holidays(),
        ) {
            let fewer = Calendar::with_holidays(h1.clone());
            let more = Calendar::with_holidays(h1.into_iter().chain(h2));
            prop_assert!(more.add(W, start, d) >= fewer.add(W, start, d));
        }

        #[test]
        fn prop_pause_keeps_time_left(
            start in instant(),
            d in amount(),
            p in instant(),
            r in instant(),
            h in holidays(),
        ) {
            let cal = Calendar::with_holidays(h);
            let due = cal.add(W, start, d);
            let (p, r) = (p.min(r), p.max(r));
            let moved = cal.extend_for_pause(W, due, p, r);
            // Working time between resumption and the new deadline equals what was left at the
            // pause (positive when paused before, zero-or-overdue otherwise).
            if p <= due {
                prop_assert_eq!(cal.elapsed(W, r, moved), cal.elapsed(W, p, due));
            } else {
                prop_assert_eq!(cal.elapsed(W, moved, r), cal.elapsed(W, due, p));
            }
        }
    }
}
