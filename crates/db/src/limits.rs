//! Abuse limits kept in PostgreSQL (`rate_limits`), so that they hold across server processes: a
//! generic cell rate algorithm per budget key and quota (hientruong_domain::limits).

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use hientruong_domain::limits::{Budget, Limited, Quota};
use sha2::{Digest, Sha256};

use crate::Error;

/// Takes one use from every budget under every one of its quotas, or none at all: when one is
/// spent, nothing is taken from any and the answer is [`Error::Limited`] with that budget's
/// refusal and the seconds until it allows a use again. Runs in the caller's transaction when
/// there is one (as a savepoint), so that a use is only counted with what it was for.
pub fn take(conn: &mut PgConnection, budgets: &[Budget]) -> Result<(), Error> {
    if budgets.iter().all(|b| b.quotas.is_empty()) {
        return Ok(());
    }
    let mut denied = None;
    let taken = conn.transaction(|conn| {
        for budget in budgets {
            for &quota in &budget.quotas {
                let key = key(budget.limited, quota, &budget.subject);
                if let Some(wait) = take_one(conn, &key, quota)? {
                    // The uses taken under the other quotas are given back.
                    denied = Some((budget.limited, wait));
                    return Err(diesel::result::Error::RollbackTransaction);
                }
            }
        }
        Ok(())
    });
    match (taken, denied) {
        (Ok(()), _) => Ok(()),
        (Err(diesel::result::Error::RollbackTransaction), Some((limited, wait))) => {
            Err(Error::Limited {
                error: limited.refusal(),
                retry_after_secs: wait,
            })
        }
        (Err(error), _) => Err(error.into()),
    }
}

/// Whether [`take`] would take a use from every budget now, without taking it: the same
/// [`Error::Limited`] when it would not.
pub fn check(conn: &mut PgConnection, budgets: &[Budget]) -> Result<(), Error> {
    for budget in budgets {
        for &quota in &budget.quotas {
            if let Some(wait) = wait(conn, &key(budget.limited, quota, &budget.subject), quota)? {
                return Err(Error::Limited {
                    error: budget.limited.refusal(),
                    retry_after_secs: wait,
                });
            }
        }
    }
    Ok(())
}

/// Gives `subject`'s whole budget of `limited` back (a successful login clears the failures).
pub fn clear(conn: &mut PgConnection, budget: &Budget) -> QueryResult<()> {
    for &quota in &budget.quotas {
        diesel::sql_query("DELETE FROM rate_limits WHERE key = $1")
            .bind::<Text, _>(key(budget.limited, quota, &budget.subject))
            .execute(conn)?;
    }
    Ok(())
}

/// Deletes the budgets that are whole again (their time has passed); returns how many.
pub fn sweep(conn: &mut PgConnection) -> QueryResult<usize> {
    diesel::sql_query("DELETE FROM rate_limits WHERE tat < now()").execute(conn)
}

/// A budget's row: the limit, the quota and a digest of the subject, so that neither addresses
/// nor typed logins (which are sometimes passwords typed in the wrong field) are stored.
fn key(limited: Limited, quota: Quota, subject: &str) -> String {
    let digest = Sha256::digest(subject.as_bytes());
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("{}:{quota}:{hex}", limited.name())
}

/// One quota: the arrival time advances by one interval from now or from where it stands, and the
/// use is allowed when it stays within one period of now. Otherwise the seconds until it would be.
fn take_one(conn: &mut PgConnection, key: &str, quota: Quota) -> QueryResult<Option<u64>> {
    #[derive(QueryableByName)]
    struct Taken {
        #[diesel(sql_type = diesel::sql_types::Bool)]
        #[allow(dead_code)]
        taken: bool,
    }
    let taken: Option<Taken> = diesel::sql_query(
        "INSERT INTO rate_limits AS r (key, tat) \
         VALUES ($1, now() + make_interval(secs => $2 / 1e6)) \
         ON CONFLICT (key) DO UPDATE \
           SET tat = GREATEST(r.tat, now()) + make_interval(secs => $2 / 1e6) \
           WHERE GREATEST(r.tat, now()) + make_interval(secs => $2 / 1e6) \
                 <= now() + make_interval(secs => $3 / 1e6) \
         RETURNING true AS taken",
    )
    .bind::<Text, _>(key)
    .bind::<BigInt, _>(quota.interval_us())
    .bind::<BigInt, _>(quota.period_us())
    .get_result(conn)
    .optional()?;
    if taken.is_some() {
        return Ok(None);
    }
    // Refused: say how long until it would not be.
    Ok(Some(wait(conn, key, quota)?.unwrap_or(1)))
}

/// The seconds until a use of `quota` under `key` is allowed, `None` when it is now (the next
/// use's arrival time stays within one period of now).
fn wait(conn: &mut PgConnection, key: &str, quota: Quota) -> QueryResult<Option<u64>> {
    #[derive(QueryableByName)]
    struct Wait {
        #[diesel(sql_type = BigInt)]
        ms: i64,
    }
    let wait: Option<Wait> = diesel::sql_query(
        "SELECT ceil(extract(epoch FROM \
             GREATEST(tat, now()) + make_interval(secs => $2 / 1e6) \
             - make_interval(secs => $3 / 1e6) - now()) * 1000)::bigint AS ms \
         FROM rate_limits WHERE key = $1",
    )
    .bind::<Text, _>(key)
    .bind::<BigInt, _>(quota.interval_us())
    .bind::<BigInt, _>(quota.period_us())
    .get_result(conn)
    .optional()?;
    Ok(wait
        .filter(|w| w.ms > 0)
        .map(|w| u64::try_from(w.ms).unwrap_or(0).div_ceil(1000).max(1)))
}
