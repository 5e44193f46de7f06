//! The audit log: recording a staff action with its change, and administrators reading it.

use hientruong_db::PgConnection;
use hientruong_db::audit::{self, Entry, Filter};
use hientruong_domain::audit::Action;
use hientruong_domain::policy::Actor;
use serde_json::Value;

use crate::{App, Error};

impl App {
    /// The audit log, newest first: administrators only.
    pub fn audit_log(&self, actor: &Actor, filter: &Filter) -> Result<Vec<Entry>, Error> {
        actor.check_admin()?;
        Ok(audit::list(&mut *self.conn()?, filter)?)
    }

    /// Runs a staff action and records it in the audit log in one transaction: the change takes
    /// effect only with its record, and the record only with the change; a read that discloses
    /// personal data is answered only once its record is written. `subject` names what the
    /// result says was acted on, with the detail to keep.
    pub(crate) fn audited<T>(
        &self,
        actor: &Actor,
        action: Action,
        change: impl FnOnce(&mut PgConnection) -> Result<T, Error>,
        subject: impl FnOnce(&T) -> (String, Value),
    ) -> Result<T, Error> {
        hientruong_db::transaction(&mut *self.conn()?, |conn| {
            let done = change(conn)?;
            let (target, detail) = subject(&done);
            audit::record(conn, actor, action, &target, &detail)?;
            Ok(done)
        })
    }
}
