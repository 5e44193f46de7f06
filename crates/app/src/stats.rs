//! The IOC's statistics (docs/metrics.md): who may read which figures, the figures of a period,
//! their breakdowns, and the engagement index.

use chrono::{DateTime, Utc};
use hientruong_db::admin::Unit;
use hientruong_db::models::Commune;
use hientruong_db::stats::{self, Grouping, Scope, Summary};
use hientruong_domain::metrics::{Engagement, EngagementInputs, engagement, league_order};
use hientruong_domain::policy::{Actor, check_statistics};
use hientruong_domain::report::Channel;

use crate::{App, Error};

/// What a statistic covers: the period `[from, to)` and the tickets of `scope`.
#[derive(Debug, Clone)]
pub struct Coverage {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub scope: Scope,
}

/// May `caller` (anyone, when `None`) read figures of `scope` broken down `by`? City-wide figures
/// are public; those of one commune or unit (as rows or as a filter) are for IOC operators and
/// administrators. Every use case here asks it; an HTTP handler asks it too before it reads the
/// period, so that a caller who may not read the figures is told so first.
pub fn check(caller: Option<&Actor>, scope: &Scope, by: Grouping) -> Result<(), Error> {
    let per_area = matches!(by, Grouping::Commune | Grouping::Unit)
        || scope.commune.is_some()
        || scope.unit.is_some();
    Ok(check_statistics(caller, per_area)?)
}

impl Coverage {
    /// The figures broken down `by`, if `caller` may read them.
    fn figures(
        &self,
        app: &App,
        caller: Option<&Actor>,
        by: Grouping,
        now: DateTime<Utc>,
    ) -> Result<Vec<(String, Summary)>, Error> {
        check(caller, &self.scope, by)?;
        stats::grouped(app.stats_pool(), self.from, self.to, &self.scope, by, now)
    }

    /// The engagement index of figures of this period.
    fn engagement(&self, summary: &Summary, population: Option<i64>, accounts: i64) -> Engagement {
        engagement(&EngagementInputs {
            distinct_reporters: u64::try_from(summary.reporters).unwrap_or(0),
            population: population.and_then(|p| u64::try_from(p).ok()),
            accounts: u64::try_from(accounts).unwrap_or(0),
            period_days: (self.to - self.from).num_seconds() as f64 / 86_400.0,
            on_time_rate: summary.on_time_rate,
            resolution_rate: summary.resolution_rate,
            mean_rating: summary.mean_rating,
        })
    }

    /// No figure at all, for this period.
    fn empty(&self) -> Summary {
        Summary {
            from: self.from,
            to: self.to,
            ..Summary::empty()
        }
    }
}

/// A commune's figures.
pub struct CommuneFigures {
    pub commune: Commune,
    pub summary: Summary,
    /// Participation only where the commune's population is set.
    pub engagement: Engagement,
}

/// A unit's figures, a row of the league table.
pub struct UnitFigures {
    pub code: String,
    /// The unit, unless it has since been removed.
    pub unit: Option<Unit>,
    pub summary: Summary,
}

impl App {
    /// The headline figures of a period and their engagement index. City-wide (optionally for one
    /// category) for anyone; for one commune or unit, IOC operators and administrators only.
    pub fn stats_summary(
        &self,
        caller: Option<&Actor>,
        coverage: &Coverage,
        now: DateTime<Utc>,
    ) -> Result<(Summary, Engagement), Error> {
        check(caller, &coverage.scope, Grouping::Total)?;
        let (summary, basis) = stats::summary_with_basis(
            self.stats_pool(),
            coverage.from,
            coverage.to,
            &coverage.scope,
            now,
        )?;
        let engagement = coverage.engagement(&summary, basis.population, basis.accounts);
        Ok((summary, engagement))
    }

    /// The figures of every current commune (those without any figure too), in the communes'
    /// order, for IOC operators and administrators.
    pub fn stats_communes(
        &self,
        caller: Option<&Actor>,
        coverage: &Coverage,
        now: DateTime<Utc>,
    ) -> Result<Vec<CommuneFigures>, Error> {
        let figures = coverage.figures(self, caller, Grouping::Commune, now)?;
        let mut conn = self.stats_pool().get()?;
        let communes = hientruong_db::geography::current_communes(&mut conn)?;
        let populations = stats::populations(&mut conn)?;
        let mut figures: std::collections::HashMap<String, Summary> = figures.into_iter().collect();
        Ok(communes
            .into_iter()
            .map(|commune| {
                let summary = figures
                    .remove(&commune.code)
                    .unwrap_or_else(|| coverage.empty());
                let population = populations
                    .iter()
                    .find(|p| p.commune_code == commune.code)
                    .map(|p| i64::from(p.population));
                CommuneFigures {
                    engagement: coverage.engagement(&summary, population, 0),
                    summary,
                    commune,
                }
            })
            .collect())
    }

    /// The league table: each unit with figures, best on-time rate first
    /// ([`league_order`]), for IOC operators and administrators.
    pub fn stats_units(
        &self,
        caller: Option<&Actor>,
        coverage: &Coverage,
        now: DateTime<Utc>,
    ) -> Result<Vec<UnitFigures>, Error> {
        let figures = coverage.figures(self, caller, Grouping::Unit, now)?;
        let units = hientruong_db::admin::units(&mut *self.stats_pool().get()?)?;
        let mut rows: Vec<UnitFigures> = figures
            .into_iter()
            .map(|(code, summary)| UnitFigures {
                unit: units.iter().find(|u| u.code == code).cloned(),
                code,
                summary,
            })
            .collect();
        let standing = |r: &UnitFigures| (r.summary.on_time_rate, r.summary.received);
        rows.sort_by(|a, b| league_order(standing(a), standing(b)));
        Ok(rows)
    }

    /// The figures of each channel reports came in by (app, web, Open311, hotline), every
    /// channel a row, those without any figure too. City-wide for anyone, like the summary.
    pub fn stats_channels(
        &self,
        caller: Option<&Actor>,
        coverage: &Coverage,
        now: DateTime<Utc>,
    ) -> Result<Vec<(String, Summary)>, Error> {
        let mut figures: std::collections::HashMap<String, Summary> = coverage
            .figures(self, caller, Grouping::Channel, now)?
            .into_iter()
            .collect();
        Ok(Channel::ALL
            .into_iter()
            .map(|c| {
                let summary = figures
                    .remove(c.as_str())
                    .unwrap_or_else(|| coverage.empty());
                (c.as_str().to_owned(), summary)
            })
            .collect())
    }

    /// The figures period by period (`interval`: a day, a week or a month), each keyed by its
    /// first day; periods without any figure are absent. City-wide for anyone; for a commune or
    /// unit, IOC operators and administrators.
    pub fn stats_timeseries(
        &self,
        caller: Option<&Actor>,
        coverage: &Coverage,
        interval: Grouping,
        now: DateTime<Utc>,
    ) -> Result<Vec<(String, Summary)>, Error> {
        coverage.figures(self, caller, interval, now)
    }
}
