//! `/api/v1/stats`: the IOC's figures (docs/metrics.md).

use actix_web::{HttpResponse, web};
use chrono::{Days, NaiveDate, TimeZone, Utc};
use hientruong_db::stats::{Scope, Summary};
use hientruong_domain::metrics::{Engagement, EngagementInputs, engagement};
use hientruong_domain::policy::check_statistics;
use hientruong_domain::sla::vn_offset;
use serde::{Deserialize, Serialize};

use crate::auth::MaybeAuthUser;
use crate::error::ApiError;
use crate::handlers::query::{self, given, invalid};
use crate::state::AppState;

/// Longest period one request may cover.
const MAX_DAYS: u64 = 3 * 366;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Query {
    /// First day (Huế date, `YYYY-MM-DD`), inclusive; default: 29 days before `to`.
    from: Option<String>,
    /// Last day, inclusive; default: today.
    to: Option<String>,
    commune: Option<String>,
    unit: Option<String>,
    category: Option<String>,
}

fn day(value: &Option<String>, name: &str) -> Result<Option<NaiveDate>, ApiError> {
    given(value)
        .map(|d| {
            NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map_err(|_| invalid(&format!("{name} must be a date YYYY-MM-DD")))
        })
        .transpose()
}

impl Query {
    /// The period as instants: [from 00:00, the day after `to` 00:00), Huế time.
    fn period(&self) -> Result<(chrono::DateTime<Utc>, chrono::DateTime<Utc>), ApiError> {
        let today = Utc::now().with_timezone(&vn_offset()).date_naive();
        let to = day(&self.to, "to")?.unwrap_or(today);
        let from = match day(&self.from, "from")? {
            Some(d) => d,
            None => to.checked_sub_days(Days::new(29)).unwrap_or(to),
        };
        if from > to || (to - from).num_days() as u64 >= MAX_DAYS {
            return Err(invalid(
                "from must not be after to, and the period at most 3 years",
            ));
        }
        let start = |d: NaiveDate| {
            d.and_hms_opt(0, 0, 0)
                .and_then(|t| vn_offset().from_local_datetime(&t).single())
                .map(|t| t.with_timezone(&Utc))
                .ok_or_else(|| invalid("date out of range"))
        };
        let end = to
            .checked_add_days(Days::new(1))
            .ok_or_else(|| invalid("date out of range"))?;
        Ok((start(from)?, start(end)?))
    }

    fn scope(&self) -> Result<Scope, ApiError> {
        Ok(Scope {
            commune: query::commune(&self.commune)?,
            unit: given(&self.unit).map(str::to_owned),
            category: query::category(&self.category)?,
        })
    }
}

#[derive(Serialize)]
struct SummaryJson {
    #[serde(flatten)]
    summary: Summary,
    engagement: Engagement,
}

/// `GET /api/v1/stats/summary`: the headline figures of a period. City-wide (optionally for one
/// category) for anyone; for one commune or unit, IOC operators and administrators only.
pub async fn summary(
    state: web::Data<AppState>,
    caller: MaybeAuthUser,
    query: web::Query<Query>,
) -> Result<HttpResponse, ApiError> {
    let scope = query.scope()?;
    let actor = caller.0.as_ref().map(|u| u.actor());
    check_statistics(
        actor.as_ref(),
        scope.commune.is_some() || scope.unit.is_some(),
    )?;
    let (from, to) = query.period()?;
    let (summary, accounts) = state
        .db(move |conn| {
            let summary = hientruong_db::stats::summary(conn, from, to, &scope, Utc::now())?;
            let accounts = hientruong_db::stats::resident_accounts(conn, to)?;
            Ok((summary, accounts))
        })
        .await?;
    let engagement = engagement(&EngagementInputs {
        distinct_reporters: u64::try_from(summary.reporters).unwrap_or(0),
        population: None,
        accounts: u64::try_from(accounts).unwrap_or(0),
        period_days: (to - from).num_seconds() as f64 / 86_400.0,
        on_time_rate: summary.on_time_rate,
        resolution_rate: summary.resolution_rate,
        mean_rating: summary.mean_rating,
    });
    Ok(HttpResponse::Ok().json(SummaryJson {
        summary,
        engagement,
    }))
}
