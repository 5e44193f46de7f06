//! `/api/v1/admin`: what administrators maintain, a resource per module and a handler per file.
//! Every use case they call starts with the policy's check (`check_admin`; `check_moderate` for
//! moderation: hiding content, finding and locking accounts, which IOC operators do too).

pub mod api_keys;
pub mod audit;
pub mod categories;
pub mod holidays;
pub mod populations;
pub mod reports;
pub mod routing_rules;
pub mod sla_policies;
pub mod units;
pub mod users;

use crate::handlers::errors::errors;

// A moderator's action with its reason (locking an account, hiding a text or a photo).
errors!(
    ModerationErrors = [
        TOKEN,
        &[Forbidden],
        PATH,
        BODY,
        &[NoteRequired, TextTooLong],
        SERVER
    ]
);
