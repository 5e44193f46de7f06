//! What deadlines and the engagement index are measured against, kept by administrators: the
//! SLA policies, the holiday calendar, and the communes' populations.

use chrono::NaiveDate;
use hientruong_db::sla::{self, Holiday, PolicyInput, SlaPolicy};
use hientruong_db::stats::{self, Population};
use hientruong_domain::policy::Actor;

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
        sla::put_policy(&mut *self.conn()?, input)
    }

    /// The holidays, of one year or all.
    pub fn holidays(&self, actor: &Actor, year: Option<i32>) -> Result<Vec<Holiday>, Error> {
        actor.check_admin()?;
        Ok(sla::holidays(&mut *self.conn()?, year)?)
    }

    /// Adds or renames holidays, all of them or none.
    pub fn put_holidays(&self, actor: &Actor, days: &[Holiday]) -> Result<usize, Error> {
        actor.check_admin()?;
        sla::put_holidays(&mut *self.conn()?, days)
    }

    /// Removes a holiday.
    pub fn delete_holiday(&self, actor: &Actor, day: NaiveDate) -> Result<(), Error> {
        actor.check_admin()?;
        sla::delete_holiday(&mut *self.conn()?, day)
    }

    /// The communes' populations on record.
    pub fn populations(&self, actor: &Actor) -> Result<Vec<Population>, Error> {
        actor.check_admin()?;
        Ok(stats::populations(&mut *self.conn()?)?)
    }

    /// Records a commune's population.
    pub fn put_population(&self, actor: &Actor, row: &Population) -> Result<Population, Error> {
        actor.check_admin()?;
        stats::put_population(&mut *self.conn()?, row)
    }
}
