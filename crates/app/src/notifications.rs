//! Residents hear back: the notifications of the reports they follow (in the app, by push, by
//! email), their browsers' push subscriptions, and what they choose to receive.

use chrono::Utc;
use hientruong_db::alerts::{self, Alert};
use hientruong_db::notifications::{self, Notification};
use hientruong_domain::Error as Refusal;
use hientruong_domain::alert::NewAlert;
use hientruong_domain::pagination;
use hientruong_domain::policy::Actor;
use hientruong_domain::push::{self, Preferences};
use uuid::Uuid;

use crate::{App, Error};

/// A page of one's notifications and how many are unread.
pub struct NotificationPage {
    pub items: Vec<Notification>,
    pub unread: i64,
    /// The `before` of the next page; `None` on the last.
    pub next: Option<i64>,
}

impl App {
    /// The caller's notifications, newest first, those before the id `before` when given.
    pub fn notifications(
        &self,
        actor: &Actor,
        before: Option<i64>,
        limit: Option<i64>,
    ) -> Result<NotificationPage, Error> {
        let limit = pagination::page_limit(limit)?;
        if before.is_some_and(|b| b < 1) {
            return Err(Refusal::InvalidQuery.into());
        }
        let mut conn = self.conn()?;
        let mut items = notifications::page(&mut conn, actor.id, before, limit + 1)?;
        let next = if items.len() as i64 > limit {
            items.truncate(limit as usize);
            items.last().map(|n| n.id)
        } else {
            None
        };
        let unread = notifications::unread(&mut conn, actor.id)?;
        Ok(NotificationPage {
            items,
            unread,
            next,
        })
    }

    /// Marks the caller's notifications up to the id `up_to` read: the unread count after.
    pub fn read_notifications(&self, actor: &Actor, up_to: i64) -> Result<i64, Error> {
        if up_to < 0 {
            return Err(Refusal::InvalidQuery.into());
        }
        notifications::mark_read(&mut *self.conn()?, actor.id, up_to)
    }

    /// Stores the caller's browser's push subscription (`invalid_push_subscription` for one
    /// outside the configured push services or with keys of the wrong shape); whether it is new.
    pub fn subscribe_push(
        &self,
        actor: &Actor,
        endpoint: &str,
        p256dh: &str,
        auth: &str,
    ) -> Result<bool, Error> {
        push::check_subscription(&self.push_services, endpoint, p256dh, auth)?;
        let created =
            notifications::subscribe(&mut *self.conn()?, actor.id, endpoint, p256dh, auth)?;
        if created {
            tracing::info!(account = %actor.id, "push subscription added");
        }
        Ok(created)
    }

    /// Removes the caller's subscription at `endpoint` (nothing when there is none).
    pub fn unsubscribe_push(&self, actor: &Actor, endpoint: &str) -> Result<(), Error> {
        if notifications::unsubscribe(&mut *self.conn()?, actor.id, endpoint)? {
            tracing::info!(account = %actor.id, "push subscription removed");
        }
        Ok(())
    }

    pub fn preferences(&self, actor: &Actor) -> Result<Preferences, Error> {
        notifications::preferences(&mut *self.conn()?, actor.id)
    }

    pub fn set_preferences(&self, actor: &Actor, p: &Preferences) -> Result<Preferences, Error> {
        notifications::set_preferences(&mut *self.conn()?, actor.id, p, Utc::now())?;
        Ok(*p)
    }

    /// One click on an email's unsubscribe link: no more email about reports for its account
    /// (`not_found` for a token that is nobody's).
    pub fn unsubscribe_email(&self, token: Uuid) -> Result<(), Error> {
        let user = notifications::unsubscribe_email(&mut *self.conn()?, token, Utc::now())?
            .ok_or(Refusal::NotFound)?;
        tracing::info!(account = %user, "email about reports turned off by its link");
        Ok(())
    }
}

impl App {
    /// The caller's new area alert (`invalid_alert`, `too_many_alerts`).
    pub fn create_alert(&self, actor: &Actor, alert: &NewAlert) -> Result<Alert, Error> {
        let mut conn = self.conn()?;
        let alert = hientruong_db::transaction(&mut conn, |conn| {
            alerts::create(conn, actor.id, alert, Utc::now())
        })?;
        tracing::info!(account = %actor.id, alert = alert.id, "area alert added");
        Ok(alert)
    }

    pub fn alerts(&self, actor: &Actor) -> Result<Vec<Alert>, Error> {
        alerts::list(&mut *self.conn()?, actor.id)
    }

    /// Deletes the caller's alert (`not_found` for one that is not theirs).
    pub fn delete_alert(&self, actor: &Actor, id: i64) -> Result<(), Error> {
        if !alerts::delete(&mut *self.conn()?, actor.id, id)? {
            return Err(Refusal::NotFound.into());
        }
        Ok(())
    }
}
