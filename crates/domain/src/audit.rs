//! The audit log's vocabulary: which staff actions are recorded, under which stable names.
//!
//! Every staff action that changes the platform's set-up or an account, or that reveals personal
//! data, is one row of the audit log (docs/api.md lists them). Ticket actions are not here: their
//! events are their audit trail.

use std::fmt;

/// A recorded action, named `<object>.<verb>` in the log and its filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// An administrator made an account (its role and unit in the detail).
    UserCreate,
    /// An administrator changed an account's role, unit or state (before and after).
    UserUpdate,
    UserLock,
    UserUnlock,
    /// A handling unit made or changed (its email address among the rest).
    UnitPut,
    CategoryPut,
    RoutingRuleAdd,
    RoutingRuleEnd,
    SlaPolicyPut,
    HolidayPut,
    HolidayDelete,
    PopulationPut,
    ApiKeyCreate,
    ApiKeyRevoke,
    /// A moderator hid a report's text or photo from the public.
    ReportHide,
    ReportUnhide,
    /// Tickets downloaded with their reporters' names and logins.
    TicketExportIdentity,
    /// A ticket read with its reporter's identity.
    TicketViewIdentity,
    /// A photo's evidence record (uploader, metadata) read.
    PhotoEvidence,
    /// A photo's original file downloaded, metadata included.
    PhotoOriginal,
}

impl Action {
    pub const ALL: [Action; 20] = [
        Action::UserCreate,
        Action::UserUpdate,
        Action::UserLock,
        Action::UserUnlock,
        Action::UnitPut,
        Action::CategoryPut,
        Action::RoutingRuleAdd,
        Action::RoutingRuleEnd,
        Action::SlaPolicyPut,
        Action::HolidayPut,
        Action::HolidayDelete,
        Action::PopulationPut,
        Action::ApiKeyCreate,
        Action::ApiKeyRevoke,
        Action::ReportHide,
        Action::ReportUnhide,
        Action::TicketExportIdentity,
        Action::TicketViewIdentity,
        Action::PhotoEvidence,
        Action::PhotoOriginal,
    ];

    /// The stable name, as stored and filtered on.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::UserCreate => "user.create",
            Action::UserUpdate => "user.update",
            Action::UserLock => "user.lock",
            Action::UserUnlock => "user.unlock",
            Action::UnitPut => "unit.put",
            Action::CategoryPut => "category.put",
            Action::RoutingRuleAdd => "routing_rule.add",
            Action::RoutingRuleEnd => "routing_rule.end",
            Action::SlaPolicyPut => "sla_policy.put",
            Action::HolidayPut => "holiday.put",
            Action::HolidayDelete => "holiday.delete",
            Action::PopulationPut => "population.put",
            Action::ApiKeyCreate => "api_key.create",
            Action::ApiKeyRevoke => "api_key.revoke",
            Action::ReportHide => "report.hide",
            Action::ReportUnhide => "report.unhide",
            Action::TicketExportIdentity => "ticket.export_identity",
            Action::TicketViewIdentity => "ticket.view_identity",
            Action::PhotoEvidence => "photo.evidence",
            Action::PhotoOriginal => "photo.original",
        }
    }

    pub fn parse(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == name)
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_parse_back() {
        let mut names: Vec<_> = Action::ALL.iter().map(|a| a.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::ALL.len());
        for a in Action::ALL {
            assert_eq!(Action::parse(a.as_str()), Some(a));
            // The log's CHECK constraint: `<object>.<verb>` in lower case.
            let (object, verb) = a.as_str().split_once('.').expect("a dot");
            assert!(!object.is_empty() && !verb.is_empty());
            assert!(
                a.as_str()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.')
            );
        }
        assert_eq!(Action::parse("user.delete"), None);
    }
}
