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
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Resident => "resident",
            Role::Officer => "officer",
            Role::UnitManager => "unit_manager",
            Role::IocOperator => "ioc_operator",
            Role::Admin => "admin",
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

    pub fn parse(s: &str) -> Option<Role> {
        [
            Role::Resident,
            Role::Officer,
            Role::UnitManager,
            Role::IocOperator,
            Role::Admin,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }
}
