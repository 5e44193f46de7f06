//! The ticket workflow: which action moves a ticket from which state to which, what each action
//! must carry, and how its deadlines run ([`schedule`]). [`plan`] and its siblings (in
//! [`plan`](mod@plan)) are the only way a ticket's state changes: they return every effect of a
//! change as data, and the storage layer applies it.

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::Error;
use crate::report::Status;
use crate::sla::{Calendar, ClockKind};
use crate::text;

mod plan;
pub use plan::{
    Change, Check, Clock, Event, Labels, Lookups, Needs, Opening, Original, Outgoing, Recipient,
    Ticket, escalation_applies, next_check, plan, plan_escalation, plan_opening, plan_rating,
};

/// Longest note, public answer or rating comment, in characters.
pub const TEXT_MAX_CHARS: usize = 4000;
/// A duplicate's original must be this close to it (and of its category).
pub const DUPLICATE_RADIUS_M: f64 = 1000.0;
/// An "after" photo with a GPS position must have been taken this close to the report.
pub const RESOLUTION_PHOTO_RADIUS_M: f64 = 200.0;
/// Most "after" photos per round of handling (a reopened ticket starts a new round).
pub const RESOLUTION_PHOTOS_PER_ROUND: i64 = 5;
/// Escalation thresholds, in percent of the allowance: warn the unit, escalate to the unit's
/// manager, escalate to the IOC.
pub const ESCALATION_PERCENTS: [u32; 3] = [75, 100, 150];

/// What staff can do to a ticket.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The unit takes the ticket on.
    Accept,
    /// Work has started.
    Start,
    /// More information is needed from the reporter; the deadline clock pauses.
    AskCitizen,
    /// The information came; the clock runs again.
    Resume,
    /// Done: needs a public answer and an "after" photo.
    Resolve,
    /// A resolved ticket is closed without waiting for the reporter's rating.
    Close,
    /// Sent to another unit (a hop), with a reason.
    Transfer,
    /// Not something the platform handles, with a reason the reporter sees.
    Reject,
    /// The same problem as another report.
    MarkDuplicate,
    /// A supervisor reopens a finished ticket.
    Reopen,
    /// Given to an officer of the unit.
    Assign,
    /// An internal note or a public update, without a change of state.
    Comment,
}

impl Action {
    pub const ALL: &'static [Action] = &[
        Action::Accept,
        Action::Start,
        Action::AskCitizen,
        Action::Resume,
        Action::Resolve,
        Action::Close,
        Action::Transfer,
        Action::Reject,
        Action::MarkDuplicate,
        Action::Reopen,
        Action::Assign,
        Action::Comment,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Accept => "accept",
            Action::Start => "start",
            Action::AskCitizen => "ask_citizen",
            Action::Resume => "resume",
            Action::Resolve => "resolve",
            Action::Close => "close",
            Action::Transfer => "transfer",
            Action::Reject => "reject",
            Action::MarkDuplicate => "mark_duplicate",
            Action::Reopen => "reopen",
            Action::Assign => "assign",
            Action::Comment => "comment",
        }
    }

    pub fn parse(s: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.as_str() == s)
    }
}

/// Which deadline a ticket in a state is working against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Waiting to be accepted by its unit (new, transferred or reopened).
    Accept,
    /// Accepted and being handled.
    Resolve,
    /// Waiting for the citizen: no clock runs.
    Paused,
    /// Handled (resolved, closed, rejected, duplicate): no clock runs.
    Done,
}

pub fn stage(status: Status) -> Stage {
    match status {
        Status::Received | Status::Transferred | Status::Reopened => Stage::Accept,
        Status::Accepted | Status::InProgress => Stage::Resolve,
        Status::WaitingForCitizen => Stage::Paused,
        Status::Resolved | Status::Closed | Status::Rejected | Status::Duplicate => Stage::Done,
    }
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Accept => "accept",
            Stage::Resolve => "resolve",
            Stage::Paused => "paused",
            Stage::Done => "done",
        }
    }
}

/// The state an action leads to from `from`, or `transition_not_allowed`.
pub fn next_status(from: Status, action: Action) -> Result<Status, Error> {
    use Status::*;
    let open_for_routing = matches!(
        from,
        Received | Transferred | Accepted | InProgress | Reopened
    );
    let next = match action {
        Action::Accept if matches!(from, Received | Transferred | Reopened) => Accepted,
        Action::Start if from == Accepted => InProgress,
        Action::AskCitizen if matches!(from, Accepted | InProgress) => WaitingForCitizen,
        Action::Resume if from == WaitingForCitizen => InProgress,
        Action::Resolve if matches!(from, Accepted | InProgress) => Resolved,
        Action::Close if from == Resolved => Closed,
        // A citizen who never answers: the unit closes the matter with a reason.
        Action::Reject if from == WaitingForCitizen => Rejected,
        Action::Transfer | Action::Reject | Action::MarkDuplicate if open_for_routing => {
            match action {
                Action::Transfer => Transferred,
                Action::Reject => Rejected,
                _ => Duplicate,
            }
        }
        Action::Reopen if matches!(from, Resolved | Closed | Rejected | Duplicate) => Reopened,
        Action::Assign if stage(from) != Stage::Done => from,
        Action::Comment => from,
        _ => return Err(Error::TransitionNotAllowed),
    };
    Ok(next)
}

/// A transition as staff send it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransitionRequest {
    #[cfg_attr(feature = "openapi", schema(value_type = Action))]
    pub action: String,
    /// Internal note (a reason, a remark), seen by staff only; at most 4000 characters.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    pub note: Option<String>,
    /// What the reporter and the public see; at most 4000 characters.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    pub public_answer: Option<String>,
    /// `transfer`: the unit to send it to.
    #[serde(default)]
    pub to_unit: Option<String>,
    #[serde(default)]
    pub duplicate_of: Option<Uuid>,
    #[serde(default)]
    pub assignee: Option<Uuid>,
}

/// A transition whose fields fit its action.
#[derive(Debug, Clone, PartialEq)]
pub struct Transition {
    pub action: Action,
    /// Internal note (reason, remark), seen by staff only.
    pub note: Option<String>,
    /// Text the reporter and the public see.
    pub public_answer: Option<String>,
    pub to_unit: Option<String>,
    pub duplicate_of: Option<Uuid>,
    pub assignee: Option<Uuid>,
}

/// A note, answer or comment: cleaned, empty as absent, at most [`TEXT_MAX_CHARS`].
pub fn cleaned(raw: Option<&str>) -> Result<Option<String>, Error> {
    match raw.map(text::clean) {
        Some(s) if s.is_empty() => Ok(None),
        Some(s) if text::char_len(&s) > TEXT_MAX_CHARS => Err(Error::TextTooLong),
        other => Ok(other),
    }
}

/// A field of a transition besides its action.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = TransitionField))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Note,
    PublicAnswer,
    ToUnit,
    DuplicateOf,
    Assignee,
}

impl Field {
    /// The refusal of a transition that lacks this field.
    fn missing(self) -> Error {
        match self {
            Field::Note => Error::NoteRequired,
            Field::PublicAnswer => Error::PublicAnswerRequired,
            Field::ToUnit => Error::UnknownUnit,
            Field::DuplicateOf => Error::InvalidDuplicate,
            Field::Assignee => Error::InvalidAssignee,
        }
    }
}

/// The fields an action takes: what `TransitionRequest::validate` checks, and what the apps'
/// forms show (the ticket's `action_forms`).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = ActionForm))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Form {
    /// Each must be given, checked in this order.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Field>))]
    pub required: &'static [Field],
    /// Taken when given; a field in neither list is not taken (a transition's other fields are
    /// dropped).
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Field>))]
    pub optional: &'static [Field],
    /// At least one of the optional fields must be given (a comment: a note or a public update).
    pub one_of_optional: bool,
}

impl Form {
    const fn new(required: &'static [Field], optional: &'static [Field]) -> Form {
        Form {
            required,
            optional,
            one_of_optional: false,
        }
    }
}

impl Action {
    /// The form of this action. The reporter is told why a ticket is resolved, rejected or
    /// waits for them (the answer is what the public sees); a transfer and a reopening give
    /// their reason to the staff. Every action takes an internal note, and every one whose event
    /// is public a public answer (its line in the public timeline; a duplicate's becomes the
    /// report's answer); an assignment's event never is, so it takes none.
    pub const fn form(self) -> Form {
        use Field::*;
        match self {
            Action::Accept | Action::Start | Action::Resume | Action::Close => {
                Form::new(&[], &[Note, PublicAnswer])
            }
            Action::AskCitizen | Action::Resolve | Action::Reject => {
                Form::new(&[PublicAnswer], &[Note])
            }
            Action::Transfer => Form::new(&[Note, ToUnit], &[PublicAnswer]),
            Action::MarkDuplicate => Form::new(&[DuplicateOf], &[Note, PublicAnswer]),
            Action::Reopen => Form::new(&[Note], &[PublicAnswer]),
            Action::Assign => Form::new(&[Assignee], &[Note]),
            Action::Comment => Form {
                required: &[],
                optional: &[Note, PublicAnswer],
                one_of_optional: true,
            },
        }
    }
}

impl TransitionRequest {
    /// Checks the fields each action needs; whether the action is possible now is [`schedule`]'s.
    pub fn validate(&self) -> Result<Transition, Error> {
        let action = Action::parse(self.action.trim()).ok_or(Error::UnknownAction)?;
        let note = cleaned(self.note.as_deref())?;
        let public_answer = cleaned(self.public_answer.as_deref())?;
        let to_unit = self
            .to_unit
            .as_deref()
            .map(|u| u.trim().to_ascii_lowercase());
        let given = |field: Field| match field {
            Field::Note => note.is_some(),
            Field::PublicAnswer => public_answer.is_some(),
            Field::ToUnit => to_unit.is_some(),
            Field::DuplicateOf => self.duplicate_of.is_some(),
            Field::Assignee => self.assignee.is_some(),
        };
        let form = action.form();
        if let Some(missing) = form.required.iter().find(|f| !given(**f)) {
            return Err(missing.missing());
        }
        if form.one_of_optional
            && let Some(first) = form.optional.first()
            && !form.optional.iter().any(|f| given(*f))
        {
            return Err(first.missing());
        }
        let takes = |field: Field| form.required.contains(&field) || form.optional.contains(&field);
        Ok(Transition {
            action,
            note: note.filter(|_| takes(Field::Note)),
            public_answer: public_answer.filter(|_| takes(Field::PublicAnswer)),
            to_unit: to_unit.filter(|_| takes(Field::ToUnit)),
            duplicate_of: self.duplicate_of.filter(|_| takes(Field::DuplicateOf)),
            assignee: self.assignee.filter(|_| takes(Field::Assignee)),
        })
    }
}

/// How long a unit has, from an SLA policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allowance {
    pub clock: ClockKind,
    pub accept: TimeDelta,
    pub resolve: TimeDelta,
}

/// A ticket's deadline clock as stored with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadlines {
    pub clock: ClockKind,
    /// The instant the allowances are measured from, moved forward by each pause.
    pub origin: DateTime<Utc>,
    pub accept_due: DateTime<Utc>,
    pub resolve_due: DateTime<Utc>,
    /// Set while the ticket waits for the citizen.
    pub paused_at: Option<DateTime<Utc>>,
}

impl Deadlines {
    /// Fresh deadlines from `at`: on receipt, and when a transfer or a reopening gives a unit
    /// the ticket anew.
    pub fn start(allowance: Allowance, calendar: &Calendar, at: DateTime<Utc>) -> Deadlines {
        Deadlines {
            clock: allowance.clock,
            origin: at,
            accept_due: calendar.add(allowance.clock, at, allowance.accept),
            resolve_due: calendar.add(allowance.clock, at, allowance.resolve),
            paused_at: None,
        }
    }

    /// The deadline that runs in `status`, if any.
    pub fn running(&self, status: Status) -> Option<DateTime<Utc>> {
        match stage(status) {
            Stage::Accept => Some(self.accept_due),
            Stage::Resolve => Some(self.resolve_due),
            Stage::Paused | Stage::Done => None,
        }
    }

    /// The instants at which the running deadline's escalations fall due, with their level
    /// (1: warn the unit, 2: the unit manager, 3: the IOC).
    pub fn escalations(&self, status: Status, calendar: &Calendar) -> Vec<(i16, DateTime<Utc>)> {
        let Some(due) = self.running(status) else {
            return Vec::new();
        };
        ESCALATION_PERCENTS
            .iter()
            .zip(1..)
            .map(|(&percent, level)| {
                (
                    level,
                    calendar.point_at(self.clock, self.origin, due, percent),
                )
            })
            .collect()
    }
}

/// What a transition does to a ticket's state and deadlines.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    pub to: Status,
    pub deadlines: Deadlines,
    /// The running deadline changed: its escalation checks are scheduled anew (earlier ones
    /// lapse).
    pub deadline_changed: bool,
    /// A new deadline started (acceptance, transfer, reopening): its escalation ladder starts
    /// from level 0. A pause and its resumption keep the level reached: the share of the
    /// allowance used does not change while the clock stops.
    pub restart_ladder: bool,
}

/// Applies an action to a ticket in `from` with `deadlines`, at `now`. `fresh` is the allowance
/// for the ticket's category, used when a transfer or reopening restarts the clock.
pub fn schedule(
    from: Status,
    action: Action,
    deadlines: Deadlines,
    fresh: Allowance,
    calendar: &Calendar,
    now: DateTime<Utc>,
) -> Result<Schedule, Error> {
    let to = next_status(from, action)?;
    let mut next = deadlines;
    match action {
        Action::Transfer | Action::Reopen => next = Deadlines::start(fresh, calendar, now),
        Action::AskCitizen => next.paused_at = Some(now),
        Action::Resume => {
            if let Some(paused_at) = deadlines.paused_at {
                next.origin = calendar.extend_for_pause(next.clock, next.origin, paused_at, now);
                next.resolve_due =
                    calendar.extend_for_pause(next.clock, next.resolve_due, paused_at, now);
            }
            next.paused_at = None;
        }
        _ => {}
    }
    let deadline_changed = deadlines.running(from) != next.running(to)
        || deadlines.origin != next.origin
        || stage(from) != stage(to);
    let restart_ladder = matches!(action, Action::Accept | Action::Transfer | Action::Reopen);
    Ok(Schedule {
        to,
        deadlines: next,
        deadline_changed,
        restart_ladder,
    })
}

/// What a reporter's rating does to a resolved ticket: a low score reopens it for the unit's
/// manager, any other closes it.
pub const REOPEN_AT_OR_BELOW: i16 = 2;

pub fn after_rating(score: i16) -> Result<Status, Error> {
    match score {
        1..=REOPEN_AT_OR_BELOW => Ok(Status::Reopened),
        3..=5 => Ok(Status::Closed),
        _ => Err(Error::InvalidScore),
    }
}

/// Applies the reporter's rating to a ticket in `from`: a resolved ticket, or one a supervisor
/// closed before the reporter rated it. A low score reopens it (restarting the clock like a
/// supervisor's [`Action::Reopen`]); a good one closes it (or leaves it closed).
pub fn schedule_rating(
    from: Status,
    score: i16,
    deadlines: Deadlines,
    fresh: Allowance,
    calendar: &Calendar,
    now: DateTime<Utc>,
) -> Result<Schedule, Error> {
    let to = after_rating(score)?;
    match (from, to) {
        (Status::Resolved, Status::Reopened) | (Status::Closed, Status::Reopened) => {
            schedule(from, Action::Reopen, deadlines, fresh, calendar, now)
        }
        (Status::Resolved, _) => schedule(from, Action::Close, deadlines, fresh, calendar, now),
        // Closed by a supervisor before the reporter rated it: a good rating changes nothing.
        (Status::Closed, _) => Ok(Schedule {
            to: Status::Closed,
            deadlines,
            deadline_changed: false,
            restart_ladder: false,
        }),
        _ => Err(Error::RatingNotAllowed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        crate::sla::vn_offset()
            .with_ymd_and_hms(y, m, d, h, min, 0)
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

    fn request(action: &str) -> TransitionRequest {
        TransitionRequest {
            action: action.into(),
            note: None,
            public_answer: None,
            to_unit: None,
            duplicate_of: None,
            assignee: None,
        }
    }

    #[test]
    fn the_happy_path_and_nothing_else_from_each_state() {
        use Status::*;
        assert_eq!(next_status(Received, Action::Accept), Ok(Accepted));
        assert_eq!(next_status(Accepted, Action::Start), Ok(InProgress));
        assert_eq!(next_status(InProgress, Action::Resolve), Ok(Resolved));
        assert_eq!(next_status(Resolved, Action::Close), Ok(Closed));
        assert_eq!(
            next_status(InProgress, Action::AskCitizen),
            Ok(WaitingForCitizen)
        );
        assert_eq!(
            next_status(WaitingForCitizen, Action::Resume),
            Ok(InProgress)
        );
        assert_eq!(next_status(Closed, Action::Reopen), Ok(Reopened));
        assert_eq!(next_status(Reopened, Action::Accept), Ok(Accepted));
        for bad in [
            (Received, Action::Resolve),
            (Received, Action::Start),
            (Closed, Action::Accept),
            (Resolved, Action::Transfer),
            (WaitingForCitizen, Action::Resolve),
            (Duplicate, Action::MarkDuplicate),
            (Received, Action::Reopen),
            (Closed, Action::Assign),
        ] {
            assert_eq!(
                next_status(bad.0, bad.1),
                Err(Error::TransitionNotAllowed),
                "{bad:?}"
            );
        }
        // A comment changes nothing, in every state.
        for s in Status::ALL {
            assert_eq!(next_status(*s, Action::Comment), Ok(*s));
        }
    }

    #[test]
    fn every_state_is_reachable_and_every_ticket_can_finish() {
        use std::collections::HashSet;
        let mut seen = HashSet::from([Status::Received]);
        let mut frontier = vec![Status::Received];
        while let Some(s) = frontier.pop() {
            for a in Action::ALL {
                if let Ok(n) = next_status(s, *a)
                    && seen.insert(n)
                {
                    frontier.push(n);
                }
            }
        }
        assert_eq!(seen.len(), Status::ALL.len());
        for s in Status::ALL {
            let finishes = Action::ALL
                .iter()
                .any(|a| next_status(*s, *a).is_ok_and(|n| stage(n) == Stage::Done && n != *s));
            assert!(finishes || stage(*s) == Stage::Done, "{s:?} cannot finish");
        }
    }

    #[test]
    fn each_action_demands_its_fields() {
        assert_eq!(request("fly").validate(), Err(Error::UnknownAction));
        assert_eq!(
            request("resolve").validate(),
            Err(Error::PublicAnswerRequired)
        );
        assert_eq!(
            request("reject").validate(),
            Err(Error::PublicAnswerRequired)
        );
        let mut t = request("transfer");
        assert_eq!(t.validate(), Err(Error::NoteRequired));
        t.note = Some("Không thuộc thẩm quyền".into());
        assert_eq!(t.validate(), Err(Error::UnknownUnit));
        t.to_unit = Some(" CSGT ".into());
        assert_eq!(t.validate().map(|v| v.to_unit), Ok(Some("csgt".into())));
        assert_eq!(
            request("mark_duplicate").validate(),
            Err(Error::InvalidDuplicate)
        );
        assert_eq!(request("assign").validate(), Err(Error::InvalidAssignee));
        assert_eq!(request("comment").validate(), Err(Error::NoteRequired));
        let mut long = request("comment");
        long.note = Some("x".repeat(TEXT_MAX_CHARS + 1));
        assert_eq!(long.validate(), Err(Error::TextTooLong));
        // Fields that do not belong to the action are dropped, not acted on.
        let mut accept = request("accept");
        accept.to_unit = Some("csgt".into());
        assert_eq!(accept.validate().map(|v| v.to_unit), Ok(None));
    }

    /// The forms the apps show are the rule `validate` applies: a request with every required
    /// field passes, and without any one of them is refused with that field's error.
    #[test]
    fn each_action_form_is_what_validate_demands() {
        let fill = |t: &mut TransitionRequest, field: Field| match field {
            Field::Note => t.note = Some("Lý do".into()),
            Field::PublicAnswer => t.public_answer = Some("Đã xử lý".into()),
            Field::ToUnit => t.to_unit = Some("csgt".into()),
            Field::DuplicateOf => t.duplicate_of = Some(Uuid::nil()),
            Field::Assignee => t.assignee = Some(Uuid::nil()),
        };
        for action in Action::ALL {
            let form = action.form();
            let mut full = request(action.as_str());
            for field in form.required {
                fill(&mut full, *field);
            }
            if form.one_of_optional {
                assert!(
                    full.validate().is_err(),
                    "{action:?} needs one of its fields"
                );
                for field in form.optional {
                    let mut one = request(action.as_str());
                    fill(&mut one, *field);
                    assert!(one.validate().is_ok(), "{action:?} with {field:?}");
                }
            } else {
                assert!(
                    full.validate().is_ok(),
                    "{action:?} with its required fields"
                );
            }
            for missing in form.required {
                let mut partial = request(action.as_str());
                for field in form.required.iter().filter(|f| *f != missing) {
                    fill(&mut partial, *field);
                }
                assert_eq!(
                    partial.validate().err(),
                    Some(missing.missing()),
                    "{action:?} without {missing:?}"
                );
            }
            // A field is required or optional, never both.
            assert!(
                form.required.iter().all(|f| !form.optional.contains(f)),
                "{action:?}"
            );
            // Every field given, the transition keeps those of the form and no other.
            let mut every = request(action.as_str());
            for field in [
                Field::Note,
                Field::PublicAnswer,
                Field::ToUnit,
                Field::DuplicateOf,
                Field::Assignee,
            ] {
                fill(&mut every, field);
            }
            let t = every.validate().expect("every field");
            let kept = [
                (Field::Note, t.note.is_some()),
                (Field::PublicAnswer, t.public_answer.is_some()),
                (Field::ToUnit, t.to_unit.is_some()),
                (Field::DuplicateOf, t.duplicate_of.is_some()),
                (Field::Assignee, t.assignee.is_some()),
            ];
            for (field, is_kept) in kept {
                let in_form = form.required.contains(&field) || form.optional.contains(&field);
                assert_eq!(is_kept, in_form, "{action:?} {field:?}");
            }
        }
    }

    #[test]
    fn waiting_for_the_citizen_pauses_the_resolve_deadline() {
        let calendar = Calendar::default();
        // Monday 2026-11-23 09:00.
        let received = at(2026, 11, 23, 9, 0);
        let d = Deadlines::start(normal(), &calendar, received);
        assert_eq!(d.accept_due, at(2026, 11, 24, 9, 30));
        let accepted = schedule(
            Status::Received,
            Action::Accept,
            d,
            normal(),
            &calendar,
            at(2026, 11, 23, 10, 0),
        )
        .expect("accept");
        assert!(accepted.deadline_changed);
        // Paused Tuesday 09:00 to Wednesday 09:00: 7.5 working hours.
        let paused = schedule(
            Status::Accepted,
            Action::AskCitizen,
            accepted.deadlines,
            normal(),
            &calendar,
            at(2026, 11, 24, 9, 0),
        )
        .expect("ask");
        assert_eq!(paused.deadlines.running(paused.to), None);
        assert!(!paused.restart_ladder, "a pause keeps the escalation level");
        let resumed = schedule(
            paused.to,
            Action::Resume,
            paused.deadlines,
            normal(),
            &calendar,
            at(2026, 11, 25, 9, 0),
        )
        .expect("resume");
        assert_eq!(
            calendar.elapsed(
                ClockKind::Working,
                d.resolve_due,
                resumed.deadlines.resolve_due
            ),
            TimeDelta::minutes(450)
        );
        assert_eq!(resumed.deadlines.paused_at, None);
        assert!(resumed.deadline_changed && !resumed.restart_ladder);
        // The allowance itself is unchanged: escalation points keep their proportions.
        assert_eq!(
            calendar.elapsed(
                ClockKind::Working,
                resumed.deadlines.origin,
                resumed.deadlines.resolve_due
            ),
            TimeDelta::minutes(3150)
        );
    }

    #[test]
    fn a_transfer_gives_the_new_unit_a_fresh_allowance() {
        let calendar = Calendar::default();
        let d = Deadlines::start(normal(), &calendar, at(2026, 11, 23, 9, 0));
        let now = at(2026, 11, 26, 14, 0);
        let p = schedule(
            Status::Received,
            Action::Transfer,
            d,
            normal(),
            &calendar,
            now,
        )
        .expect("transfer");
        assert_eq!(p.to, Status::Transferred);
        assert_eq!(p.deadlines.origin, now);
        assert!(p.deadline_changed);
        let comment = schedule(p.to, Action::Comment, p.deadlines, normal(), &calendar, now)
            .expect("comment");
        assert!(!comment.deadline_changed);
    }

    #[test]
    fn escalations_fall_at_75_100_and_150_percent() {
        let calendar = Calendar::default();
        let urgent = Allowance {
            clock: ClockKind::WallClock,
            accept: TimeDelta::minutes(40),
            resolve: TimeDelta::hours(4),
        };
        let start = at(2026, 11, 28, 22, 0); // a Saturday night: urgent clocks run 24/7
        let d = Deadlines::start(urgent, &calendar, start);
        assert_eq!(
            d.escalations(Status::Received, &calendar),
            vec![
                (1, start + TimeDelta::minutes(30)),
                (2, start + TimeDelta::minutes(40)),
                (3, start + TimeDelta::minutes(60)),
            ]
        );
        assert!(d.escalations(Status::Resolved, &calendar).is_empty());
    }

    #[test]
    fn ratings_close_or_reopen() {
        assert_eq!(after_rating(1), Ok(Status::Reopened));
        assert_eq!(after_rating(2), Ok(Status::Reopened));
        assert_eq!(after_rating(3), Ok(Status::Closed));
        assert_eq!(after_rating(5), Ok(Status::Closed));
        assert_eq!(after_rating(0), Err(Error::InvalidScore));
        assert_eq!(after_rating(6), Err(Error::InvalidScore));
        let calendar = Calendar::default();
        let now = at(2026, 11, 23, 9, 0);
        let d = Deadlines::start(normal(), &calendar, now);
        let low = schedule_rating(Status::Resolved, 2, d, normal(), &calendar, now).expect("rated");
        assert_eq!(low.to, Status::Reopened);
        assert!(low.deadlines.running(low.to).is_some());
        assert_eq!(
            schedule_rating(Status::InProgress, 5, d, normal(), &calendar, now),
            Err(Error::RatingNotAllowed)
        );
        let kept = schedule_rating(Status::Closed, 4, d, normal(), &calendar, now).expect("rated");
        assert_eq!((kept.to, kept.deadline_changed), (Status::Closed, false));
        let reopened =
            schedule_rating(Status::Closed, 1, d, normal(), &calendar, now).expect("rated");
        assert_eq!(reopened.to, Status::Reopened);
    }
}
