//! A unit's response templates: ready answers its officers start from.

use hientruong_db::admin::{self, Template};
use hientruong_domain::policy::Actor;
use uuid::Uuid;

use crate::{App, Error};

impl App {
    /// The templates of `unit`, for those who may read them.
    pub fn templates(&self, actor: &Actor, unit: &str) -> Result<Vec<Template>, Error> {
        actor.check_read_templates(unit)?;
        Ok(admin::templates(&mut *self.conn()?, unit)?)
    }

    /// A new template of `unit`, by its manager or an administrator.
    pub fn add_template(
        &self,
        actor: &Actor,
        unit: &str,
        title: &str,
        body: &str,
    ) -> Result<Template, Error> {
        actor.check_write_templates(unit)?;
        admin::add_template(&mut *self.conn()?, unit, title, body, actor.id)
    }

    /// Removes a template; one the caller may not change is, to them, one that does not exist.
    pub fn delete_template(&self, actor: &Actor, id: Uuid) -> Result<(), Error> {
        let mut conn = self.conn()?;
        let template = admin::template(&mut conn, id)?;
        actor
            .check_write_templates(&template.unit_code)
            .map_err(|_| hientruong_domain::Error::NotFound)?;
        admin::delete_template(&mut conn, id)?;
        Ok(())
    }
}
