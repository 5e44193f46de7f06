//! Every effect of a change to a ticket, as data. [`plan`] (a staff member's action),
//! [`plan_rating`] (the reporter's rating), [`plan_escalation`] (a deadline check coming due) and
//! [`plan_opening`] (a report just received) decide, from the ticket as it stands and the facts
//! they need, what the ticket becomes, the event its history records, whether that event is
//! public, whom to tell what, and which escalation check to schedule next. The storage layer
//! gathers the facts ([`Lookups`], [`Labels`]), applies the [`Change`] in one transaction, and
//! decides nothing.

use chrono::{DateTime, SubsecRound, Utc};
use uuid::Uuid;

use super::{Action, Allowance, Deadlines, Transition, schedule, schedule_rating};
use crate::Error;
use crate::notice::Notice;
use crate::policy::{Actor, TicketRef};
use crate::report::Status;
use crate::routing::IOC_UNIT_CODE;
use crate::sla::Calendar;

/// A ticket as a change finds it (and as the change leaves it, in [`Change::ticket`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Ticket {
    pub id: Uuid,
    /// What the hotline code encodes.
    pub tracking_code: String,
    pub status: Status,
    /// The handling unit.
    pub unit: String,
    pub reporter: Uuid,
    pub urgent: bool,
    pub description: String,
    pub hops: i32,
    pub assignee: Option<Uuid>,
    pub duplicate_of: Option<Uuid>,
    pub public_answer: Option<String>,
    pub deadlines: Deadlines,
    /// The deadline running as stored: an escalation check applies only to the deadline it was
    /// scheduled for.
    pub due_at: Option<DateTime<Utc>>,
    /// 0 none, 1 warned, 2 escalated to the unit's manager, 3 to the IOC.
    pub escalation_level: i16,
}

impl Ticket {
    /// The facts about this ticket that access depends on.
    pub fn reference(&self) -> TicketRef<'_> {
        TicketRef {
            unit: &self.unit,
            reporter: self.reporter,
        }
    }
}

/// The names a notice about a ticket shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Labels {
    pub category_vi: String,
    pub category_en: String,
    pub commune_vi: String,
    /// The handling unit's name.
    pub unit_vi: String,
}

/// What the clock of a change needs: the working-time calendar, the allowance a fresh start of
/// the ticket's category and urgency gets, and the time of the change.
#[derive(Debug, Clone, Copy)]
pub struct Clock<'a> {
    pub calendar: &'a Calendar,
    pub fresh: Allowance,
    pub now: DateTime<Utc>,
}

/// The facts of the world a transition depends on, gathered before it is planned: what
/// [`Transition::needs`] asks for, and nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Lookups {
    /// `transfer`: whether the target unit exists (`Some`) and is active (`Some(true)`).
    pub target_unit_active: Option<bool>,
    /// `mark_duplicate`: the proposed original, if it exists.
    pub original: Option<Original>,
    /// `assign`: whether the assignee is an active officer or manager of the ticket's unit.
    pub assignee_eligible: bool,
    /// `resolve`: whether an "after" photo was added since the ticket was last reopened.
    pub resolution_photo: bool,
}

/// What a duplicate's proposed original is, against the ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Original {
    pub status: Status,
    /// What it is itself a duplicate of.
    pub duplicate_of: Option<Uuid>,
    /// Of the ticket's category.
    pub same_category: bool,
    /// Within [`super::DUPLICATE_RADIUS_M`] of the ticket.
    pub nearby: bool,
}

impl Original {
    /// Whether a ticket may be closed as a duplicate of it: the same problem (the same
    /// category, nearby) that is open or resolved, and not itself a duplicate. Anything else
    /// would close a ticket without the manager's say (a rejection is theirs).
    pub fn fits(&self) -> bool {
        let open_or_resolved =
            super::stage(self.status) != super::Stage::Done || self.status == Status::Resolved;
        self.duplicate_of.is_none() && self.same_category && self.nearby && open_or_resolved
    }
}

/// What a transition needs to know of the world before it can be planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Needs<'a> {
    pub target_unit: Option<&'a str>,
    pub original: Option<Uuid>,
    pub assignee: Option<Uuid>,
    pub resolution_photo: bool,
    /// Whether a notice of the change shows the ticket's [`Labels`] (a transfer's, to the new
    /// unit); otherwise they need not be read.
    pub labels: bool,
}

impl Transition {
    /// The facts [`plan`] will ask of [`Lookups`] for this transition.
    pub fn needs(&self) -> Needs<'_> {
        Needs {
            target_unit: self.to_unit.as_deref(),
            original: self.duplicate_of,
            assignee: self.assignee,
            resolution_photo: self.action == Action::Resolve,
            labels: self.action == Action::Transfer,
        }
    }
}

/// The entry a change adds to the ticket's history.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub kind: &'static str,
    pub from_status: Option<Status>,
    pub to_status: Option<Status>,
    pub actor: Option<Uuid>,
    pub unit: Option<String>,
    /// A transfer's unit of origin.
    pub from_unit: Option<String>,
    /// Internal: staff only.
    pub note: Option<String>,
    /// What the reporter and the public see.
    pub public_note: Option<String>,
    /// Whether the entry is on the public timeline (and the live stream).
    pub public: bool,
    /// The original, for a duplicate.
    pub related: Option<Uuid>,
    pub assignee: Option<Uuid>,
    pub at: DateTime<Utc>,
    /// The deadline that was running when it happened.
    pub due_at: Option<DateTime<Utc>>,
}

impl Event {
    fn internal(kind: &'static str, unit: &str, at: DateTime<Utc>) -> Event {
        Event {
            kind,
            from_status: None,
            to_status: None,
            actor: None,
            unit: Some(unit.to_owned()),
            from_unit: None,
            note: None,
            public_note: None,
            public: false,
            related: None,
            assignee: None,
            at,
            due_at: None,
        }
    }
}

/// Whom a notice is for, to be resolved into addresses by whoever sends it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recipient {
    /// Everyone who follows the report: its reporter and its supporters, but not whoever made
    /// the change; each in the app, and by push and email as they chose (the reporter of an
    /// Open311 application at the address it gave).
    Followers,
    /// A unit's contact address.
    Unit(String),
    /// A unit's active managers who have an email login; the unit's address when none has.
    Managers(String),
}

/// A notice and whom it is for.
#[derive(Debug, Clone, PartialEq)]
pub struct Outgoing {
    pub to: Recipient,
    pub notice: Notice,
}

/// An escalation check to schedule: at `at`, raise the ticket to `level` if `due_at` is still
/// the deadline it works against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check {
    pub level: i16,
    pub at: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
}

/// Everything a change does.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The ticket as the change leaves it.
    pub ticket: Ticket,
    pub event: Event,
    /// A step of handling, as opposed to an internal alarm: it moves the ticket's `updated_at`
    /// and its statistics facts are computed again.
    pub handled: bool,
    /// The next escalation check to schedule (checks scheduled for a deadline that is gone
    /// lapse by themselves).
    pub check: Option<Check>,
    pub notices: Vec<Outgoing>,
}

/// The next escalation check of the deadline running in `status`, above `level`: checks form a
/// chain, each one scheduling the next, so a ticket has at most one pending check per deadline.
pub fn next_check(
    status: Status,
    deadlines: &Deadlines,
    calendar: &Calendar,
    level: i16,
) -> Option<Check> {
    let due_at = deadlines.running(status)?;
    deadlines
        .escalations(status, calendar)
        .into_iter()
        .find(|(l, _)| *l > level)
        .map(|(level, at)| Check { level, at, due_at })
}

/// The ticket after a new schedule, with the escalation ladder restarted or kept, and the check
/// to schedule when the running deadline moved.
fn rescheduled(
    ticket: &Ticket,
    schedule: &super::Schedule,
    calendar: &Calendar,
) -> (Ticket, Option<Check>) {
    let mut next = ticket.clone();
    next.status = schedule.to;
    next.deadlines = schedule.deadlines;
    next.due_at = schedule.deadlines.running(schedule.to);
    if schedule.restart_ladder {
        next.escalation_level = 0;
    }
    let check = if schedule.deadline_changed {
        next_check(
            next.status,
            &next.deadlines,
            calendar,
            next.escalation_level,
        )
    } else {
        None
    };
    (next, check)
}

fn to_followers(notice: Notice) -> Outgoing {
    Outgoing {
        to: Recipient::Followers,
        notice,
    }
}

/// What a unit is told of a ticket arriving (received, or transferred to it).
fn new_ticket(ticket: &Ticket, labels: &Labels, transferred: bool) -> Outgoing {
    Outgoing {
        to: Recipient::Unit(ticket.unit.clone()),
        notice: Notice::NewTicket {
            tracking_code: ticket.tracking_code.clone(),
            category_vi: labels.category_vi.clone(),
            category_en: labels.category_en.clone(),
            commune_vi: labels.commune_vi.clone(),
            description: ticket.description.clone(),
            due_at: Some(ticket.deadlines.accept_due),
            urgent: ticket.urgent,
            transferred,
        },
    }
}

/// A staff member's transition of a ticket. Refuses, in this order: what the actor may not do
/// (`not_found`/`forbidden`), what the state does not allow, then what the facts say (an unknown
/// or the same unit, an unfit original or assignee, a resolution without an "after" photo).
pub fn plan(
    ticket: &Ticket,
    actor: &Actor,
    t: &Transition,
    facts: &Lookups,
    labels: &Labels,
    clock: Clock<'_>,
) -> Result<Change, Error> {
    actor.check_action(t.action, ticket.reference())?;
    let from = ticket.status;
    let schedule = schedule(
        from,
        t.action,
        ticket.deadlines,
        clock.fresh,
        clock.calendar,
        clock.now,
    )?;
    let (mut next, check) = rescheduled(ticket, &schedule, clock.calendar);
    match t.action {
        Action::Transfer => {
            let to = t.to_unit.as_deref().unwrap_or_default();
            match facts.target_unit_active {
                Some(true) if to == ticket.unit => return Err(Error::SameUnit),
                Some(true) => {}
                _ => return Err(Error::UnknownUnit),
            }
            next.unit = to.to_owned();
            next.hops += 1;
            next.assignee = None;
        }
        Action::MarkDuplicate => {
            let original = t.duplicate_of.unwrap_or_default();
            let fit = original != ticket.id && facts.original.is_some_and(|o| o.fits());
            if !fit {
                return Err(Error::InvalidDuplicate);
            }
            next.duplicate_of = Some(original);
            next.public_answer = t.public_answer.clone();
        }
        Action::Assign => {
            if !facts.assignee_eligible {
                return Err(Error::InvalidAssignee);
            }
            next.assignee = t.assignee;
        }
        // Whoever of the unit accepts a ticket nobody has is its assignee.
        Action::Accept => {
            if next.assignee.is_none() && actor.unit.as_deref() == Some(&ticket.unit) {
                next.assignee = Some(actor.id);
            }
        }
        Action::Resolve => {
            if !facts.resolution_photo {
                return Err(Error::ResolutionPhotoRequired);
            }
            next.public_answer = t.public_answer.clone();
        }
        Action::Reject => next.public_answer = t.public_answer.clone(),
        Action::Reopen => {
            next.public_answer = None;
            next.duplicate_of = None;
        }
        Action::Start | Action::AskCitizen | Action::Resume | Action::Close | Action::Comment => {}
    }
    let event = Event {
        kind: t.action.as_str(),
        from_status: Some(from),
        to_status: Some(next.status),
        actor: Some(actor.id),
        unit: Some(next.unit.clone()),
        from_unit: (t.action == Action::Transfer).then(|| ticket.unit.clone()),
        note: t.note.clone(),
        public_note: t.public_answer.clone(),
        // State changes and public answers are the public timeline; notes and assignments never
        // are.
        public: t.action != Action::Assign
            && (t.action != Action::Comment || t.public_answer.is_some()),
        related: next
            .duplicate_of
            .filter(|_| t.action == Action::MarkDuplicate),
        assignee: next.assignee.filter(|_| t.action == Action::Assign),
        at: clock.now,
        due_at: ticket.deadlines.running(from),
    };
    let tracking_code = ticket.tracking_code.clone();
    let answer = t.public_answer.clone().unwrap_or_default();
    let notices = match t.action {
        Action::Accept => vec![to_followers(Notice::Accepted { tracking_code })],
        Action::AskCitizen => vec![to_followers(Notice::NeedsInformation {
            tracking_code,
            question: answer,
        })],
        Action::Resolve => vec![to_followers(Notice::Resolved {
            tracking_code,
            answer,
        })],
        Action::Reject => vec![to_followers(Notice::Rejected {
            tracking_code,
            reason: answer,
        })],
        Action::MarkDuplicate => vec![to_followers(Notice::Duplicate {
            tracking_code,
            original: next.duplicate_of.unwrap_or_default(),
            reason: t.public_answer.clone(),
        })],
        Action::Transfer => vec![new_ticket(&next, labels, true)],
        Action::Reopen => vec![
            Outgoing {
                to: Recipient::Managers(next.unit.clone()),
                notice: Notice::Reopened {
                    tracking_code: tracking_code.clone(),
                    score: None,
                    comment: None,
                },
            },
            to_followers(Notice::ReportReopened { tracking_code }),
        ],
        Action::Start | Action::Resume | Action::Close | Action::Assign | Action::Comment => {
            Vec::new()
        }
    };
    Ok(Change {
        ticket: next,
        event,
        handled: true,
        check,
        notices,
    })
}

/// The reporter's rating of their ticket (`already_rated`: a rating is stored): 3 or more closes
/// it, 2 or less reopens it and tells the unit's managers.
pub fn plan_rating(
    ticket: &Ticket,
    actor: &Actor,
    score: i16,
    comment: Option<&str>,
    already_rated: bool,
    clock: Clock<'_>,
) -> Result<Change, Error> {
    actor.check_rating(ticket.reporter)?;
    if already_rated {
        return Err(Error::AlreadyRated);
    }
    let from = ticket.status;
    let schedule = schedule_rating(
        from,
        score,
        ticket.deadlines,
        clock.fresh,
        clock.calendar,
        clock.now,
    )?;
    let (next, check) = rescheduled(ticket, &schedule, clock.calendar);
    let notices = if next.status == Status::Reopened {
        vec![
            Outgoing {
                to: Recipient::Managers(ticket.unit.clone()),
                notice: Notice::Reopened {
                    tracking_code: ticket.tracking_code.clone(),
                    score: Some(score),
                    comment: comment.map(str::to_owned),
                },
            },
            // The reporter reopened it; their supporters hear of it.
            to_followers(Notice::ReportReopened {
                tracking_code: ticket.tracking_code.clone(),
            }),
        ]
    } else {
        Vec::new()
    };
    let event = Event {
        kind: "rated",
        from_status: Some(from),
        to_status: Some(next.status),
        actor: Some(actor.id),
        unit: Some(ticket.unit.clone()),
        from_unit: None,
        note: comment.map(str::to_owned),
        public_note: None,
        public: true,
        related: None,
        assignee: None,
        at: clock.now,
        due_at: ticket.deadlines.running(from),
    };
    Ok(Change {
        ticket: next,
        event,
        handled: true,
        check,
        notices,
    })
}

/// An escalation check coming due at `now`: when the ticket still works against the deadline
/// it was scheduled for (`due_at`) and is below `level`, it is raised to that level, whom the
/// level concerns is told (1: the unit, 2: its managers, 3: the IOC), and the next rung is
/// scheduled. `None`: the check lapsed.
pub fn plan_escalation(
    ticket: &Ticket,
    level: i16,
    due_at: DateTime<Utc>,
    labels: &Labels,
    calendar: &Calendar,
    now: DateTime<Utc>,
) -> Option<Change> {
    if !escalation_applies(ticket.due_at, ticket.escalation_level, level, due_at) {
        return None;
    }
    let mut next = ticket.clone();
    next.escalation_level = level;
    let (kind, to) = match level {
        1 => ("deadline_warning", Recipient::Unit(ticket.unit.clone())),
        2 => (
            "escalated_to_manager",
            Recipient::Managers(ticket.unit.clone()),
        ),
        _ => (
            "escalated_to_ioc",
            Recipient::Unit(IOC_UNIT_CODE.to_owned()),
        ),
    };
    Some(Change {
        check: next_check(ticket.status, &ticket.deadlines, calendar, level),
        ticket: next,
        event: Event::internal(kind, &ticket.unit, now),
        handled: false,
        notices: vec![Outgoing {
            to,
            notice: Notice::Escalation {
                tracking_code: ticket.tracking_code.clone(),
                level,
                unit_vi: labels.unit_vi.clone(),
                due_at,
            },
        }],
    })
}

/// Whether a check to `level`, scheduled for the deadline `due_at`, still applies to a ticket
/// whose running deadline is `running` and which has reached `reached`: asked before anything
/// else is read for it, since most checks lapse.
pub fn escalation_applies(
    running: Option<DateTime<Utc>>,
    reached: i16,
    level: i16,
    due_at: DateTime<Utc>,
) -> bool {
    // The database keeps microseconds: compare at that precision.
    running.map(|d| d.trunc_subsecs(6)) == Some(due_at.trunc_subsecs(6)) && reached < level
}

/// What a ticket just received starts with besides its row and its `received` event: its unit
/// is told, and its first escalation check.
#[derive(Debug, Clone, PartialEq)]
pub struct Opening {
    pub check: Option<Check>,
    pub notices: Vec<Outgoing>,
}

pub fn plan_opening(ticket: &Ticket, labels: &Labels, calendar: &Calendar) -> Opening {
    Opening {
        check: next_check(ticket.status, &ticket.deadlines, calendar, 0),
        notices: vec![new_ticket(ticket, labels, false)],
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeDelta, TimeZone};

    use super::*;
    use crate::role::Role;
    use crate::sla::ClockKind;
    use crate::ticket::TransitionRequest;

    fn at(d: u32, h: u32, min: u32) -> DateTime<Utc> {
        crate::sla::vn_offset()
            .with_ymd_and_hms(2026, 11, d, h, min, 0)
            .single()
            .expect("valid local time")
            .with_timezone(&Utc)
    }

    fn normal() -> Allowance {
        Allowance {
            clock: ClockKind::Working,
            accept: TimeDelta::hours(8),
            resolve: TimeDelta::minutes(3150),
        }
    }

    const REPORTER: Uuid = Uuid::from_u128(7);
    const ORIGINAL: Uuid = Uuid::from_u128(8);
    const COLLEAGUE: Uuid = Uuid::from_u128(9);

    /// A traffic ticket received on Monday 2026-11-23 at 09:00, in `status`.
    fn ticket(status: Status) -> Ticket {
        let deadlines = Deadlines::start(normal(), &Calendar::default(), at(23, 9, 0));
        Ticket {
            id: Uuid::from_u128(1),
            tracking_code: "HT-TEST-0001".into(),
            status,
            unit: "csgt".into(),
            reporter: REPORTER,
            urgent: false,
            description: "Đèn tín hiệu hỏng".into(),
            hops: 0,
            assignee: None,
            duplicate_of: None,
            public_answer: None,
            deadlines,
            due_at: deadlines.running(status),
            escalation_level: 0,
        }
    }

    fn labels() -> Labels {
        Labels {
            category_vi: "Giao thông".into(),
            category_en: "Traffic".into(),
            commune_vi: "Phường Thuận Hóa".into(),
            unit_vi: "Cảnh sát giao thông".into(),
        }
    }

    fn staff(role: Role) -> Actor {
        Actor {
            id: Uuid::from_u128(2),
            role,
            unit: matches!(role, Role::Officer | Role::UnitManager).then(|| "csgt".to_owned()),
        }
    }

    fn transition(action: &str, fill: impl FnOnce(&mut TransitionRequest)) -> Transition {
        let mut r = TransitionRequest {
            action: action.into(),
            note: None,
            public_answer: None,
            to_unit: None,
            duplicate_of: None,
            assignee: None,
        };
        fill(&mut r);
        r.validate().expect("a valid request")
    }

    fn apply(
        t: &Ticket,
        actor: &Actor,
        tr: &Transition,
        facts: &Lookups,
        now: DateTime<Utc>,
    ) -> Result<Change, Error> {
        let calendar = Calendar::default();
        let clock = Clock {
            calendar: &calendar,
            fresh: normal(),
            now,
        };
        plan(t, actor, tr, facts, &labels(), clock)
    }

    fn reporter_notice(c: &Change) -> Option<&Notice> {
        c.notices
            .iter()
            .find(|o| o.to == Recipient::Followers)
            .map(|o| &o.notice)
    }

    #[test]
    fn accepting_assigns_the_acceptor_tells_the_reporter_and_restarts_the_ladder() {
        let mut t = ticket(Status::Received);
        t.escalation_level = 1;
        let now = at(23, 10, 0);
        let officer = staff(Role::Officer);
        let c = apply(
            &t,
            &officer,
            &transition("accept", |_| {}),
            &Lookups::default(),
            now,
        )
        .expect("accept");
        assert_eq!(c.ticket.status, Status::Accepted);
        assert_eq!(c.ticket.assignee, Some(officer.id));
        assert_eq!(c.ticket.escalation_level, 0);
        assert_eq!(c.ticket.due_at, Some(t.deadlines.resolve_due));
        assert!(c.event.public && c.handled);
        assert_eq!(c.event.due_at, Some(t.deadlines.accept_due));
        assert_eq!(
            reporter_notice(&c),
            Some(&Notice::Accepted {
                tracking_code: "HT-TEST-0001".into()
            })
        );
        // The resolve deadline's first rung: 75 % of the allowance.
        let check = c.check.expect("a check of the resolve deadline");
        assert_eq!((check.level, check.due_at), (1, t.deadlines.resolve_due));
        // An IOC operator accepting for the unit does not become its assignee.
        let ioc = apply(
            &t,
            &staff(Role::IocOperator),
            &transition("accept", |_| {}),
            &Lookups::default(),
            now,
        )
        .expect("accept");
        assert_eq!(ioc.ticket.assignee, None);
    }

    #[test]
    fn refusals_come_in_order_policy_then_state_then_facts() {
        let officer = staff(Role::Officer);
        let transfer = transition("transfer", |r| {
            r.note = Some("Không thuộc thẩm quyền".into());
            r.to_unit = Some("pccc".into());
        });
        let none = Lookups::default();
        // An officer may not transfer, whatever the state.
        assert_eq!(
            apply(
                &ticket(Status::Closed),
                &officer,
                &transfer,
                &none,
                at(23, 10, 0)
            ),
            Err(Error::Forbidden)
        );
        // Another unit's ticket does not exist for the officer.
        let mut theirs = ticket(Status::Received);
        theirs.unit = "pccc".into();
        assert_eq!(
            apply(
                &theirs,
                &officer,
                &transition("accept", |_| {}),
                &none,
                at(23, 10, 0)
            ),
            Err(Error::NotFound)
        );
        let manager = staff(Role::UnitManager);
        assert_eq!(
            apply(
                &ticket(Status::Closed),
                &manager,
                &transfer,
                &none,
                at(23, 10, 0)
            ),
            Err(Error::TransitionNotAllowed)
        );
        assert_eq!(
            apply(
                &ticket(Status::Received),
                &manager,
                &transfer,
                &none,
                at(23, 10, 0)
            ),
            Err(Error::UnknownUnit)
        );
        let inactive = Lookups {
            target_unit_active: Some(false),
            ..Lookups::default()
        };
        assert_eq!(
            apply(
                &ticket(Status::Received),
                &manager,
                &transfer,
                &inactive,
                at(23, 10, 0)
            ),
            Err(Error::UnknownUnit)
        );
        let active = Lookups {
            target_unit_active: Some(true),
            ..Lookups::default()
        };
        let to_itself = transition("transfer", |r| {
            r.note = Some("x".into());
            r.to_unit = Some("csgt".into());
        });
        assert_eq!(
            apply(
                &ticket(Status::Received),
                &manager,
                &to_itself,
                &active,
                at(23, 10, 0)
            ),
            Err(Error::SameUnit)
        );
    }

    #[test]
    fn a_transfer_moves_the_ticket_with_a_fresh_clock_and_tells_the_new_unit() {
        let mut t = ticket(Status::Accepted);
        t.assignee = Some(COLLEAGUE);
        t.escalation_level = 2;
        let now = at(26, 14, 0);
        let c = apply(
            &t,
            &staff(Role::UnitManager),
            &transition("transfer", |r| {
                r.note = Some("Thuộc PCCC".into());
                r.to_unit = Some("pccc".into());
            }),
            &Lookups {
                target_unit_active: Some(true),
                ..Lookups::default()
            },
            now,
        )
        .expect("transfer");
        assert_eq!(
            (c.ticket.unit.as_str(), c.ticket.hops, c.ticket.assignee),
            ("pccc", 1, None)
        );
        assert_eq!(c.ticket.status, Status::Transferred);
        assert_eq!(c.ticket.deadlines.origin, now);
        assert_eq!(c.ticket.escalation_level, 0);
        assert_eq!(c.event.from_unit.as_deref(), Some("csgt"));
        assert_eq!(c.event.unit.as_deref(), Some("pccc"));
        assert_eq!(c.event.note.as_deref(), Some("Thuộc PCCC"));
        assert!(c.event.public);
        assert_eq!(c.notices.len(), 1);
        assert_eq!(c.notices[0].to, Recipient::Unit("pccc".into()));
        let accept = transition("accept", |_| {});
        assert!(
            !accept.needs().labels,
            "only a transfer's notice shows the labels"
        );
        let Notice::NewTicket {
            transferred,
            due_at,
            category_vi,
            ..
        } = &c.notices[0].notice
        else {
            panic!("a new-ticket notice: {:?}", c.notices[0]);
        };
        assert!(*transferred);
        assert_eq!(*due_at, Some(c.ticket.deadlines.accept_due));
        assert_eq!(category_vi, "Giao thông");
        let check = c.check.expect("the new unit's acceptance is checked");
        assert_eq!(check.due_at, c.ticket.deadlines.accept_due);
    }

    #[test]
    fn a_duplicate_needs_an_open_or_resolved_original_of_its_category_nearby() {
        let officer = staff(Role::Officer);
        let mark = |of: Uuid| {
            transition("mark_duplicate", |r| {
                r.duplicate_of = Some(of);
                r.public_answer = Some("Đã có phản ánh này".into());
            })
        };
        let t = ticket(Status::Received);
        let now = at(23, 10, 0);
        let fitting = Original {
            status: Status::InProgress,
            duplicate_of: None,
            same_category: true,
            nearby: true,
        };
        let with = |original: Original| Lookups {
            original: Some(original),
            ..Lookups::default()
        };
        let open_original = with(fitting);
        for (of, facts) in [
            (t.id, open_original),
            (ORIGINAL, Lookups::default()),
            (
                ORIGINAL,
                with(Original {
                    status: Status::Duplicate,
                    duplicate_of: Some(COLLEAGUE),
                    ..fitting
                }),
            ),
            (
                ORIGINAL,
                with(Original {
                    duplicate_of: Some(COLLEAGUE),
                    ..fitting
                }),
            ),
            (
                ORIGINAL,
                with(Original {
                    same_category: false,
                    ..fitting
                }),
            ),
            (
                ORIGINAL,
                with(Original {
                    nearby: false,
                    ..fitting
                }),
            ),
            (
                ORIGINAL,
                with(Original {
                    status: Status::Rejected,
                    ..fitting
                }),
            ),
            (
                ORIGINAL,
                with(Original {
                    status: Status::Closed,
                    ..fitting
                }),
            ),
        ] {
            assert_eq!(
                apply(&t, &officer, &mark(of), &facts, now),
                Err(Error::InvalidDuplicate),
                "{of} {facts:?}"
            );
        }
        let resolved = with(Original {
            status: Status::Resolved,
            ..fitting
        });
        assert!(apply(&t, &officer, &mark(ORIGINAL), &resolved, now).is_ok());
        let c = apply(&t, &officer, &mark(ORIGINAL), &open_original, now).expect("duplicate");
        assert_eq!(c.ticket.status, Status::Duplicate);
        assert_eq!(c.ticket.duplicate_of, Some(ORIGINAL));
        assert_eq!(c.event.related, Some(ORIGINAL));
        assert_eq!(
            c.ticket.public_answer.as_deref(),
            Some("Đã có phản ánh này")
        );
        // The duplicate's followers are told which report is handled instead, with the reason.
        assert_eq!(
            c.notices,
            vec![Outgoing {
                to: Recipient::Followers,
                notice: Notice::Duplicate {
                    tracking_code: t.tracking_code.clone(),
                    original: ORIGINAL,
                    reason: Some("Đã có phản ánh này".into()),
                },
            }]
        );
        assert_eq!(c.check, None, "a finished ticket has no deadline");
    }

    #[test]
    fn assignments_and_notes_stay_off_the_public_timeline() {
        let manager = staff(Role::UnitManager);
        let t = ticket(Status::Accepted);
        let now = at(23, 10, 0);
        let assign = transition("assign", |r| r.assignee = Some(COLLEAGUE));
        assert_eq!(
            apply(&t, &manager, &assign, &Lookups::default(), now),
            Err(Error::InvalidAssignee)
        );
        let c = apply(
            &t,
            &manager,
            &assign,
            &Lookups {
                assignee_eligible: true,
                ..Lookups::default()
            },
            now,
        )
        .expect("assign");
        assert_eq!(c.ticket.assignee, Some(COLLEAGUE));
        assert_eq!(c.event.assignee, Some(COLLEAGUE));
        assert!(!c.event.public);
        assert_eq!(c.check, None, "the deadline did not move");
        let note = transition("comment", |r| r.note = Some("Đã gọi điện".into()));
        let c = apply(&t, &manager, &note, &Lookups::default(), now).expect("comment");
        assert!(!c.event.public && c.notices.is_empty());
        assert_eq!(c.ticket, t, "a note changes nothing of the ticket");
        let update = transition("comment", |r| r.public_answer = Some("Đang sửa".into()));
        let c = apply(&t, &manager, &update, &Lookups::default(), now).expect("comment");
        assert!(c.event.public);
        assert_eq!(c.event.public_note.as_deref(), Some("Đang sửa"));
    }

    #[test]
    fn resolving_needs_an_after_photo_and_tells_the_reporter_the_answer() {
        let officer = staff(Role::Officer);
        let t = ticket(Status::InProgress);
        let resolve = transition("resolve", |r| r.public_answer = Some("Đã sửa đèn".into()));
        assert!(resolve.needs().resolution_photo);
        let now = at(24, 15, 0);
        assert_eq!(
            apply(&t, &officer, &resolve, &Lookups::default(), now),
            Err(Error::ResolutionPhotoRequired)
        );
        let with_photo = Lookups {
            resolution_photo: true,
            ..Lookups::default()
        };
        let c = apply(&t, &officer, &resolve, &with_photo, now).expect("resolve");
        assert_eq!(c.ticket.status, Status::Resolved);
        assert_eq!(c.ticket.due_at, None);
        assert_eq!(c.ticket.public_answer.as_deref(), Some("Đã sửa đèn"));
        assert_eq!(
            reporter_notice(&c),
            Some(&Notice::Resolved {
                tracking_code: t.tracking_code.clone(),
                answer: "Đã sửa đèn".into()
            })
        );
        // Reopening clears the result and tells the managers.
        let reopen = transition("reopen", |r| r.note = Some("Chưa sửa xong".into()));
        let c = apply(
            &c.ticket,
            &staff(Role::UnitManager),
            &reopen,
            &with_photo,
            now,
        )
        .expect("reopen");
        assert_eq!(c.ticket.status, Status::Reopened);
        assert_eq!(c.ticket.public_answer, None);
        assert_eq!(c.notices[0].to, Recipient::Managers("csgt".into()));
    }

    #[test]
    fn asking_the_citizen_pauses_and_keeps_the_level_reached() {
        let officer = staff(Role::Officer);
        let mut t = ticket(Status::InProgress);
        t.escalation_level = 1;
        let ask = transition("ask_citizen", |r| {
            r.public_answer = Some("Ở số nhà nào?".into())
        });
        let c = apply(&t, &officer, &ask, &Lookups::default(), at(24, 9, 0)).expect("ask");
        assert_eq!(c.ticket.status, Status::WaitingForCitizen);
        assert_eq!((c.ticket.due_at, c.check), (None, None));
        assert!(matches!(
            reporter_notice(&c),
            Some(Notice::NeedsInformation { question, .. }) if question == "Ở số nhà nào?"
        ));
        let resume = transition("resume", |_| {});
        let c = apply(
            &c.ticket,
            &officer,
            &resume,
            &Lookups::default(),
            at(25, 9, 0),
        )
        .expect("resume");
        assert_eq!(c.ticket.escalation_level, 1);
        let check = c.check.expect("the moved deadline is checked again");
        assert_eq!(check.level, 2, "the next rung above the level reached");
        assert_eq!(Some(check.due_at), c.ticket.due_at);
    }

    #[test]
    fn a_rating_closes_or_reopens_and_is_given_once_by_the_reporter() {
        let calendar = Calendar::default();
        let clock = Clock {
            calendar: &calendar,
            fresh: normal(),
            now: at(25, 9, 0),
        };
        let t = ticket(Status::Resolved);
        let reporter = Actor {
            id: REPORTER,
            role: Role::Resident,
            unit: None,
        };
        let stranger = Actor {
            id: COLLEAGUE,
            ..reporter.clone()
        };
        assert_eq!(
            plan_rating(&t, &stranger, 5, None, false, clock),
            Err(Error::Forbidden)
        );
        assert_eq!(
            plan_rating(&t, &reporter, 5, None, true, clock),
            Err(Error::AlreadyRated)
        );
        let good = plan_rating(&t, &reporter, 4, Some("Tốt"), false, clock).expect("rated");
        assert_eq!(good.ticket.status, Status::Closed);
        assert!(good.notices.is_empty() && good.event.public);
        assert_eq!(good.event.note.as_deref(), Some("Tốt"));
        let poor = plan_rating(&t, &reporter, 2, Some("Chưa sửa"), false, clock).expect("rated");
        assert_eq!(poor.ticket.status, Status::Reopened);
        assert_eq!(
            poor.notices,
            vec![
                Outgoing {
                    to: Recipient::Managers("csgt".into()),
                    notice: Notice::Reopened {
                        tracking_code: t.tracking_code.clone(),
                        score: Some(2),
                        comment: Some("Chưa sửa".into()),
                    },
                },
                // The supporters hear that it is handled again (not the reporter, who did it:
                // the storage layer leaves the change's actor out).
                Outgoing {
                    to: Recipient::Followers,
                    notice: Notice::ReportReopened {
                        tracking_code: t.tracking_code.clone(),
                    },
                },
            ]
        );
        assert!(
            poor.check.is_some(),
            "the reopened ticket's acceptance is checked"
        );
    }

    #[test]
    fn escalations_climb_the_ladder_once_per_deadline() {
        let calendar = Calendar::default();
        let t = ticket(Status::Received);
        let due = t.deadlines.accept_due;
        let now = at(23, 15, 0);
        let warn = plan_escalation(&t, 1, due, &labels(), &calendar, now).expect("warned");
        assert_eq!(warn.ticket.escalation_level, 1);
        assert_eq!(warn.event.kind, "deadline_warning");
        assert!(!warn.event.public && !warn.handled);
        assert_eq!(warn.notices[0].to, Recipient::Unit("csgt".into()));
        assert_eq!(warn.check.map(|c| c.level), Some(2));
        let manager =
            plan_escalation(&warn.ticket, 2, due, &labels(), &calendar, now).expect("escalated");
        assert_eq!(manager.notices[0].to, Recipient::Managers("csgt".into()));
        let ioc =
            plan_escalation(&manager.ticket, 3, due, &labels(), &calendar, now).expect("escalated");
        assert_eq!(ioc.event.kind, "escalated_to_ioc");
        assert_eq!(ioc.notices[0].to, Recipient::Unit(IOC_UNIT_CODE.into()));
        assert!(matches!(
            &ioc.notices[0].notice,
            Notice::Escalation { level: 3, unit_vi, .. } if unit_vi == "Cảnh sát giao thông"
        ));
        assert_eq!(ioc.check, None, "the top of the ladder");
        // A level reached, or a deadline that moved on, makes the check lapse.
        assert_eq!(
            plan_escalation(&warn.ticket, 1, due, &labels(), &calendar, now),
            None
        );
        let other = due + TimeDelta::hours(1);
        assert_eq!(
            plan_escalation(&t, 1, other, &labels(), &calendar, now),
            None
        );
    }

    #[test]
    fn a_new_ticket_tells_its_unit_and_schedules_its_first_check() {
        let calendar = Calendar::default();
        let t = ticket(Status::Received);
        let opening = plan_opening(&t, &labels(), &calendar);
        assert_eq!(
            opening.check.map(|c| (c.level, c.due_at)),
            Some((1, t.deadlines.accept_due))
        );
        assert_eq!(opening.notices[0].to, Recipient::Unit("csgt".into()));
        assert!(matches!(
            opening.notices[0].notice,
            Notice::NewTicket {
                transferred: false,
                urgent: false,
                ..
            }
        ));
    }
}
