//! What staff see of a ticket. The access policy decides which parts: the reporter's identity
//! only for IOC operators and administrators, never for the handling unit.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use hientruong_db::models::ReportEvent;
use hientruong_db::read::report::ReportView;
use hientruong_db::read::ticket::TicketDetail;
use hientruong_domain::open311::{Answer, Contact};
use hientruong_domain::policy::Actor;
use hientruong_domain::report::Status;
use hientruong_domain::ticket::{self, Action, Form};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::PublicReport;

#[derive(Serialize, ToSchema)]
pub struct Person {
    pub id: Uuid,
    pub full_name: String,
}

/// The reporter, for those who may know who it is.
#[derive(Serialize, ToSchema)]
pub struct Reporter {
    pub id: Uuid,
    pub full_name: String,
    /// Email address or phone number.
    pub login: String,
}

/// One ticket in a staff list.
#[derive(Serialize, ToSchema)]
pub struct TicketJson {
    #[serde(flatten)]
    pub report: PublicReport,
    /// `accept`, `resolve`, `paused` or `done`: which deadline is running.
    #[schema(value_type = String, pattern = "^(accept|resolve|paused|done)$")]
    pub stage: &'static str,
    /// Whether the deadline now running (the report's `due_at`) has passed.
    pub overdue: bool,
    pub accept_due_at: Option<DateTime<Utc>>,
    pub resolve_due_at: Option<DateTime<Utc>>,
    #[schema(value_type = hientruong_domain::sla::ClockKind)]
    pub sla_clock: String,
    /// 0 none, 1 warned (75 %), 2 escalated to the unit manager (100 %), 3 to the IOC (150 %).
    pub escalation_level: i16,
    pub hops: i32,
    pub assignee_id: Option<Uuid>,
    pub duplicate_of: Option<Uuid>,
    /// Whether an "after" photo shows where it was taken (its EXIF position, checked to be
    /// within 200 m of the report): `false` when every after photo lacks one (a photo forwarded
    /// through a chat app loses it), which managers are shown; `null` without after photos.
    pub after_photo_located: Option<bool>,
    /// IOC operators and administrators only (in a ticket's detail).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub reporter: Option<Reporter>,
}

pub fn ticket_json(view: ReportView, now: DateTime<Utc>) -> TicketJson {
    let r = &view.report;
    let stage = Status::parse(&r.status)
        .map(ticket::stage)
        .unwrap_or(ticket::Stage::Done);
    let after: Vec<_> = view
        .photos
        .iter()
        .filter(|p| p.kind == "resolution")
        .collect();
    let after_photo_located =
        (!after.is_empty()).then(|| after.iter().any(|p| p.exif_location.is_some()));
    TicketJson {
        after_photo_located,
        stage: stage.as_str(),
        overdue: r.due_at.is_some_and(|d| d < now),
        accept_due_at: r.accept_due_at,
        resolve_due_at: r.resolve_due_at,
        sla_clock: r.sla_clock.clone(),
        escalation_level: r.escalation_level,
        hops: r.hops,
        assignee_id: r.assignee_id,
        duplicate_of: r.duplicate_of,
        reporter: None,
        report: PublicReport::exact(view),
    }
}

#[derive(Serialize, ToSchema)]
pub struct EventJson {
    pub id: i64,
    pub kind: String,
    #[schema(value_type = Option<Status>)]
    pub from_status: Option<String>,
    #[schema(value_type = Option<Status>)]
    pub to_status: Option<String>,
    /// Who acted; the reporter shows only as `{"role": "resident"}` to the handling unit.
    pub actor: Option<EventActor>,
    pub unit: Option<String>,
    pub from_unit: Option<String>,
    /// Internal note, for staff only.
    pub note: Option<String>,
    /// What the reporter and the public see.
    pub public_answer: Option<String>,
    /// Whether this entry is on the public timeline.
    pub public: bool,
    pub duplicate_of: Option<Uuid>,
    pub assignee: Option<Person>,
    pub at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct EventActor {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub id: Option<Uuid>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub full_name: Option<String>,
    pub role: String,
}

#[derive(Serialize, ToSchema)]
pub struct RatingJson {
    pub score: i16,
    pub comment: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// One ticket in full, as `actor` may see it.
#[derive(Serialize, ToSchema)]
pub struct TicketDetailJson {
    #[serde(flatten)]
    pub ticket: TicketJson,
    pub assignee: Option<Person>,
    pub events: Vec<EventJson>,
    pub rating: Option<RatingJson>,
    /// The actions this caller may take now (for the web app's buttons).
    #[schema(value_type = Vec<Action>)]
    pub allowed_actions: Vec<&'static str>,
    /// The form of each allowed action: the fields it requires and those it takes besides.
    #[schema(value_type = BTreeMap<String, Form>)]
    pub action_forms: BTreeMap<&'static str, Form>,
    /// Answers to the category's extra questions, by question code (reports posted through
    /// Open311; see `GET /open311/v2/services/{code}.json`).
    pub answers: BTreeMap<String, Answer>,
    /// What the Open311 client application said about the reporter, for those who may know who
    /// reported (IOC operators and administrators).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// How the report came in: `app`, `web`, `open311` or `hotline`.
    #[schema(value_type = hientruong_domain::report::Channel)]
    pub channel: String,
    /// Who called the hotline about it (its name and phone), for those who may know who reported
    /// (IOC operators and administrators).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub caller: Option<hientruong_domain::report::Caller>,
}

pub fn ticket_detail_json(
    detail: TicketDetail,
    actor: &Actor,
    now: DateTime<Utc>,
) -> TicketDetailJson {
    let reporter_id = detail.view.report.reporter_id;
    let identity = actor.sees_reporter_identity();
    // The answers are for whoever handles the ticket; who reported, only for those who may know.
    let (answers, contact) = match detail.submission {
        Some(s) => (s.answers, Some(s.contact).filter(|_| identity)),
        None => (BTreeMap::new(), None),
    };
    let person = |id: Uuid| {
        detail.people.iter().find(|p| p.0 == id).map(|p| Person {
            id: p.0,
            full_name: p.1.clone(),
        })
    };
    let actor_of = |e: &ReportEvent| -> Option<EventActor> {
        let id = e.actor_id?;
        let p = detail.people.iter().find(|p| p.0 == id)?;
        if id == reporter_id && !identity {
            return Some(EventActor {
                id: None,
                full_name: None,
                role: p.3.clone(),
            });
        }
        Some(EventActor {
            id: Some(p.0),
            full_name: Some(p.1.clone()),
            role: p.3.clone(),
        })
    };
    let events = detail
        .events
        .iter()
        .map(|e| EventJson {
            id: e.id,
            kind: e.kind.clone(),
            from_status: e.from_status.clone(),
            to_status: e.to_status.clone(),
            actor: actor_of(e),
            unit: e.unit_code.clone(),
            from_unit: e.from_unit.clone(),
            note: e.note.clone(),
            public_answer: e.public_note.clone(),
            public: e.public,
            duplicate_of: e.related_id,
            assignee: e.assignee_id.and_then(person),
            at: e.at,
        })
        .collect();
    let status = Status::parse(&detail.view.report.status);
    let reference = detail.view.report.reference();
    let allowed: Vec<Action> = Action::ALL
        .iter()
        .copied()
        .filter(|a| {
            actor.check_action(*a, reference).is_ok()
                && status.is_some_and(|s| ticket::next_status(s, *a).is_ok())
        })
        .collect();
    let allowed_actions = allowed.iter().map(|a| a.as_str()).collect();
    let action_forms = allowed.iter().map(|a| (a.as_str(), a.form())).collect();
    let assignee = detail.view.report.assignee_id.and_then(person);
    let reporter = if identity {
        detail
            .people
            .iter()
            .find(|p| p.0 == reporter_id)
            .map(|p| Reporter {
                id: p.0,
                full_name: p.1.clone(),
                login: p.2.clone(),
            })
    } else {
        None
    };
    let mut ticket = ticket_json(detail.view, now);
    ticket.reporter = reporter;
    TicketDetailJson {
        ticket,
        assignee,
        events,
        rating: detail
            .rating
            .map(|(score, comment, created_at)| RatingJson {
                score,
                comment,
                created_at,
            }),
        allowed_actions,
        action_forms,
        answers,
        contact,
        channel: detail.channel,
        caller: detail
            .caller
            .filter(|_| identity)
            .map(|(name, phone)| hientruong_domain::report::Caller { name, phone }),
    }
}
