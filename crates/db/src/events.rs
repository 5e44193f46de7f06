//! The `ticket_events` channel: public ticket events, announced by a trigger when their
//! transaction commits. [`listen`] follows it on a connection of its own, so that every server
//! process behind a load balancer sees every event, whichever process wrote it.

use std::time::Duration;

use diesel::prelude::*;

use crate::Error;

pub const CHANNEL: &str = "ticket_events";

/// Follows the channel until `deliver` or `keep_going` returns false, or the connection fails:
/// calls `listening` once the subscription is in place, then `deliver` with each payload (JSON
/// text), polling every `poll`. Unsubscribes before returning normally, so that the connection
/// can serve other work. The caller reconnects on error.
pub fn listen(
    conn: &mut PgConnection,
    poll: Duration,
    listening: impl FnOnce(),
    keep_going: impl Fn() -> bool,
    mut deliver: impl FnMut(String) -> bool,
) -> Result<(), Error> {
    diesel::sql_query(format!("LISTEN {CHANNEL}")).execute(conn)?;
    listening();
    let mut idle = Duration::ZERO;
    'follow: while keep_going() {
        for notification in conn.notifications_iter() {
            if !deliver(notification?.payload) {
                break 'follow;
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
    diesel::sql_query("UNLISTEN *").execute(conn)?;
    // Drop what arrived meanwhile, so that no one else finds it on this connection.
    for _ in conn.notifications_iter() {}
    Ok(())
}
