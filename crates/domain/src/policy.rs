//! Who may see and do what. Every access decision of the platform is made here, from the caller
//! and the row in question; handlers and queries ask, they do not decide.
//!
//! Rules: officers see and act on their unit's tickets only; unit managers also assign within the
//! unit, transfer out, reject, reopen and close; IOC operators and administrators see everything
//! and can re-route anything. The reporter's identity is for IOC operators and administrators
//! only, never the handling unit. A ticket outside the caller's reach answers `not_found`, so its
//! existence is not revealed; an action the caller's role never has answers `forbidden`.

use uuid::Uuid;

use crate::Error;
use crate::role::Role;
use crate::ticket::Action;

/// The authenticated caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub id: Uuid,
    pub role: Role,
    /// The handling unit of an officer or unit manager.
    pub unit: Option<String>,
}

/// The facts about a ticket that access depends on.
#[derive(Debug, Clone, Copy)]
pub struct TicketRef<'a> {
    pub unit: &'a str,
    pub reporter: Uuid,
}

/// May `caller` (anyone, when `None`) read statistics? City-wide figures are public; figures for
/// one commune or unit are for IOC operators and administrators.
pub fn check_statistics(caller: Option<&Actor>, per_area: bool) -> Result<(), Error> {
    match (per_area, caller) {
        (false, _) => Ok(()),
        (true, Some(a)) if a.city_wide() => Ok(()),
        (true, Some(_)) => Err(Error::Forbidden),
        (true, None) => Err(Error::MissingToken),
    }
}

/// Which tickets a caller's lists may contain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TicketScope {
    /// One unit's tickets.
    Unit(String),
    /// Every ticket in the city.
    City,
}

impl Actor {
    fn city_wide(&self) -> bool {
        matches!(self.role, Role::IocOperator | Role::Admin)
    }

    fn own_unit(&self, unit: &str) -> bool {
        matches!(self.role, Role::Officer | Role::UnitManager) && self.unit.as_deref() == Some(unit)
    }

    /// The tickets this caller may list; residents have none (they have their reports).
    pub fn ticket_scope(&self) -> Result<TicketScope, Error> {
        match (self.role, &self.unit) {
            (Role::IocOperator | Role::Admin, _) => Ok(TicketScope::City),
            (Role::Officer | Role::UnitManager, Some(unit)) => Ok(TicketScope::Unit(unit.clone())),
            _ => Err(Error::Forbidden),
        }
    }

    /// May this caller see the ticket at all? (`not_found` when not, `forbidden` for residents.)
    pub fn check_view(&self, ticket: TicketRef<'_>) -> Result<(), Error> {
        self.ticket_scope()?;
        if self.city_wide() || self.own_unit(ticket.unit) {
            Ok(())
        } else {
            Err(Error::NotFound)
        }
    }

    /// May this caller perform `action` on the ticket?
    pub fn check_action(&self, action: Action, ticket: TicketRef<'_>) -> Result<(), Error> {
        self.check_view(ticket)?;
        let allowed = match self.role {
            Role::IocOperator | Role::Admin => true,
            Role::UnitManager => true,
            Role::Officer => matches!(
                action,
                Action::Accept
                    | Action::Start
                    | Action::AskCitizen
                    | Action::Resume
                    | Action::Resolve
                    | Action::MarkDuplicate
                    | Action::Comment
            ),
            Role::Resident | Role::Client => false,
        };
        if allowed {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }

    /// "After" photos are added by whoever may resolve the ticket.
    pub fn check_resolution_photo(&self, ticket: TicketRef<'_>) -> Result<(), Error> {
        self.check_action(Action::Resolve, ticket)
    }

    /// The reporter's name, phone and email: IOC operators and administrators only.
    pub fn sees_reporter_identity(&self) -> bool {
        self.city_wide()
    }

    /// What a photo's EXIF says (position, time, camera) and its original file: evidence for the
    /// IOC, never for the handling unit or the public.
    pub fn sees_photo_evidence(&self) -> bool {
        self.city_wide()
    }

    /// Who may send `POST /reports` at all: residents, and IOC operators taking a call on the
    /// hotline (client applications post through Open311 with an API key). Asked before the
    /// submission is read; [`Actor::check_submission`] then decides on it.
    pub fn check_submit(&self) -> Result<(), Error> {
        match self.role {
            Role::Resident | Role::IocOperator => Ok(()),
            _ => Err(Error::Forbidden),
        }
    }

    /// A submission for a hotline caller (`hotline`) or for oneself: residents report for
    /// themselves, IOC operators for a caller only (`caller_required` without one).
    pub fn check_submission(&self, hotline: bool) -> Result<(), Error> {
        match (self.role, hotline) {
            (Role::Resident, false) | (Role::IocOperator, true) => Ok(()),
            (Role::IocOperator, false) => Err(Error::CallerRequired),
            _ => Err(Error::Forbidden),
        }
    }

    /// Residents' own actions (adding a photo to their report): residents only.
    pub fn check_resident(&self) -> Result<(), Error> {
        if self.role == Role::Resident {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }

    /// Whether the caller sees a report as its reporter does (with its idempotency key and its
    /// routing): the one who reported it, whatever their role now.
    pub fn sees_as_reporter(&self, reporter: Uuid) -> bool {
        self.id == reporter
    }

    /// A report's photos are added by its reporter.
    pub fn check_own_report(&self, reporter: Uuid) -> Result<(), Error> {
        if self.role == Role::Resident && self.id == reporter {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }

    /// Supporting a report ("this is it"), or withdrawing that: residents, of others' reports
    /// (their own counts already).
    pub fn check_support(&self, reporter: Uuid) -> Result<(), Error> {
        if self.role != Role::Resident {
            Err(Error::Forbidden)
        } else if self.id == reporter {
            Err(Error::OwnReport)
        } else {
            Ok(())
        }
    }

    /// Deleting one's own account: residents (staff accounts are an administrator's to
    /// disable).
    pub fn check_delete_account(&self) -> Result<(), Error> {
        if self.role == Role::Resident {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }

    /// Only the reporter rates their own report.
    pub fn check_rating(&self, reporter: Uuid) -> Result<(), Error> {
        if self.role == Role::Resident && self.id == reporter {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }

    /// Locking an account for abuse: IOC operators lock residents' accounts, administrators
    /// anyone's but their own.
    pub fn check_lock(&self, target: Uuid, target_role: Role) -> Result<(), Error> {
        match self.role {
            Role::Admin if target != self.id => Ok(()),
            Role::IocOperator if target_role == Role::Resident => Ok(()),
            _ => Err(Error::Forbidden),
        }
    }

    /// Moderation: hiding what residents published, finding any account (residents too) by
    /// login or name to lock it. IOC operators and administrators.
    pub fn check_moderate(&self) -> Result<(), Error> {
        if matches!(self.role, Role::Admin | Role::IocOperator) {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }

    /// Configuration (users, units, categories, routing, SLA policies, holidays).
    pub fn check_admin(&self) -> Result<(), Error> {
        if self.role == Role::Admin {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }

    /// Changing an account: administrators only, and never locking themselves out (disabling
    /// their own account or giving up the admin role could leave the platform without one).
    pub fn check_account_change(
        &self,
        account: Uuid,
        disable: bool,
        new_role: Option<Role>,
    ) -> Result<(), Error> {
        self.check_admin()?;
        if account == self.id && (disable || new_role.is_some_and(|r| r != Role::Admin)) {
            Err(Error::Forbidden)
        } else {
            Ok(())
        }
    }

    /// Reading a unit's response templates: its staff, and the city-wide roles.
    pub fn check_read_templates(&self, unit: &str) -> Result<(), Error> {
        if self.city_wide() || self.own_unit(unit) {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }

    /// Writing them: the unit's manager and administrators.
    pub fn check_write_templates(&self, unit: &str) -> Result<(), Error> {
        if self.role == Role::Admin
            || (self.role == Role::UnitManager && self.unit.as_deref() == Some(unit))
        {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role, unit: Option<&str>) -> Actor {
        Actor {
            id: Uuid::from_u128(1),
            role,
            unit: unit.map(str::to_owned),
        }
    }

    #[test]
    fn residents_support_others_reports_and_see_their_own_as_reporters() {
        let me = actor(Role::Resident, None);
        let other = Uuid::from_u128(9);
        assert_eq!(me.check_support(other), Ok(()));
        assert_eq!(me.check_support(me.id), Err(Error::OwnReport));
        for role in [Role::Officer, Role::IocOperator, Role::Admin] {
            assert_eq!(
                actor(role, None).check_support(other),
                Err(Error::Forbidden)
            );
        }
        assert!(me.sees_as_reporter(me.id));
        assert!(!me.sees_as_reporter(other));
    }

    #[test]
    fn officers_see_their_unit_only_and_nobody_learns_of_other_tickets() {
        let reporter = Uuid::from_u128(9);
        let ours = TicketRef {
            unit: "csgt",
            reporter,
        };
        let theirs = TicketRef {
            unit: "pccc",
            reporter,
        };
        let officer = actor(Role::Officer, Some("csgt"));
        assert_eq!(officer.check_view(ours), Ok(()));
        assert_eq!(officer.check_view(theirs), Err(Error::NotFound));
        assert_eq!(
            officer.check_action(Action::Accept, theirs),
            Err(Error::NotFound)
        );
        assert_eq!(
            officer.check_action(Action::Transfer, ours),
            Err(Error::Forbidden)
        );
        let manager = actor(Role::UnitManager, Some("csgt"));
        assert_eq!(manager.check_action(Action::Transfer, ours), Ok(()));
        assert_eq!(
            manager.check_action(Action::Transfer, theirs),
            Err(Error::NotFound)
        );
        let ioc = actor(Role::IocOperator, None);
        assert_eq!(ioc.check_action(Action::Transfer, theirs), Ok(()));
        let resident = actor(Role::Resident, None);
        assert_eq!(resident.check_view(ours), Err(Error::Forbidden));
    }

    #[test]
    fn residents_submit_and_add_photos_to_their_own_reports_only() {
        let resident = actor(Role::Resident, None);
        assert_eq!(resident.check_submit(), Ok(()));
        assert_eq!(resident.check_own_report(resident.id), Ok(()));
        assert_eq!(
            resident.check_own_report(Uuid::from_u128(2)),
            Err(Error::Forbidden)
        );
        assert_eq!(resident.check_submission(false), Ok(()));
        assert_eq!(resident.check_submission(true), Err(Error::Forbidden));
        let officer = actor(Role::Officer, Some("csgt"));
        assert_eq!(officer.check_submit(), Err(Error::Forbidden));
        assert_eq!(officer.check_submission(true), Err(Error::Forbidden));
        assert_eq!(officer.check_resident(), Err(Error::Forbidden));
        // The hotline: IOC operators report for a caller, never for themselves.
        let ioc = actor(Role::IocOperator, None);
        assert_eq!(ioc.check_submit(), Ok(()));
        assert_eq!(ioc.check_submission(true), Ok(()));
        assert_eq!(ioc.check_submission(false), Err(Error::CallerRequired));
        assert_eq!(ioc.check_resident(), Err(Error::Forbidden));
        let admin = actor(Role::Admin, None);
        assert_eq!(admin.check_submit(), Err(Error::Forbidden));
        assert_eq!(officer.check_own_report(officer.id), Err(Error::Forbidden));
    }

    #[test]
    fn only_city_wide_roles_see_who_reported() {
        for (role, unit, sees) in [
            (Role::Resident, None, false),
            (Role::Officer, Some("csgt"), false),
            (Role::UnitManager, Some("csgt"), false),
            (Role::IocOperator, None, true),
            (Role::Admin, None, true),
        ] {
            let a = actor(role, unit);
            assert_eq!(a.sees_reporter_identity(), sees, "{role:?}");
            assert_eq!(a.sees_photo_evidence(), sees, "{role:?}");
        }
    }

    #[test]
    fn administrators_cannot_lock_themselves_out() {
        let admin = actor(Role::Admin, None);
        let other = Uuid::from_u128(2);
        assert_eq!(admin.check_account_change(other, true, None), Ok(()));
        assert_eq!(
            admin.check_account_change(admin.id, false, Some(Role::Admin)),
            Ok(())
        );
        assert_eq!(
            admin.check_account_change(admin.id, true, None),
            Err(Error::Forbidden)
        );
        assert_eq!(
            admin.check_account_change(admin.id, false, Some(Role::Officer)),
            Err(Error::Forbidden)
        );
        let ioc = actor(Role::IocOperator, None);
        assert_eq!(
            ioc.check_account_change(other, false, None),
            Err(Error::Forbidden)
        );
    }

    #[test]
    fn templates_are_read_by_the_unit_and_written_by_its_manager() {
        let officer = actor(Role::Officer, Some("csgt"));
        assert_eq!(officer.check_read_templates("csgt"), Ok(()));
        assert_eq!(officer.check_write_templates("csgt"), Err(Error::Forbidden));
        let manager = actor(Role::UnitManager, Some("csgt"));
        assert_eq!(manager.check_write_templates("csgt"), Ok(()));
        assert_eq!(manager.check_write_templates("pccc"), Err(Error::Forbidden));
    }
}
