//! `/api/v1/admin`: what administrators maintain, a resource per module and a handler per file.
//! Every use case they call starts with the policy's `check_admin`.

pub mod api_keys;
pub mod categories;
pub mod holidays;
pub mod populations;
pub mod routing_rules;
pub mod sla_policies;
pub mod units;
pub mod users;
