//! Area alerts: each new report is matched against the alerts in the transaction that stores it
//! ([`match_report`]); what matched waits in `alert_pending` until the alert's digest job
//! ([`digest`]) tells it, once (`alert_sent`), to the alert's owner in the app, by push and by
//! email as they chose.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{
    Array, BigInt, Bool, Double, Integer, Nullable, Text, Timestamptz, Uuid as SqlUuid,
};
use hientruong_domain::Error as Refusal;
use hientruong_domain::alert::{Area, Digest, MAX_ALERTS, NewAlert};
use hientruong_domain::notice::{AlertItem, Notice};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::Error;
use crate::jobs::{self, NewJob};

/// Tell an alert's pending reports (kind [`jobs::ALERT_DIGEST`]); stale when the alert's digest
/// was rescheduled since (an urgent report brought it forward).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DigestJob {
    pub alert: i64,
    pub due_at: DateTime<Utc>,
}

/// An alert as its owner sees it.
#[derive(Debug, Clone, QueryableByName)]
pub struct Alert {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Nullable<Text>)]
    pub commune_code: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub commune_name: Option<String>,
    #[diesel(sql_type = Nullable<Double>)]
    pub lat: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    pub lon: Option<f64>,
    #[diesel(sql_type = Nullable<Integer>)]
    pub radius_m: Option<i32>,
    #[diesel(sql_type = Array<Text>)]
    pub categories: Vec<String>,
    #[diesel(sql_type = Integer)]
    pub period_minutes: i32,
    #[diesel(sql_type = Timestamptz)]
    pub created_at: DateTime<Utc>,
}

impl Alert {
    pub fn digest(&self) -> Digest {
        Digest::from_minutes(self.period_minutes)
    }
}

const SELECT: &str = "SELECT a.id, a.commune_code, \
        (SELECT u.name FROM admin_units u WHERE u.code = a.commune_code AND u.valid_to IS NULL) AS commune_name, \
        ST_Y(a.center) AS lat, ST_X(a.center) AS lon, a.radius_m, a.categories, a.period_minutes, a.created_at \
     FROM alerts a";

/// Stores `user`'s new alert: a commune that exists today, categories that exist
/// (`invalid_alert`), at most [`MAX_ALERTS`] of them (`too_many_alerts`).
pub fn create(
    conn: &mut PgConnection,
    user: Uuid,
    alert: &NewAlert,
    now: DateTime<Utc>,
) -> Result<Alert, Error> {
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    #[derive(QueryableByName)]
    struct Known {
        #[diesel(sql_type = Bool)]
        ok: bool,
    }
    // The account's row first, locked: two alerts made at once are counted one after the other.
    diesel::sql_query("SELECT 1 FROM users WHERE id = $1 FOR UPDATE")
        .bind::<SqlUuid, _>(user)
        .execute(conn)?;
    let count: Count = diesel::sql_query("SELECT count(*) AS n FROM alerts WHERE user_id = $1")
        .bind::<SqlUuid, _>(user)
        .get_result(conn)?;
    if count.n >= MAX_ALERTS {
        return Err(Refusal::TooManyAlerts.into());
    }
    let commune = match &alert.area {
        Area::Commune(code) => Some(code.as_str()),
        Area::Circle { .. } => None,
    };
    let known: Known = diesel::sql_query(
        "SELECT ($1::text IS NULL OR EXISTS (SELECT 1 FROM admin_units WHERE code = $1 \
                 AND level <> 'province' AND valid_to IS NULL)) \
            AND (SELECT count(*) FROM categories WHERE code = ANY($2)) = cardinality($2) AS ok",
    )
    .bind::<Nullable<Text>, _>(commune)
    .bind::<Array<Text>, _>(&alert.categories)
    .get_result(conn)?;
    if !known.ok {
        return Err(Refusal::InvalidAlert.into());
    }
    let (lat, lon, radius_m) = match &alert.area {
        Area::Circle { center, radius_m } => {
            (Some(center.lat()), Some(center.lon()), Some(*radius_m))
        }
        Area::Commune(_) => (None, None, None),
    };
    #[derive(QueryableByName)]
    struct Id {
        #[diesel(sql_type = BigInt)]
        id: i64,
    }
    let id: Id = diesel::sql_query(
        "INSERT INTO alerts (user_id, commune_code, center, radius_m, categories, period_minutes, created_at) \
         VALUES ($1, $2, CASE WHEN $3::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($4, $3), 4326) END, \
                 $5, $6, $7, $8) RETURNING id",
    )
    .bind::<SqlUuid, _>(user)
    .bind::<Nullable<Text>, _>(commune)
    .bind::<Nullable<Double>, _>(lat)
    .bind::<Nullable<Double>, _>(lon)
    .bind::<Nullable<Integer>, _>(radius_m)
    .bind::<Array<Text>, _>(&alert.categories)
    .bind::<Integer, _>(alert.digest.minutes())
    .bind::<Timestamptz, _>(now)
    .get_result(conn)?;
    Ok(diesel::sql_query(format!("{SELECT} WHERE a.id = $1"))
        .bind::<BigInt, _>(id.id)
        .get_result(conn)?)
}

/// `user`'s alerts, oldest first.
pub fn list(conn: &mut PgConnection, user: Uuid) -> Result<Vec<Alert>, Error> {
    Ok(
        diesel::sql_query(format!("{SELECT} WHERE a.user_id = $1 ORDER BY a.id"))
            .bind::<SqlUuid, _>(user)
            .load(conn)?,
    )
}

/// Deletes `user`'s alert `id` (with what it had pending); whether there was one.
pub fn delete(conn: &mut PgConnection, user: Uuid, id: i64) -> Result<bool, Error> {
    Ok(
        diesel::sql_query("DELETE FROM alerts WHERE id = $1 AND user_id = $2")
            .bind::<BigInt, _>(id)
            .bind::<SqlUuid, _>(user)
            .execute(conn)?
            > 0,
    )
}

/// Matches a report just stored against every alert (in its transaction): the report waits for
/// each matching alert's digest, which is scheduled a period from now when none is (at once for
/// an urgent category). Never the alert owner's own report; by its public position (what
/// anyone may see of where it is).
pub(crate) fn match_report(
    conn: &mut PgConnection,
    report: Uuid,
    at: DateTime<Utc>,
) -> Result<(), Error> {
    #[derive(QueryableByName)]
    struct Due {
        #[diesel(sql_type = BigInt)]
        id: i64,
        #[diesel(sql_type = Timestamptz)]
        digest_due_at: DateTime<Utc>,
    }
    let due: Vec<Due> = diesel::sql_query(
        "WITH r AS (SELECT id, reporter_id, category_code, commune_code, public_location, urgent \
                    FROM reports WHERE id = $1), \
         hit AS (SELECT a.id, r.urgent FROM alerts a, r \
                 WHERE a.user_id <> r.reporter_id \
                   AND (a.commune_code = r.commune_code \
                        OR (a.center IS NOT NULL AND ST_DWithin(a.center::geography, \
                                                  r.public_location::geography, a.radius_m))) \
                   AND (cardinality(a.categories) = 0 OR r.category_code = ANY (a.categories))), \
         pending AS (INSERT INTO alert_pending (alert_id, report_id) SELECT id, $1 FROM hit \
                     ON CONFLICT DO NOTHING RETURNING alert_id) \
         UPDATE alerts a SET digest_due_at = CASE WHEN hit.urgent THEN $2 \
                 ELSE COALESCE(a.digest_due_at, $2 + make_interval(mins => a.period_minutes)) END \
         FROM hit WHERE a.id = hit.id \
           AND (a.digest_due_at IS NULL OR (hit.urgent AND a.digest_due_at > $2)) \
         RETURNING a.id, a.digest_due_at",
    )
    .bind::<SqlUuid, _>(report)
    .bind::<Timestamptz, _>(at)
    .load(conn)?;
    let jobs = due
        .into_iter()
        .map(|d| {
            NewJob::new(
                jobs::ALERT_DIGEST,
                &DigestJob {
                    alert: d.id,
                    due_at: d.digest_due_at,
                },
                d.digest_due_at,
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    jobs::enqueue_all(conn, &jobs)
}

/// Runs an alert's digest due at `job.due_at`: its pending reports not told before are told to
/// its owner, once, in one notification (in the app; by push and email as they chose), in the
/// job's transaction, so that a digest retried after a crash tells nothing twice. Nothing when
/// the alert is gone or its digest was rescheduled.
pub fn digest(
    conn: &mut PgConnection,
    job: &DigestJob,
    now: DateTime<Utc>,
) -> Result<usize, Error> {
    #[derive(QueryableByName)]
    struct Owner {
        #[diesel(sql_type = SqlUuid)]
        user_id: Uuid,
        #[diesel(sql_type = Nullable<Timestamptz>)]
        digest_due_at: Option<DateTime<Utc>>,
    }
    let owner: Option<Owner> =
        diesel::sql_query("SELECT user_id, digest_due_at FROM alerts WHERE id = $1 FOR UPDATE")
            .bind::<BigInt, _>(job.alert)
            .get_result(conn)
            .optional()?;
    let Some(owner) = owner else {
        return Ok(0);
    };
    if owner.digest_due_at != Some(job.due_at) {
        return Ok(0);
    }
    #[derive(QueryableByName)]
    struct Item {
        #[diesel(sql_type = SqlUuid)]
        id: Uuid,
        #[diesel(sql_type = BigInt)]
        number: i64,
        #[diesel(sql_type = Text)]
        category_vi: String,
        #[diesel(sql_type = Text)]
        category_en: String,
        #[diesel(sql_type = Text)]
        commune_vi: String,
    }
    let items: Vec<Item> = diesel::sql_query(
        "WITH moved AS (DELETE FROM alert_pending WHERE alert_id = $1 RETURNING report_id), \
         sent AS (INSERT INTO alert_sent (alert_id, report_id, sent_at) \
                  SELECT $1, report_id, $2 FROM moved ON CONFLICT DO NOTHING RETURNING report_id) \
         SELECT r.id, r.number, c.name_vi AS category_vi, c.name_en AS category_en, \
                COALESCE(u.name, '') AS commune_vi \
         FROM sent JOIN reports r ON r.id = sent.report_id \
         JOIN categories c ON c.code = r.category_code \
         LEFT JOIN admin_units u ON u.code = r.commune_code AND u.valid_to IS NULL \
         ORDER BY r.created_at, r.id",
    )
    .bind::<BigInt, _>(job.alert)
    .bind::<Timestamptz, _>(now)
    .load(conn)?;
    diesel::sql_query("UPDATE alerts SET digest_due_at = NULL WHERE id = $1")
        .bind::<BigInt, _>(job.alert)
        .execute(conn)?;
    if items.is_empty() {
        return Ok(0);
    }
    let told = items.len();
    let notice = Notice::AlertDigest {
        reports: items
            .into_iter()
            .map(|i| AlertItem {
                id: i.id,
                tracking_code: hientruong_domain::tracking::encode(
                    u64::try_from(i.number).unwrap_or_default(),
                ),
                category_vi: i.category_vi,
                category_en: i.category_en,
                commune_vi: i.commune_vi,
            })
            .collect(),
    };
    crate::notifications::tell_one(conn, owner.user_id, None, &notice, true, now)?;
    Ok(told)
}
