//! Reference data: the categories, communes and handling units the apps show (public), and their
//! administration with the routing rules (administrators).

use chrono::{DateTime, Utc};
use hientruong_db::admin::{self, CategoryInput, Rule, RuleInput, Unit, UnitInput};
use hientruong_db::models::{Category, Commune};
use hientruong_db::{catalog, geography};
use hientruong_domain::audit::Action;
use hientruong_domain::policy::Actor;
use serde_json::json;

use crate::{App, Error};

impl App {
    /// The active categories, in the pickers' order.
    pub fn categories(&self) -> Result<Vec<Category>, Error> {
        Ok(catalog::active_categories(&mut *self.conn()?)?)
    }

    /// The communes in force today, by code.
    pub fn communes(&self) -> Result<Vec<Commune>, Error> {
        Ok(geography::current_communes(&mut *self.conn()?)?)
    }

    /// The current communes' outlines (code, GeoJSON geometry simplified to about 20 m), for maps.
    pub fn outlines(&self) -> Result<Vec<(String, String)>, Error> {
        Ok(geography::outlines(&mut *self.conn()?)?)
    }

    /// The active handling units (the targets of a transfer, the rows of the league table).
    pub fn active_units(&self) -> Result<Vec<Unit>, Error> {
        let units = admin::units(&mut *self.conn()?)?;
        Ok(units.into_iter().filter(|u| u.active).collect())
    }

    /// Every handling unit, inactive ones and mailboxes included: administrators only.
    pub fn all_units(&self, actor: &Actor) -> Result<Vec<Unit>, Error> {
        actor.check_admin()?;
        Ok(admin::units(&mut *self.conn()?)?)
    }

    /// Creates or updates a handling unit: administrators only.
    pub fn put_unit(&self, actor: &Actor, code: &str, input: &UnitInput) -> Result<Unit, Error> {
        actor.check_admin()?;
        self.audited(
            actor,
            Action::UnitPut,
            |conn| admin::put_unit(conn, code, input),
            |_| (code.to_owned(), json!(input)),
        )
    }

    /// Every category, inactive ones included: administrators only.
    pub fn all_categories(&self, actor: &Actor) -> Result<Vec<Category>, Error> {
        actor.check_admin()?;
        Ok(admin::all_categories(&mut *self.conn()?)?)
    }

    /// Creates or updates a category (its code: lower-case letters, digits, `_`):
    /// administrators only.
    pub fn put_category(
        &self,
        actor: &Actor,
        code: &str,
        input: &CategoryInput,
    ) -> Result<Category, Error> {
        actor.check_admin()?;
        if !hientruong_domain::report::is_code(code) {
            return Err(hientruong_domain::Error::InvalidDefinition.into());
        }
        self.audited(
            actor,
            Action::CategoryPut,
            |conn| admin::put_category(conn, code, input),
            |_| (code.to_owned(), json!(input)),
        )
    }

    /// Every routing rule, ended ones included: administrators only.
    pub fn routing_rules(&self, actor: &Actor) -> Result<Vec<Rule>, Error> {
        actor.check_admin()?;
        Ok(admin::rules(&mut *self.conn()?)?)
    }

    /// A new routing rule (a change is a new rule and the end of the old one): administrators
    /// only.
    pub fn add_routing_rule(&self, actor: &Actor, input: &RuleInput) -> Result<Rule, Error> {
        actor.check_admin()?;
        self.audited(
            actor,
            Action::RoutingRuleAdd,
            |conn| admin::add_rule(conn, input),
            |rule| (rule.id.to_string(), json!(input)),
        )
    }

    /// Ends a routing rule at `at`: administrators only.
    pub fn end_routing_rule(
        &self,
        actor: &Actor,
        id: i64,
        at: DateTime<Utc>,
    ) -> Result<Rule, Error> {
        actor.check_admin()?;
        self.audited(
            actor,
            Action::RoutingRuleEnd,
            |conn| admin::end_rule(conn, id, at),
            |_| (id.to_string(), json!({ "at": at })),
        )
    }
}
