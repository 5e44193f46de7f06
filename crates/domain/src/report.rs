//! A resident's report as submitted, validated into what may be stored.

use serde::{Deserialize, Serialize};

use crate::{Error, text};

pub const DESCRIPTION_MAX_CHARS: usize = 4000;
pub const ADDRESS_MAX_CHARS: usize = 500;

/// A WGS84 position. Constructed only through [`Position::new`], so it is always in range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Position {
    lat: f64,
    lon: f64,
}

impl Position {
    pub fn new(lat: f64, lon: f64) -> Result<Position, Error> {
        let ok = lat.is_finite()
            && lon.is_finite()
            && (-90.0..=90.0).contains(&lat)
            && (-180.0..=180.0).contains(&lon);
        if ok {
            Ok(Position { lat, lon })
        } else {
            Err(Error::InvalidCoordinates)
        }
    }

    pub fn lat(self) -> f64 {
        self.lat
    }

    pub fn lon(self) -> f64 {
        self.lon
    }
}

/// What the phone sends, before validation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportSubmission {
    pub category: String,
    pub description: String,
    pub lat: f64,
    pub lon: f64,
    #[serde(default)]
    pub address: Option<String>,
}

/// Whether `s` has the shape of a category code (`^[a-z][a-z0-9_]{1,63}$`, as the database
/// enforces). Anything else cannot name a category, and is refused before it reaches a query.
pub fn is_code(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && (2..=64).contains(&s.len())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Whether `s` has the shape of a commune code (five digits).
pub fn is_commune_code(s: &str) -> bool {
    s.len() == 5 && s.chars().all(|c| c.is_ascii_digit())
}

/// A submission that passed every check that needs no database.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValidReport {
    pub category: String,
    pub description: String,
    pub position: Position,
    pub address: Option<String>,
}

impl ReportSubmission {
    pub fn validate(&self) -> Result<ValidReport, Error> {
        let position = Position::new(self.lat, self.lon)?;
        let description = text::clean(&self.description);
        if description.is_empty() {
            return Err(Error::DescriptionEmpty);
        }
        if text::char_len(&description) > DESCRIPTION_MAX_CHARS {
            return Err(Error::DescriptionTooLong);
        }
        let address = match self.address.as_deref().map(text::clean) {
            Some(a) if a.is_empty() => None,
            Some(a) if text::char_len(&a) > ADDRESS_MAX_CHARS => return Err(Error::AddressTooLong),
            other => other,
        };
        let category = self.category.trim().to_ascii_lowercase();
        if !is_code(&category) {
            return Err(Error::UnknownCategory);
        }
        Ok(ValidReport {
            category,
            description,
            position,
            address,
        })
    }
}

impl ValidReport {
    /// A fingerprint of the submission's meaning, to tell a retry (same key, same content) from a
    /// reuse of an idempotency key for something else. Computed on the validated, normalised form
    /// so that insignificant differences (NFC vs NFD, spacing) still count as the same report.
    pub fn fingerprint(&self) -> String {
        format!(
            "{}\u{1f}{}\u{1f}{:.7}\u{1f}{:.7}\u{1f}{}",
            self.category,
            self.description,
            self.position.lat,
            self.position.lon,
            self.address.as_deref().unwrap_or("")
        )
    }
}

/// The lifecycle states of a report/ticket. The transitions belong to the ticket workflow; intake
/// creates reports in `Received`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Received,
    Accepted,
    InProgress,
    WaitingForCitizen,
    Transferred,
    Resolved,
    Closed,
    Rejected,
    Duplicate,
    Reopened,
}

impl Status {
    pub const ALL: &'static [Status] = &[
        Status::Received,
        Status::Accepted,
        Status::InProgress,
        Status::WaitingForCitizen,
        Status::Transferred,
        Status::Resolved,
        Status::Closed,
        Status::Rejected,
        Status::Duplicate,
        Status::Reopened,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Received => "received",
            Status::Accepted => "accepted",
            Status::InProgress => "in_progress",
            Status::WaitingForCitizen => "waiting_for_citizen",
            Status::Transferred => "transferred",
            Status::Resolved => "resolved",
            Status::Closed => "closed",
            Status::Rejected => "rejected",
            Status::Duplicate => "duplicate",
            Status::Reopened => "reopened",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.iter().copied().find(|st| st.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn submission(description: &str) -> ReportSubmission {
        ReportSubmission {
            category: " Flooding ".into(),
            description: description.into(),
            lat: 16.4698,
            lon: 107.5786,
            address: Some("  ".into()),
        }
    }

    #[test]
    fn valid_submission_is_normalised() {
        let v = submission("  Ngập sâu 40cm trước cổng trường  ")
            .validate()
            .expect("valid");
        assert_eq!(v.category, "flooding");
        assert_eq!(v.description, "Ngập sâu 40cm trước cổng trường");
        assert_eq!(v.address, None);
    }

    #[test]
    fn description_limits_count_characters_after_nfc() {
        assert_eq!(submission(" \n ").validate(), Err(Error::DescriptionEmpty));
        // 4000 "ế" typed decomposed are 12000 code points but 4000 characters after NFC.
        let decomposed = "e\u{0302}\u{0301}".repeat(DESCRIPTION_MAX_CHARS);
        assert!(submission(&decomposed).validate().is_ok());
        let too_long = "ế".repeat(DESCRIPTION_MAX_CHARS + 1);
        assert_eq!(
            submission(&too_long).validate(),
            Err(Error::DescriptionTooLong)
        );
    }

    #[test]
    fn coordinates_must_be_finite_and_in_range() {
        for (lat, lon) in [
            (91.0, 0.0),
            (0.0, 180.5),
            (f64::NAN, 0.0),
            (0.0, f64::INFINITY),
        ] {
            assert_eq!(Position::new(lat, lon), Err(Error::InvalidCoordinates));
        }
        assert!(Position::new(-90.0, 180.0).is_ok());
    }

    #[test]
    fn fingerprint_ignores_normalisation_differences() {
        let a = submission("Huế").validate().expect("valid");
        let b = submission("Hue\u{0302}\u{0301} ")
            .validate()
            .expect("valid");
        assert_eq!(a.fingerprint(), b.fingerprint());
        let c = submission("Huế!").validate().expect("valid");
        assert_ne!(a.fingerprint(), c.fingerprint());
    }

    #[test]
    fn status_round_trips() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(*s));
        }
    }
}
