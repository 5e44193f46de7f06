//! Whom a ticket's notices reach: each [`Recipient`] a plan names is resolved into addresses here
//! and its email enqueued in the outbox, in the transaction of the change (the worker sends it);
//! a report's followers are told by [`crate::notifications`].

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use hientruong_domain::role::Role;
use hientruong_domain::ticket::{Outgoing, Recipient};
use uuid::Uuid;

use crate::Error;
use crate::jobs::{self, EmailJob};
use crate::models::Report;
use crate::schema::{handling_units, users};

/// Enqueues every notice of a change to `report` made by `actor`, at `at`.
pub(crate) fn send(
    conn: &mut PgConnection,
    report: &Report,
    outgoing: &[Outgoing],
    actor: Option<Uuid>,
    at: DateTime<Utc>,
) -> Result<(), Error> {
    for Outgoing { to, notice } in outgoing {
        let emails = match to {
            Recipient::Followers => {
                crate::notifications::tell(conn, report, notice, actor, at)?;
                continue;
            }
            Recipient::Unit(unit) => vec![unit_address(conn, unit)?],
            Recipient::Managers(unit) => managers(conn, unit)?,
        };
        let jobs = emails
            .into_iter()
            .map(|(to, lang)| EmailJob::new(to, lang, notice.clone()).job(at))
            .collect::<Result<Vec<_>, Error>>()?;
        jobs::enqueue_all(conn, &jobs)?;
    }
    Ok(())
}

/// A unit's contact address (units are written to in Vietnamese).
fn unit_address(conn: &mut PgConnection, unit: &str) -> Result<(String, String), Error> {
    let email: String = handling_units::table
        .find(unit)
        .select(handling_units::email)
        .first(conn)?;
    Ok((email, "vi".into()))
}

/// The active managers of a unit who have an email login, in their language; the unit's address
/// when none has.
fn managers(conn: &mut PgConnection, unit: &str) -> Result<Vec<(String, String)>, Error> {
    let managers: Vec<(String, String)> = users::table
        .filter(users::unit_code.eq(unit))
        .filter(users::role.eq(Role::UnitManager.as_str()))
        .filter(users::login_kind.eq("email"))
        .filter(users::disabled_at.is_null())
        .select((users::login, users::locale))
        .load(conn)?;
    if managers.is_empty() {
        return Ok(vec![unit_address(conn, unit)?]);
    }
    Ok(managers)
}
