//! Deadline configuration: the holiday calendar and the SLA policies, both data an administrator
//! maintains.

use chrono::{NaiveDate, TimeDelta};
use diesel::prelude::*;
use hientruong_domain::sla::{Calendar, ClockKind};
use hientruong_domain::ticket::Allowance;
use serde::{Deserialize, Serialize};

use crate::Error;
use crate::schema::{holidays, sla_policies};

/// The working-time calendar with every holiday on record.
pub fn calendar(conn: &mut PgConnection) -> QueryResult<Calendar> {
    let days: Vec<NaiveDate> = holidays::table.select(holidays::day).load(conn)?;
    Ok(Calendar::with_holidays(days))
}

/// Used only if an administrator removed the default policy rows.
pub(crate) const FALLBACK: Allowance = Allowance {
    clock: ClockKind::Working,
    accept: TimeDelta::hours(8),
    resolve: TimeDelta::minutes(3150),
};

/// The allowance for a category and urgency: the category's own policy, else the default for the
/// urgency.
pub fn allowance(conn: &mut PgConnection, category: &str, urgent: bool) -> QueryResult<Allowance> {
    let policy: Option<SlaPolicy> = sla_policies::table
        .filter(sla_policies::urgent.eq(urgent))
        .filter(
            sla_policies::category_code
                .eq(category)
                .or(sla_policies::category_code.is_null()),
        )
        .order(sla_policies::category_code.asc().nulls_last())
        .select(SlaPolicy::as_select())
        .first(conn)
        .optional()?;
    Ok(policy.and_then(|p| p.allowance()).unwrap_or(FALLBACK))
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = sla_policies, check_for_backend(diesel::pg::Pg))]
pub struct SlaPolicy {
    pub id: i64,
    pub category_code: Option<String>,
    pub urgent: bool,
    #[cfg_attr(feature = "openapi", schema(value_type = hientruong_domain::sla::ClockKind))]
    pub clock: String,
    pub accept_minutes: i32,
    pub resolve_minutes: i32,
}

impl SlaPolicy {
    pub fn allowance(&self) -> Option<Allowance> {
        Some(Allowance {
            clock: ClockKind::parse(&self.clock)?,
            accept: TimeDelta::minutes(self.accept_minutes.into()),
            resolve: TimeDelta::minutes(self.resolve_minutes.into()),
        })
    }
}

/// A policy as an administrator sets it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyInput {
    /// Absent: the default for the urgency.
    #[serde(default)]
    pub category: Option<String>,
    pub urgent: bool,
    pub clock: ClockKind,
    /// Positive, and at most `resolve_minutes`.
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub accept_minutes: i32,
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub resolve_minutes: i32,
}

pub fn policies(conn: &mut PgConnection) -> QueryResult<Vec<SlaPolicy>> {
    sla_policies::table
        .order((
            sla_policies::category_code.asc().nulls_first(),
            sla_policies::urgent,
        ))
        .select(SlaPolicy::as_select())
        .load(conn)
}

/// Creates or replaces the policy of (category, urgency). It applies to tickets received (or
/// transferred, or reopened) from now on; running deadlines keep the policy they started with.
pub fn put_policy(conn: &mut PgConnection, input: &PolicyInput) -> Result<SlaPolicy, Error> {
    if input.accept_minutes <= 0
        || input.resolve_minutes <= 0
        || input.accept_minutes > input.resolve_minutes
    {
        return Err(hientruong_domain::Error::InvalidPolicy.into());
    }
    let category = input.category.as_deref();
    if let Some(code) = category
        && !crate::catalog::category_exists(conn, code)?
    {
        return Err(hientruong_domain::Error::UnknownCategory.into());
    }
    conn.transaction(|conn| {
        diesel::delete(
            sla_policies::table
                .filter(sla_policies::urgent.eq(input.urgent))
                .filter(sla_policies::category_code.is_not_distinct_from(category)),
        )
        .execute(conn)?;
        Ok(diesel::insert_into(sla_policies::table)
            .values((
                sla_policies::category_code.eq(category),
                sla_policies::urgent.eq(input.urgent),
                sla_policies::clock.eq(input.clock.as_str()),
                sla_policies::accept_minutes.eq(input.accept_minutes),
                sla_policies::resolve_minutes.eq(input.resolve_minutes),
            ))
            .returning(SlaPolicy::as_returning())
            .get_result(conn)?)
    })
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, Deserialize)]
#[diesel(table_name = holidays, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    pub day: NaiveDate,
    /// 1 to 200 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub name: String,
}

/// Holidays of one year, or all of them.
pub fn holidays(conn: &mut PgConnection, year: Option<i32>) -> QueryResult<Vec<Holiday>> {
    let mut query = holidays::table.into_boxed();
    if let Some(y) = year
        && let (Some(from), Some(to)) = (
            NaiveDate::from_ymd_opt(y, 1, 1),
            NaiveDate::from_ymd_opt(y, 12, 31),
        )
    {
        query = query.filter(holidays::day.between(from, to));
    }
    query
        .order(holidays::day)
        .select(Holiday::as_select())
        .load(conn)
}

/// Adds holidays, or renames those already there.
pub fn put_holidays(conn: &mut PgConnection, days: &[Holiday]) -> Result<usize, Error> {
    for h in days {
        let name = hientruong_domain::text::clean(&h.name);
        if name.is_empty() || hientruong_domain::text::char_len(&name) > 200 {
            return Err(hientruong_domain::Error::InvalidDefinition.into());
        }
    }
    conn.transaction(|conn| {
        let mut n = 0;
        for h in days {
            n += diesel::insert_into(holidays::table)
                .values((
                    holidays::day.eq(h.day),
                    holidays::name.eq(hientruong_domain::text::clean(&h.name)),
                ))
                .on_conflict(holidays::day)
                .do_update()
                .set(holidays::name.eq(hientruong_domain::text::clean(&h.name)))
                .execute(conn)?;
        }
        Ok(n)
    })
}

pub fn delete_holiday(conn: &mut PgConnection, day: NaiveDate) -> Result<(), Error> {
    match diesel::delete(holidays::table.find(day)).execute(conn)? {
        0 => Err(hientruong_domain::Error::NotFound.into()),
        _ => Ok(()),
    }
}
