//! Logins (an email address, a Vietnamese mobile number or a staff user name, in one canonical
//! form), the password and name rules, and the checks of a new account.

use crate::Error;
use crate::role::Role;

/// A validated, canonical login: lower-case email, or a mobile number as `+84` and nine digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Login {
    Email(String),
    Phone(String),
    /// Staff only: a user name such as `canbo.phuduc`, created by an administrator.
    Username(String),
}

impl Login {
    /// Parses what a person typed. Phone numbers may be written `0905 123 456`, `+84905123456`,
    /// `84-905-123-456`; all become `+84905123456`.
    pub fn parse(raw: &str) -> Result<Login, Error> {
        let s = raw.trim();
        if s.contains('@') {
            return parse_email(s).map(Login::Email);
        }
        parse_vn_mobile(s).map(Login::Phone)
    }

    /// Parses a staff login (and what anyone types at the login form): an email, a mobile number, or a user name of 3 to 64 characters
    /// (lower-case letters, digits, `.`, `_`, `-`, starting with a letter).
    pub fn parse_staff(raw: &str) -> Result<Login, Error> {
        let s = raw.trim().to_lowercase();
        let username = s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && (3..=64).contains(&s.len())
            && s.chars().all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-')
            });
        if username {
            Ok(Login::Username(s))
        } else {
            Login::parse(raw)
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Login::Email(s) | Login::Phone(s) | Login::Username(s) => s,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Login::Email(_) => "email",
            Login::Phone(_) => "phone",
            Login::Username(_) => "username",
        }
    }
}

fn parse_email(s: &str) -> Result<String, Error> {
    let lower = s.to_lowercase();
    let (local, domain) = lower.rsplit_once('@').ok_or(Error::InvalidLogin)?;
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.contains('@')
        && local.chars().all(|c| c.is_ascii_graphic());
    if domain_ok && local_ok && lower.len() <= 254 {
        Ok(lower)
    } else {
        Err(Error::InvalidLogin)
    }
}

/// Vietnamese mobile numbers have ten digits starting with 0 and a network prefix of 3, 5, 7, 8
/// or 9 (the 2018 numbering plan); internationally `+84` replaces the 0.
fn parse_vn_mobile(s: &str) -> Result<String, Error> {
    let compact: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')'))
        .collect();
    let national = if let Some(rest) = compact.strip_prefix("+84") {
        rest
    } else if let Some(rest) = compact.strip_prefix("84").filter(|r| r.len() == 9) {
        rest
    } else if let Some(rest) = compact.strip_prefix('0') {
        rest
    } else {
        return Err(Error::InvalidLogin);
    };
    let valid = national.len() == 9
        && national.chars().all(|c| c.is_ascii_digit())
        && matches!(national.as_bytes()[0], b'3' | b'5' | b'7' | b'8' | b'9');
    if valid {
        Ok(format!("+84{national}"))
    } else {
        Err(Error::InvalidLogin)
    }
}

/// A Vietnamese telephone number as a caller gives it: a mobile number (as [`Login::parse`] reads
/// them) or a landline (`02x` and 8 more digits, the 2017 area codes), in `+84` form.
pub fn parse_vn_phone(raw: &str) -> Result<String, Error> {
    let s = raw.trim();
    if let Ok(mobile) = parse_vn_mobile(s) {
        return Ok(mobile);
    }
    let compact: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')'))
        .collect();
    let national = compact
        .strip_prefix("+84")
        .or_else(|| compact.strip_prefix('0'))
        .ok_or(Error::InvalidLogin)?;
    let landline = national.len() == 10
        && national.starts_with('2')
        && national.chars().all(|c| c.is_ascii_digit());
    if landline {
        Ok(format!("+84{national}"))
    } else {
        Err(Error::InvalidLogin)
    }
}

/// Password rule: 8 to 128 characters. Length is what resists guessing; composition rules mostly
/// produce predictable passwords.
pub fn check_password(password: &str) -> Result<(), Error> {
    let n = password.chars().count();
    if (8..=128).contains(&n) {
        Ok(())
    } else {
        Err(Error::WeakPassword)
    }
}

/// A person's name as they want it shown: cleaned, 1 to 100 characters.
pub fn clean_full_name(raw: &str) -> Result<String, Error> {
    let name = crate::text::clean(raw).replace(['\n', '\t'], " ");
    let n = crate::text::char_len(&name);
    if n == 0 || n > 100 {
        Err(Error::InvalidFullName)
    } else {
        Ok(name)
    }
}

/// What an account is asked to be made with, before any of it is checked.
#[derive(Debug, Clone, Copy)]
pub struct NewAccount<'a> {
    pub login: &'a str,
    pub full_name: &'a str,
    pub password: &'a str,
}

/// An account whose login, name, password, role and unit passed the rules: what is stored (with
/// the password's hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAccount {
    pub login: Login,
    pub full_name: String,
    pub role: Role,
    pub unit: Option<String>,
}

impl NewAccount<'_> {
    /// A resident's own account (registration): an email or a mobile number, never a user name.
    /// Checked in this order, the first failure answered: login, password, name.
    pub fn resident(self) -> Result<ValidAccount, Error> {
        let login = Login::parse(self.login)?;
        check_password(self.password)?;
        let full_name = clean_full_name(self.full_name)?;
        Ok(ValidAccount {
            login,
            full_name,
            role: Role::Resident,
            unit: None,
        })
    }

    /// An account an administrator makes (in the API or on the command line): any login form,
    /// any role but `client` (`role` as given, trimmed), a unit exactly when the role has one.
    /// Checked in this order, the first failure answered: login, name, password, role, unit.
    pub fn staff(self, role: &str, unit: Option<&str>) -> Result<ValidAccount, Error> {
        let login = Login::parse_staff(self.login)?;
        let full_name = clean_full_name(self.full_name)?;
        check_password(self.password)?;
        let role = Role::parse_assignable(role.trim()).ok_or(Error::UnknownRole)?;
        role.check_unit(unit)?;
        Ok(ValidAccount {
            login,
            full_name,
            role,
            unit: unit.map(str::to_owned),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_may_use_user_names_residents_may_not() {
        assert_eq!(
            Login::parse_staff(" CanBo.PhuDuc "),
            Ok(Login::Username("canbo.phuduc".into()))
        );
        assert_eq!(
            Login::parse_staff("0905 123 456"),
            Ok(Login::Phone("+84905123456".into()))
        );
        assert_eq!(Login::parse_staff("a b"), Err(Error::InvalidLogin));
        assert_eq!(Login::parse("canbo.phuduc"), Err(Error::InvalidLogin));
    }

    #[test]
    fn phones_in_every_common_spelling_become_one_form() {
        for raw in [
            "0905123456",
            "0905 123 456",
            "+84905123456",
            "84905123456",
            "090-512-3456",
        ] {
            assert_eq!(
                Login::parse(raw),
                Ok(Login::Phone("+84905123456".into())),
                "{raw}"
            );
        }
    }

    #[test]
    fn bad_phones_and_emails_are_refused() {
        for raw in [
            "0123456789",
            "090512345",
            "09051234567",
            "abc",
            "",
            "a@b",
            "@x.vn",
            "a@.vn",
            "a b@x.vn",
        ] {
            assert_eq!(Login::parse(raw), Err(Error::InvalidLogin), "{raw}");
        }
    }

    #[test]
    fn emails_are_lower_cased() {
        assert_eq!(
            Login::parse(" Lan.Nguyen@Example.VN "),
            Ok(Login::Email("lan.nguyen@example.vn".into()))
        );
    }

    fn account<'a>(login: &'a str, full_name: &'a str, password: &'a str) -> NewAccount<'a> {
        NewAccount {
            login,
            full_name,
            password,
        }
    }

    #[test]
    fn a_resident_account_is_checked_login_then_password_then_name() {
        assert_eq!(
            account(" Lan@Example.VN ", " Nguyễn Thị Lan ", "đủ dài rồi").resident(),
            Ok(ValidAccount {
                login: Login::Email("lan@example.vn".into()),
                full_name: "Nguyễn Thị Lan".into(),
                role: Role::Resident,
                unit: None,
            })
        );
        for (login, name, password, first) in [
            ("canbo.phuduc", "Lan", "đủ dài rồi", Error::InvalidLogin),
            ("bad", " ", "short", Error::InvalidLogin),
            ("0905123456", " ", "short", Error::WeakPassword),
            ("0905123456", " ", "đủ dài rồi", Error::InvalidFullName),
        ] {
            assert_eq!(
                account(login, name, password).resident(),
                Err(first),
                "{login} {name} {password}"
            );
        }
    }

    #[test]
    fn a_staff_account_is_checked_login_name_password_role_then_unit() {
        let ok = account(" CanBo.PhuDuc ", "Cán bộ", "đủ dài rồi");
        assert_eq!(
            ok.staff(" officer ", Some("csgt")),
            Ok(ValidAccount {
                login: Login::Username("canbo.phuduc".into()),
                full_name: "Cán bộ".into(),
                role: Role::Officer,
                unit: Some("csgt".into()),
            })
        );
        assert_eq!(
            ok.staff("admin", None).map(|a| (a.role, a.unit)),
            Ok((Role::Admin, None))
        );
        // A name and a password that pass, and a unit.
        let (n, p, u) = ("Cán bộ", "đủ dài rồi", Some("csgt"));
        for (login, name, password, role, unit, first) in [
            ("a b", " ", "short", "chief", u, Error::InvalidLogin),
            ("canbo", " ", "short", "chief", u, Error::InvalidFullName),
            ("canbo", n, "short", "chief", u, Error::WeakPassword),
            ("canbo", n, p, "chief", u, Error::UnknownRole),
            ("canbo", n, p, "client", None, Error::UnknownRole),
            ("canbo", n, p, "officer", None, Error::UnitRequired),
            ("canbo", n, p, "admin", u, Error::UnitRequired),
        ] {
            assert_eq!(
                account(login, name, password).staff(role, unit),
                Err(first),
                "{login} {name} {password} {role} {unit:?}"
            );
        }
    }

    #[test]
    fn password_and_name_rules() {
        assert_eq!(check_password("short"), Err(Error::WeakPassword));
        assert!(check_password("đủ dài rồi").is_ok());
        assert_eq!(clean_full_name("   "), Err(Error::InvalidFullName));
        assert_eq!(
            clean_full_name(" Nguyễn\nThị Lan "),
            Ok("Nguyễn Thị Lan".into())
        );
    }

    #[test]
    fn callers_phones_are_mobiles_or_landlines() {
        assert_eq!(parse_vn_phone("0905 123 456"), Ok("+84905123456".into()));
        assert_eq!(parse_vn_phone("0234 3822 123"), Ok("+842343822123".into()));
        assert_eq!(
            parse_vn_phone("+84 234 3822123"),
            Ok("+842343822123".into())
        );
        assert_eq!(parse_vn_phone("0234 382"), Err(Error::InvalidLogin));
        assert_eq!(parse_vn_phone("1900 1234"), Err(Error::InvalidLogin));
        assert_eq!(parse_vn_phone(""), Err(Error::InvalidLogin));
    }
}
