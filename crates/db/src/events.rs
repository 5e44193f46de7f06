//! The `ticket_events` channel: public ticket events, announced by a trigger when their
//! transaction commits. [`listen`] follows it on a connection of its own, so that every server
//! process behind a load balancer sees every event, whichever process wrote it.

use std::time::Duration;

use diesel::prelude::*;

use crate::Error;

pub const CHANNEL: &str = "ticket_events";

/// Follows the channel until `deliver` returns false or the connection fails: calls `deliver`
/// with each payload (JSON text), polling every `poll`. The caller reconnects on error.
pub fn listen(
    conn: &mut PgConnection,
    poll: Duration,
    mut deliver: impl FnMut(String) -> bool,
) -> Result<(), Error> {
    diesel::sql_query(format!("LISTEN {CHANNEL}")).execute(conn)?;
    let mut idle = Duration::ZERO;
    loop {
        for notification in conn.notifications_iter() {
            if !deliver(notification?.payload) {
                return Ok(());
            }
            idle = Duration::ZERO;
        }
        std::thread::sleep(poll);
        idle += poll;
        // A quiet channel and a dead connection look alike: ask the server now and then.
        if idle >= Duration::from_secs(30) {
            diesel::sql_query("SELECT 1").execute(conn)?;
            idle = Duration::ZERO;
        }
    }
}
