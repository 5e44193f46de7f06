//! Who a user is to the platform.

use serde::{Deserialize, Serialize};

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Resident,
    Officer,
    UnitManager,
    IocOperator,
    Admin,
    /// A client application's account (Open311): the reporter of record of the reports the
    /// application posts. It never logs in and is managed through its API key, not as a user, so
    /// no token or request ever names it (and the API's document does not list it).
    #[serde(skip_deserializing)]
    Client,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Resident => "resident",
            Role::Officer => "officer",
            Role::UnitManager => "unit_manager",
            Role::IocOperator => "ioc_operator",
            Role::Admin => "admin",
            Role::Client => "client",
        }
    }

    /// Officers and unit managers belong to exactly one handling unit; other roles to none.
    pub fn check_unit(self, unit: Option<&str>) -> Result<(), crate::Error> {
        let needs_unit = matches!(self, Role::Officer | Role::UnitManager);
        if needs_unit == unit.is_some() {
            Ok(())
        } else {
            Err(crate::Error::UnitRequired)
        }
    }

    /// A role an administrator may give a user account: any but `client` (client accounts come
    /// with API keys only).
    pub fn parse_assignable(s: &str) -> Option<Role> {
        Role::parse(s).filter(|r| *r != Role::Client)
    }

    pub fn parse(s: &str) -> Option<Role> {
        [
            Role::Resident,
            Role::Officer,
            Role::UnitManager,
            Role::IocOperator,
            Role::Admin,
            Role::Client,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }
}
