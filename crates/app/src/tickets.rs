//! Staff's use cases on tickets: the inbox, one ticket, an action on it, an "after" photo.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use hientruong_db::models::StoredPhoto;
use hientruong_db::read::report::ReportView;
use hientruong_db::read::ticket::{self as read, TicketDetail, TicketFilter, TicketPage};
use hientruong_db::{photos, tickets};
use hientruong_domain::audit::Action;
use hientruong_domain::policy::Actor;
use hientruong_domain::ticket::{RESOLUTION_PHOTOS_PER_ROUND, Transition};
use uuid::Uuid;

use crate::{App, Error, Photo};

/// Tickets for a download.
pub struct Export {
    pub items: Vec<ReportView>,
    /// (full name, login) of each reporter, for those who may know who reported.
    pub reporters: HashMap<Uuid, (String, String)>,
}

impl App {
    /// A page of the caller's inbox (their unit's tickets, or the city's).
    pub fn tickets(
        &self,
        actor: &Actor,
        filter: &TicketFilter,
        now: DateTime<Utc>,
    ) -> Result<TicketPage, Error> {
        let scope = actor.ticket_scope()?;
        read::list(&mut *self.conn()?, &scope, filter, now)
    }

    /// The inbox for a download (one page of up to `filter.limit`), with who reported each
    /// ticket for those who may know.
    pub fn export_tickets(
        &self,
        actor: &Actor,
        filter: &TicketFilter,
        now: DateTime<Utc>,
    ) -> Result<Export, Error> {
        let scope = actor.ticket_scope()?;
        if !actor.sees_reporter_identity() {
            let page = read::list(&mut *self.conn()?, &scope, filter, now)?;
            return Ok(Export {
                items: page.items,
                reporters: HashMap::new(),
            });
        }
        // Reporters' names and logins leave only with a record of who took them.
        self.audited(
            actor,
            Action::TicketExportIdentity,
            |conn| {
                let page = read::list(conn, &scope, filter, now)?;
                let mut ids: Vec<Uuid> = page.items.iter().map(|v| v.report.reporter_id).collect();
                ids.sort_unstable();
                ids.dedup();
                let reporters = hientruong_db::users::identities(conn, &ids)?
                    .into_iter()
                    .map(|(id, name, login)| (id, (name, login)))
                    .collect();
                Ok(Export {
                    items: page.items,
                    reporters,
                })
            },
            |export| {
                let detail = serde_json::json!({
                    "tickets": export.items.len(),
                    "reporters": export.reporters.len(),
                    "filter": {
                        "statuses": filter.statuses,
                        "category": filter.category,
                        "commune": filter.commune,
                        "unit": filter.unit,
                        "overdue": filter.overdue,
                        "due_before": filter.due_before,
                        "assignee": filter.assignee,
                    },
                });
                ("*".to_owned(), detail)
            },
        )
    }

    /// One ticket, for staff who may see it (`not_found` otherwise).
    pub fn ticket(&self, actor: &Actor, id: Uuid) -> Result<TicketDetail, Error> {
        if !actor.sees_reporter_identity() {
            return read::get_for(&mut *self.conn()?, actor, id);
        }
        // The reporter's identity is shown only with a record of who saw it.
        self.audited(
            actor,
            Action::TicketViewIdentity,
            |conn| read::get_for(conn, actor, id),
            |_| (id.to_string(), serde_json::json!({})),
        )
    }

    /// A staff member's action on a ticket, answered with the ticket as it is now: after a
    /// transfer it is no longer the caller's, yet they see the result of what they did.
    pub fn transition(
        &self,
        actor: &Actor,
        id: Uuid,
        transition: &Transition,
        now: DateTime<Utc>,
    ) -> Result<TicketDetail, Error> {
        let mut conn = self.conn()?;
        tickets::transition(&mut conn, actor, id, transition, now)?;
        read::get(&mut conn, id)
    }

    /// Whether the caller may add an "after" photo to the ticket now: asked before an upload is
    /// read, and again when it is recorded.
    pub fn may_add_resolution_photo(&self, actor: &Actor, id: Uuid) -> Result<(), Error> {
        hientruong_db::transaction(&mut *self.conn()?, |conn| {
            tickets::check_resolution_photo(conn, actor, id, None).map(|_| ())
        })
    }

    /// Records an "after" photo whose files are stored: at most
    /// [`RESOLUTION_PHOTOS_PER_ROUND`] per round of handling, taken near the report when it has
    /// a position.
    pub fn add_resolution_photo(
        &self,
        actor: &Actor,
        id: Uuid,
        photo: &StoredPhoto,
    ) -> Result<Photo, Error> {
        let mut conn = self.conn()?;
        let added = hientruong_db::transaction(&mut conn, |conn| {
            let round = tickets::check_resolution_photo(conn, actor, id, photo.exif_gps)?;
            photos::add(
                conn,
                id,
                "resolution",
                actor.id,
                photo,
                RESOLUTION_PHOTOS_PER_ROUND,
                round,
            )
        })?;
        Photo::read(&mut conn, added)
    }
}
