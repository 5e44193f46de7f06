//! What residents are told about the reports they follow (their own and those they support): a
//! row in the app's list for each, and by push and email as each chose, through the outbox, in
//! the transaction of the change. Also their browsers' push subscriptions and their choices.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Bool, Jsonb, Nullable, Text, Timestamptz, Uuid as SqlUuid};
use hientruong_domain::notice::Notice;
use hientruong_domain::push::{ChannelChoice, Preferences};
use hientruong_domain::role::Role;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::Error;
use crate::jobs::{self, EmailJob, NewJob};
use crate::models::Report;

/// Deliver one notification to one browser (kind [`jobs::PUSH`]). Stale, and done, when either
/// is gone by then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushJob {
    pub subscription: i64,
    pub notification: i64,
}

/// Tells everyone who follows `report` of `notice`, except `actor` (who did it): in the app, by
/// push and by email as they chose. Followers are residents: a hotline report's reporter of
/// record is the IOC operator who took the call, who follows nothing (the caller is told the
/// tracking code on the phone). A report posted by an Open311 application (whose account never
/// logs in: it is disabled) is told to the address the application gave for its reporter, if
/// any (the application has no inbox).
pub(crate) fn tell(
    conn: &mut PgConnection,
    report: &Report,
    notice: &Notice,
    actor: Option<Uuid>,
    at: DateTime<Utc>,
) -> Result<(), Error> {
    #[derive(QueryableByName)]
    struct Follower {
        #[diesel(sql_type = SqlUuid)]
        id: Uuid,
        #[diesel(sql_type = Text)]
        role: String,
        #[diesel(sql_type = Text)]
        locale: String,
    }
    let followers: Vec<Follower> = diesel::sql_query(
        "SELECT u.id, u.role, u.locale FROM users u \
         WHERE u.id IS DISTINCT FROM $3 \
           AND ((u.role = 'resident' AND u.disabled_at IS NULL) \
                OR u.role = 'client') \
           AND (u.id = $1 OR u.id IN (SELECT user_id FROM report_supports WHERE report_id = $2)) \
         ORDER BY u.id",
    )
    .bind::<SqlUuid, _>(report.reporter_id)
    .bind::<SqlUuid, _>(report.id)
    .bind::<Nullable<SqlUuid>, _>(actor)
    .load(conn)?;
    for f in followers {
        if f.role == Role::Client.as_str() {
            let contact =
                crate::read::submission::get(conn, report.id)?.and_then(|s| s.contact.email);
            if let Some(to) = contact {
                let job = EmailJob {
                    report: Some(report.id),
                    ..EmailJob::new(to, f.locale, notice.clone())
                };
                jobs::enqueue_all(conn, &[job.job(at)?])?;
            }
            continue;
        }
        tell_one(conn, f.id, Some(report.id), notice, false, at)?;
    }
    Ok(())
}

/// Tells one account of `notice` (about `report`, if one): a notification in the app, and by
/// push and email as they chose for news of their reports, or for area alerts (`alert`).
pub(crate) fn tell_one(
    conn: &mut PgConnection,
    user: Uuid,
    report: Option<Uuid>,
    notice: &Notice,
    alert: bool,
    at: DateTime<Utc>,
) -> Result<(), Error> {
    #[derive(QueryableByName)]
    struct Reader {
        #[diesel(sql_type = Text)]
        login: String,
        #[diesel(sql_type = Text)]
        login_kind: String,
        #[diesel(sql_type = Text)]
        locale: String,
        #[diesel(sql_type = SqlUuid)]
        unsubscribe_token: Uuid,
        #[diesel(sql_type = Bool)]
        by_push: bool,
        #[diesel(sql_type = Bool)]
        by_email: bool,
        #[diesel(sql_type = Array<BigInt>)]
        subscriptions: Vec<i64>,
    }
    let reader: Option<Reader> = diesel::sql_query(
        "SELECT u.login, u.login_kind, u.locale, u.unsubscribe_token, \
                COALESCE(CASE WHEN $2 THEN p.push_alerts ELSE p.push_updates END, true) AS by_push, \
                COALESCE(CASE WHEN $2 THEN p.email_alerts ELSE p.email_updates END, true) AS by_email, \
                ARRAY(SELECT s.id FROM push_subscriptions s WHERE s.user_id = u.id ORDER BY s.id) AS subscriptions \
         FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id \
         WHERE u.id = $1 AND u.disabled_at IS NULL",
    )
    .bind::<SqlUuid, _>(user)
    .bind::<Bool, _>(alert)
    .get_result(conn)
    .optional()?;
    let Some(reader) = reader else {
        return Ok(());
    };
    let photo = match (notice, report) {
        (Notice::Resolved { .. }, Some(report)) => after_photo(conn, report)?,
        _ => None,
    };
    let (photo, thumb) = photo.unzip();
    let stored = serde_json::to_value(notice).map_err(|e| {
        tracing::error!(error = %e, "could not serialise a notice");
        hientruong_domain::Error::Internal
    })?;
    let id: i64 = diesel::sql_query(
        "INSERT INTO notifications (user_id, report_id, notice, photo_id, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind::<SqlUuid, _>(user)
    .bind::<Nullable<SqlUuid>, _>(report)
    .bind::<Jsonb, _>(&stored)
    .bind::<Nullable<SqlUuid>, _>(photo)
    .bind::<Timestamptz, _>(at)
    .get_result::<Id>(conn)?
    .id;
    let mut outgoing = Vec::new();
    if reader.by_email && reader.login_kind == "email" {
        let job = EmailJob {
            report,
            unsubscribe: Some(reader.unsubscribe_token),
            photo: thumb.as_ref().map(|key| format!("/media/{key}")),
            ..EmailJob::new(reader.login, reader.locale, notice.clone())
        };
        outgoing.push(job.job(at)?);
    }
    if reader.by_push {
        for subscription in reader.subscriptions {
            outgoing.push(NewJob::new(
                jobs::PUSH,
                &PushJob {
                    subscription,
                    notification: id,
                },
                at,
            )?);
        }
    }
    jobs::enqueue_all(conn, &outgoing)
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// The newest "after" photo of a report (a resolution's evidence, kind `resolution`) and its
/// thumbnail's key.
fn after_photo(conn: &mut PgConnection, report: Uuid) -> Result<Option<(Uuid, String)>, Error> {
    use crate::schema::photos;
    Ok(photos::table
        .filter(photos::report_id.eq(report))
        .filter(photos::kind.eq("resolution"))
        .order((photos::created_at.desc(), photos::id.desc()))
        .select((photos::id, photos::thumb_key))
        .first(conn)
        .optional()?)
}

/// One notification as its reader sees it.
#[derive(Debug, Clone, QueryableByName)]
pub struct Notification {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub report_id: Option<Uuid>,
    #[diesel(sql_type = Jsonb)]
    pub notice: serde_json::Value,
    /// The after photo's thumbnail variant, unless moderators hid the photo since.
    #[diesel(sql_type = Nullable<Text>)]
    pub thumb_key: Option<String>,
    #[diesel(sql_type = Timestamptz)]
    pub created_at: DateTime<Utc>,
    #[diesel(sql_type = Bool)]
    pub read: bool,
}

impl Notification {
    /// The notice it tells (`None` for one this version cannot read).
    pub fn notice(&self) -> Option<Notice> {
        serde_json::from_value(self.notice.clone()).ok()
    }
}

/// What a reader sees of a notification, and from where (`n`, its reader `u`).
const COLUMNS: &str = "n.id, n.report_id, n.notice, \
        (SELECT p.thumb_key FROM photos p WHERE p.id = n.photo_id \
           AND NOT EXISTS (SELECT 1 FROM moderation_hides h WHERE h.photo_id = p.id)) AS thumb_key, \
        n.created_at, n.id <= u.notifications_read_to AS read";
const FROM: &str = "FROM notifications n JOIN users u ON u.id = n.user_id";

/// A page of `user`'s notifications, newest first, those before `before` (an id) when given.
pub fn page(
    conn: &mut PgConnection,
    user: Uuid,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Notification>, Error> {
    Ok(diesel::sql_query(format!(
        "SELECT {COLUMNS} {FROM} WHERE n.user_id = $1 AND n.id < $2 ORDER BY n.id DESC LIMIT $3"
    ))
    .bind::<SqlUuid, _>(user)
    .bind::<BigInt, _>(before.unwrap_or(i64::MAX))
    .bind::<BigInt, _>(limit)
    .load(conn)?)
}

/// A notification on its way to a browser: whose it is, in their language, and whether its
/// report is urgent.
#[derive(QueryableByName)]
pub struct Delivery {
    #[diesel(embed)]
    pub notification: Notification,
    #[diesel(sql_type = SqlUuid)]
    pub user_id: Uuid,
    #[diesel(sql_type = Text)]
    pub locale: String,
    #[diesel(sql_type = Bool)]
    pub urgent: bool,
}

/// One notification by id, for a push (one query).
pub fn for_delivery(conn: &mut PgConnection, id: i64) -> Result<Option<Delivery>, Error> {
    Ok(diesel::sql_query(format!(
        "SELECT {COLUMNS}, u.id AS user_id, u.locale, COALESCE(r.urgent, false) AS urgent \
         {FROM} LEFT JOIN reports r ON r.id = n.report_id WHERE n.id = $1"
    ))
    .bind::<BigInt, _>(id)
    .get_result(conn)
    .optional()?)
}

/// How many of `user`'s notifications are unread.
pub fn unread(conn: &mut PgConnection, user: Uuid) -> Result<i64, Error> {
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    Ok(diesel::sql_query(
        "SELECT count(*) AS n FROM notifications n JOIN users u ON u.id = n.user_id \
         WHERE n.user_id = $1 AND n.id > u.notifications_read_to",
    )
    .bind::<SqlUuid, _>(user)
    .get_result::<Count>(conn)?
    .n)
}

/// Marks `user`'s notifications up to `up_to` (an id) read; reading never goes back, and never
/// past the newest notification there is. The unread count after.
pub fn mark_read(conn: &mut PgConnection, user: Uuid, up_to: i64) -> Result<i64, Error> {
    diesel::sql_query(
        "UPDATE users SET notifications_read_to = GREATEST(notifications_read_to, \
             LEAST($2, (SELECT COALESCE(max(id), 0) FROM notifications WHERE user_id = $1))) \
         WHERE id = $1",
    )
    .bind::<SqlUuid, _>(user)
    .bind::<BigInt, _>(up_to)
    .execute(conn)?;
    unread(conn, user)
}

/// A browser's push subscription.
#[derive(Debug, Clone, QueryableByName)]
pub struct Subscription {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = SqlUuid)]
    pub user_id: Uuid,
    #[diesel(sql_type = Text)]
    pub endpoint: String,
    #[diesel(sql_type = Text)]
    pub p256dh: String,
    #[diesel(sql_type = Text)]
    pub auth: String,
}

/// Stores a browser's subscription for `user` (whose it was before: the same browser signed in
/// as someone else since); whether it is new.
pub fn subscribe(
    conn: &mut PgConnection,
    user: Uuid,
    endpoint: &str,
    p256dh: &str,
    auth: &str,
) -> Result<bool, Error> {
    #[derive(QueryableByName)]
    struct Created {
        #[diesel(sql_type = Bool)]
        created: bool,
    }
    Ok(diesel::sql_query(
        "INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (endpoint) DO UPDATE SET user_id = EXCLUDED.user_id, p256dh = EXCLUDED.p256dh, \
             auth = EXCLUDED.auth \
         RETURNING (xmax = 0) AS created",
    )
    .bind::<SqlUuid, _>(user)
    .bind::<Text, _>(endpoint)
    .bind::<Text, _>(p256dh)
    .bind::<Text, _>(auth)
    .get_result::<Created>(conn)?
    .created)
}

/// Removes `user`'s subscription at `endpoint`; whether there was one.
pub fn unsubscribe(conn: &mut PgConnection, user: Uuid, endpoint: &str) -> Result<bool, Error> {
    Ok(
        diesel::sql_query("DELETE FROM push_subscriptions WHERE user_id = $1 AND endpoint = $2")
            .bind::<SqlUuid, _>(user)
            .bind::<Text, _>(endpoint)
            .execute(conn)?
            > 0,
    )
}

/// A subscription by id.
pub fn subscription(conn: &mut PgConnection, id: i64) -> Result<Option<Subscription>, Error> {
    Ok(diesel::sql_query(
        "SELECT id, user_id, endpoint, p256dh, auth FROM push_subscriptions WHERE id = $1",
    )
    .bind::<BigInt, _>(id)
    .get_result(conn)
    .optional()?)
}

/// Forgets a subscription its push service says is gone.
pub fn forget(conn: &mut PgConnection, id: i64) -> Result<(), Error> {
    diesel::sql_query("DELETE FROM push_subscriptions WHERE id = $1")
        .bind::<BigInt, _>(id)
        .execute(conn)?;
    Ok(())
}

#[derive(QueryableByName)]
struct Stored {
    #[diesel(sql_type = Bool)]
    push_updates: bool,
    #[diesel(sql_type = Bool)]
    push_alerts: bool,
    #[diesel(sql_type = Bool)]
    email_updates: bool,
    #[diesel(sql_type = Bool)]
    email_alerts: bool,
}

impl From<Stored> for Preferences {
    fn from(s: Stored) -> Preferences {
        Preferences {
            push: ChannelChoice {
                updates: s.push_updates,
                alerts: s.push_alerts,
            },
            email: ChannelChoice {
                updates: s.email_updates,
                alerts: s.email_alerts,
            },
        }
    }
}

/// What `user` receives by which channel (everything until they choose).
pub fn preferences(conn: &mut PgConnection, user: Uuid) -> Result<Preferences, Error> {
    let stored: Option<Stored> = diesel::sql_query(
        "SELECT push_updates, push_alerts, email_updates, email_alerts \
         FROM notification_preferences WHERE user_id = $1",
    )
    .bind::<SqlUuid, _>(user)
    .get_result(conn)
    .optional()?;
    Ok(stored.map(Preferences::from).unwrap_or_default())
}

/// Stores `user`'s choice.
pub fn set_preferences(
    conn: &mut PgConnection,
    user: Uuid,
    p: &Preferences,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    diesel::sql_query(
        "INSERT INTO notification_preferences \
             (user_id, push_updates, push_alerts, email_updates, email_alerts, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (user_id) DO UPDATE SET push_updates = EXCLUDED.push_updates, \
             push_alerts = EXCLUDED.push_alerts, email_updates = EXCLUDED.email_updates, \
             email_alerts = EXCLUDED.email_alerts, updated_at = EXCLUDED.updated_at",
    )
    .bind::<SqlUuid, _>(user)
    .bind::<Bool, _>(p.push.updates)
    .bind::<Bool, _>(p.push.alerts)
    .bind::<Bool, _>(p.email.updates)
    .bind::<Bool, _>(p.email.alerts)
    .bind::<Timestamptz, _>(now)
    .execute(conn)?;
    Ok(())
}

/// Turns off every email about reports for the account whose unsubscribe link carries `token`
/// (one click, RFC 8058); whose it was, if anyone's. Messages about the account itself (codes)
/// are not affected.
pub fn unsubscribe_email(
    conn: &mut PgConnection,
    token: Uuid,
    now: DateTime<Utc>,
) -> Result<Option<Uuid>, Error> {
    use crate::schema::users;
    let Some(user) = users::table
        .filter(users::unsubscribe_token.eq(token))
        .select(users::id)
        .first::<Uuid>(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let mut p = preferences(conn, user)?;
    p.email = ChannelChoice {
        updates: false,
        alerts: false,
    };
    set_preferences(conn, user, &p, now)?;
    Ok(Some(user))
}

/// Forgets what an erased account was told and where it received it.
pub(crate) fn erase(conn: &mut PgConnection, user: Uuid) -> Result<(), Error> {
    for table in [
        "notifications",
        "push_subscriptions",
        "notification_preferences",
        "alerts",
    ] {
        diesel::sql_query(format!("DELETE FROM {table} WHERE user_id = $1"))
            .bind::<SqlUuid, _>(user)
            .execute(conn)?;
    }
    Ok(())
}
