//! What deadlines and the engagement index are measured against, kept by administrators: the
//! SLA policies, the holiday calendar, and the communes' populations.

use chrono::NaiveDate;
use hientruong_db::sla::{self, Holiday, PolicyInput, SlaPolicy};
use hientruong_db::stats::{self, Population};
use hientruong_domain::audit::Action;
use hientruong_domain::policy::Actor;
use serde_json::json;

use crate::{App, Error};

impl App {
    /// Every SLA policy.
    pub fn sla_policies(&self, actor: &Actor) -> Result<Vec<SlaPolicy>, Error> {
        actor.check_admin()?;
        Ok(sla::policies(&mut *self.conn()?)?)
    }

    /// Creates or replaces the policy of a category (or the default).
    pub fn put_sla_policy(&self, actor: &Actor, input: &PolicyInput) -> Result<SlaPolicy, Error> {
        actor.check_admin()?;
        self.audited(
            actor,
            Action::SlaPolicyPut,
            |conn| sla::put_policy(conn, input),
            |policy| (policy.id.to_string(), json!(input)),
        )
    }

    /// The holidays, of one year or all.
    pub fn holidays(&self, actor: &Actor, year: Option<i32>) -> Result<Vec<Holiday>, Error> {
        actor.check_admin()?;
        Ok(sla::holidays(&mut *self.conn()?, year)?)
    }

    /// Adds or renames holidays, all of them or none.
    pub fn put_holidays(&self, actor: &Actor, days: &[Holiday]) -> Result<usize, Error> {
        actor.check_admin()?;
        self.audited(
            actor,
            Action::HolidayPut,
            |conn| sla::put_holidays(conn, days),
            |_| {
                let dates: Vec<String> = days.iter().map(|d| d.day.to_string()).collect();
                (dates.join(","), json!({ "days": days }))
            },
        )
    }

    /// Removes a holiday.
    pub fn delete_holiday(&self, actor: &Actor, day: NaiveDate) -> Result<(), Error> {
        actor.check_admin()?;
        self.audited(
            actor,
            Action::HolidayDelete,
            |conn| sla::delete_holiday(conn, day),
            |_| (day.to_string(), json!({})),
        )
    }

    /// The communes' populations on record.
    pub fn populations(&self, actor: &Actor) -> Result<Vec<Population>, Error> {
        actor.check_admin()?;
        Ok(stats::populations(&mut *self.conn()?)?)
    }

    /// Records a commune's population.
    pub fn put_population(&self, actor: &Actor, row: &Population) -> Result<Population, Error> {
        actor.check_admin()?;
        self.audited(
            actor,
            Action::PopulationPut,
            |conn| stats::put_population(conn, row),
            |_| (row.commune_code.clone(), json!(row)),
        )
    }
}
