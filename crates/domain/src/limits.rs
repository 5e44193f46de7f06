//! Abuse limits: how many times one account, one login or one client address may do a thing in a
//! period. Each limit is one or more quotas ("10 an hour and 30 a day"); the storage crate keeps
//! them in PostgreSQL (so they hold across server processes) as a generic cell rate algorithm:
//! a quota of `count` per `period` lets a burst of `count` through, then one every
//! `period / count`.
//!
//! Client addresses are behind carrier-grade NAT on Vietnamese mobile networks (many residents
//! share one), so the defaults per address are generous and meant to stop scripts, not people.

use std::fmt;
use std::net::IpAddr;

/// `count` times per `period_secs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    pub count: u32,
    pub period_secs: u32,
}

impl Quota {
    pub const fn new(count: u32, period_secs: u32) -> Quota {
        Quota { count, period_secs }
    }

    /// The time one use takes from the budget, in microseconds: `period / count`.
    pub fn interval_us(self) -> i64 {
        i64::from(self.period_secs) * 1_000_000 / i64::from(self.count.max(1))
    }

    /// The whole period in microseconds (the burst is `count` uses).
    pub fn period_us(self) -> i64 {
        i64::from(self.period_secs) * 1_000_000
    }

    /// A list of quotas as settings write them: `10/h,30/d` (units `s`, `min`, `h`, `d`; a number
    /// before the unit multiplies it, as in `10/15min`). `off` is no quota at all.
    pub fn parse_list(text: &str) -> Result<Vec<Quota>, String> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("off") {
            return Ok(Vec::new());
        }
        text.split(',').map(|part| part.trim().parse()).collect()
    }
}

impl std::str::FromStr for Quota {
    type Err = String;

    fn from_str(text: &str) -> Result<Quota, String> {
        let bad = || format!("`{text}` is not a quota like 10/h, 30/d or 10/15min");
        let (count, per) = text.split_once('/').ok_or_else(bad)?;
        let count: u32 = count.trim().parse().map_err(|_| bad())?;
        let per = per.trim();
        let digits = per.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
        let times: u32 = if digits == 0 {
            1
        } else {
            per[..digits].parse().map_err(|_| bad())?
        };
        let unit = match &per[digits..] {
            "s" => 1,
            "min" => 60,
            "h" => 3600,
            "d" => 86_400,
            _ => return Err(bad()),
        };
        let period_secs = times.checked_mul(unit).ok_or_else(bad)?;
        if count == 0 || times == 0 || period_secs > 31 * 86_400 {
            return Err(bad());
        }
        Ok(Quota { count, period_secs })
    }
}

impl fmt::Display for Quota {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (times, unit) = match self.period_secs {
            s if s % 86_400 == 0 => (s / 86_400, "d"),
            s if s % 3600 == 0 => (s / 3600, "h"),
            s if s % 60 == 0 => (s / 60, "min"),
            s => (s, "s"),
        };
        if times == 1 {
            write!(f, "{}/{unit}", self.count)
        } else {
            write!(f, "{}/{times}{unit}", self.count)
        }
    }
}

/// What is limited, each its own budget; the name is the key prefix in storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limited {
    /// Reports (and Open311 postings) an account submits.
    ReportsPerAccount,
    /// Reports submitted from one client address, by any account.
    ReportsPerAddress,
    /// Accounts created from one client address.
    RegistrationsPerAddress,
    /// Login attempts on one login from one address; a success clears it. The login is taken as
    /// typed (normalised), whether or not an account has it, so that an unknown login behaves as
    /// a known one.
    LoginsPerLoginAndAddress,
    /// Login attempts from one address on any login.
    LoginsPerAddress,
    /// Open311 postings per API key.
    Open311PostsPerKey,
    /// Open311 postings with an unknown or revoked key, per address (before the key is looked up).
    Open311KeyFailuresPerAddress,
    /// Password-reset codes asked for one login (as typed, whether or not an account has it).
    PasswordResetsPerLogin,
    /// Password-reset codes asked for from one address, any login.
    PasswordResetsPerAddress,
    /// New verification codes a signed-in account asks for (the one sent at registration is
    /// not counted).
    VerificationCodesPerAccount,
    /// New verification codes asked for from one address, any account.
    VerificationCodesPerAddress,
}

impl Limited {
    pub const ALL: &'static [Limited] = &[
        Limited::ReportsPerAccount,
        Limited::ReportsPerAddress,
        Limited::RegistrationsPerAddress,
        Limited::LoginsPerLoginAndAddress,
        Limited::LoginsPerAddress,
        Limited::Open311PostsPerKey,
        Limited::Open311KeyFailuresPerAddress,
        Limited::PasswordResetsPerLogin,
        Limited::PasswordResetsPerAddress,
        Limited::VerificationCodesPerAccount,
        Limited::VerificationCodesPerAddress,
    ];

    /// The prefix of this budget's keys in storage.
    pub fn name(self) -> &'static str {
        match self {
            Limited::ReportsPerAccount => "reports/account",
            Limited::ReportsPerAddress => "reports/address",
            Limited::RegistrationsPerAddress => "registrations/address",
            Limited::LoginsPerLoginAndAddress => "logins/login+address",
            Limited::LoginsPerAddress => "logins/address",
            Limited::Open311PostsPerKey => "open311/key",
            Limited::Open311KeyFailuresPerAddress => "open311-key-failures/address",
            Limited::PasswordResetsPerLogin => "password-resets/login",
            Limited::PasswordResetsPerAddress => "password-resets/address",
            Limited::VerificationCodesPerAccount => "verification-codes/account",
            Limited::VerificationCodesPerAddress => "verification-codes/address",
        }
    }

    /// The error a client gets when this budget is spent: `account_locked` for the attempts on
    /// one login (the documented lock-out), `rate_limited` otherwise.
    pub fn refusal(self) -> crate::Error {
        match self {
            Limited::LoginsPerLoginAndAddress => crate::Error::AccountLocked,
            _ => crate::Error::RateLimited,
        }
    }

    /// The default quotas.
    pub fn default_quotas(self) -> Vec<Quota> {
        match self {
            Limited::ReportsPerAccount => vec![Quota::new(10, 3600), Quota::new(30, 86_400)],
            Limited::ReportsPerAddress => vec![Quota::new(120, 3600)],
            Limited::RegistrationsPerAddress => vec![Quota::new(20, 3600)],
            Limited::LoginsPerLoginAndAddress => vec![Quota::new(10, 900)],
            Limited::LoginsPerAddress => vec![Quota::new(300, 3600)],
            Limited::Open311PostsPerKey => vec![Quota::new(60, 60)],
            Limited::Open311KeyFailuresPerAddress => vec![Quota::new(20, 3600)],
            Limited::PasswordResetsPerLogin => vec![Quota::new(3, 3600), Quota::new(10, 86_400)],
            Limited::PasswordResetsPerAddress => vec![Quota::new(30, 3600)],
            Limited::VerificationCodesPerAccount => {
                vec![Quota::new(3, 3600), Quota::new(10, 86_400)]
            }
            Limited::VerificationCodesPerAddress => vec![Quota::new(30, 3600)],
        }
    }
}

/// The quotas of every limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits(Vec<(Limited, Vec<Quota>)>);

impl Default for Limits {
    fn default() -> Limits {
        Limits(
            Limited::ALL
                .iter()
                .map(|&l| (l, l.default_quotas()))
                .collect(),
        )
    }
}

impl Limits {
    /// No limit at all (for tests that are about something else).
    pub fn none() -> Limits {
        Limits(Limited::ALL.iter().map(|&l| (l, Vec::new())).collect())
    }

    pub fn quotas(&self, limited: Limited) -> &[Quota] {
        self.0
            .iter()
            .find(|(l, _)| *l == limited)
            .map_or(&[], |(_, q)| q.as_slice())
    }

    pub fn set(&mut self, limited: Limited, quotas: Vec<Quota>) {
        match self.0.iter_mut().find(|(l, _)| *l == limited) {
            Some(entry) => entry.1 = quotas,
            None => self.0.push((limited, quotas)),
        }
    }
}

/// One budget a use takes from: the limit, its quotas, and whose budget it is (an account id, a
/// login and address, an address key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    pub limited: Limited,
    pub quotas: Vec<Quota>,
    pub subject: String,
}

impl Limits {
    /// `subject`'s budget of `limited` under these quotas.
    pub fn budget(&self, limited: Limited, subject: impl Into<String>) -> Budget {
        Budget {
            limited,
            quotas: self.quotas(limited).to_vec(),
            subject: subject.into(),
        }
    }
}

/// The key of a client address in per-address budgets: an IPv4 address as it is, an IPv6 address
/// by its /64 network (one subscriber gets a whole /64, and would otherwise have 2^64 budgets).
pub fn address_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotas_read_as_settings_write_them() {
        assert_eq!(
            Quota::parse_list("10/h, 30/d").expect("valid"),
            vec![Quota::new(10, 3600), Quota::new(30, 86_400)]
        );
        assert_eq!(
            Quota::parse_list("10/15min").expect("valid"),
            vec![Quota::new(10, 900)]
        );
        assert_eq!(Quota::parse_list("OFF").expect("valid"), vec![]);
        for bad in [
            "", "10", "0/h", "10/", "10/week", "10/0h", "x/h", "10/h,", "5/40d",
        ] {
            assert!(Quota::parse_list(bad).is_err(), "{bad}");
        }
        for quota in [Quota::new(10, 900), Quota::new(3, 7200), Quota::new(1, 45)] {
            assert_eq!(quota.to_string().parse::<Quota>().expect("valid"), quota);
        }
        assert_eq!(Quota::new(10, 3600).interval_us(), 360_000_000);
    }

    #[test]
    fn an_ipv6_subscriber_is_one_address_a_mapped_ipv4_is_the_ipv4() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().expect("valid");
        let b: IpAddr = "2001:db8:1:2:bbbb::2".parse().expect("valid");
        let c: IpAddr = "2001:db8:1:3::1".parse().expect("valid");
        assert_eq!(address_key(a), address_key(b));
        assert_ne!(address_key(a), address_key(c));
        assert_eq!(
            address_key("::ffff:10.1.2.3".parse().expect("valid")),
            "10.1.2.3"
        );
        assert_eq!(address_key("10.1.2.3".parse().expect("valid")), "10.1.2.3");
    }

    #[test]
    fn every_limit_has_a_distinct_name_and_a_default() {
        let names: std::collections::HashSet<_> = Limited::ALL.iter().map(|l| l.name()).collect();
        assert_eq!(names.len(), Limited::ALL.len());
        let limits = Limits::default();
        assert!(Limited::ALL.iter().all(|&l| !limits.quotas(l).is_empty()));
        assert!(
            Limited::ALL
                .iter()
                .all(|&l| Limits::none().quotas(l).is_empty())
        );
    }
}
