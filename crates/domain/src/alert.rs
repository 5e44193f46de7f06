//! Area alerts (FixMyStreet's): a resident is told of new public reports in a commune, or within
//! a radius of a point, optionally of some categories only, in one digest per alert and period
//! (urgent categories at once), never of their own reports, never of one report twice.

use serde::{Deserialize, Serialize};

use crate::Error;
use crate::report::Position;

/// A point alert's radius: at least this, at most [`MAX_RADIUS_M`].
pub const MIN_RADIUS_M: i32 = 50;
pub const MAX_RADIUS_M: i32 = 2000;
/// Alerts one account may keep.
pub const MAX_ALERTS: i64 = 20;

/// Where an alert looks.
#[derive(Debug, Clone, PartialEq)]
pub enum Area {
    /// A commune or ward, by its code.
    Commune(String),
    /// Within `radius_m` of a point.
    Circle { center: Position, radius_m: i32 },
}

/// How often an alert's digest goes: hourly by default, or daily.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Digest {
    #[default]
    Hourly,
    Daily,
}

impl Digest {
    pub fn minutes(self) -> i32 {
        match self {
            Digest::Hourly => 60,
            Digest::Daily => 1440,
        }
    }

    pub fn from_minutes(minutes: i32) -> Digest {
        if minutes >= 1440 {
            Digest::Daily
        } else {
            Digest::Hourly
        }
    }
}

/// An alert as asked for, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAlert {
    pub area: Area,
    /// Empty: every category.
    pub categories: Vec<String>,
    pub digest: Digest,
}

impl NewAlert {
    /// A commune, or a point with a radius from [`MIN_RADIUS_M`] to [`MAX_RADIUS_M`]: one of the
    /// two (`invalid_alert`); at most 20 distinct categories.
    pub fn new(
        commune: Option<String>,
        point: Option<(f64, f64)>,
        radius_m: Option<i32>,
        categories: Vec<String>,
        digest: Digest,
    ) -> Result<NewAlert, Error> {
        let area = match (commune, point, radius_m) {
            (Some(code), None, None) if !code.trim().is_empty() && code.len() <= 20 => {
                Area::Commune(code.trim().to_owned())
            }
            (None, Some((lat, lon)), Some(radius_m))
                if (MIN_RADIUS_M..=MAX_RADIUS_M).contains(&radius_m) =>
            {
                Area::Circle {
                    center: Position::new(lat, lon).map_err(|_| Error::InvalidAlert)?,
                    radius_m,
                }
            }
            _ => return Err(Error::InvalidAlert),
        };
        let mut categories: Vec<String> = categories
            .into_iter()
            .map(|c| c.trim().to_owned())
            .collect();
        categories.sort();
        categories.dedup();
        if categories.len() > 20 || categories.iter().any(|c| c.is_empty() || c.len() > 50) {
            return Err(Error::InvalidAlert);
        }
        Ok(NewAlert {
            area,
            categories,
            digest,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alert_is_a_commune_or_a_circle_of_at_most_two_kilometres() {
        let ok = NewAlert::new(Some("19753".into()), None, None, vec![], Digest::Hourly)
            .expect("commune");
        assert_eq!(ok.area, Area::Commune("19753".into()));
        let circle = NewAlert::new(
            None,
            Some((16.47, 107.58)),
            Some(2000),
            vec!["flooding".into(), " flooding".into(), "fire".into()],
            Digest::Daily,
        )
        .expect("circle");
        assert_eq!(circle.categories, ["fire", "flooding"]);
        for (commune, point, radius) in [
            (None, None, None),
            (Some("19753".to_owned()), Some((16.47, 107.58)), Some(500)),
            (None, Some((16.47, 107.58)), None),
            (None, None, Some(500)),
            (None, Some((16.47, 107.58)), Some(2001)),
            (None, Some((16.47, 107.58)), Some(10)),
            (None, Some((96.0, 107.58)), Some(500)),
            (None, Some((f64::NAN, 107.58)), Some(500)),
            (Some(" ".to_owned()), None, None),
        ] {
            assert_eq!(
                NewAlert::new(commune.clone(), point, radius, vec![], Digest::Hourly),
                Err(Error::InvalidAlert),
                "{commune:?} {point:?} {radius:?}"
            );
        }
        assert_eq!(
            NewAlert::new(
                Some("1".into()),
                None,
                None,
                vec![String::new()],
                Digest::Hourly
            ),
            Err(Error::InvalidAlert)
        );
    }

    #[test]
    fn digests_are_hourly_unless_daily() {
        assert_eq!(Digest::default().minutes(), 60);
        assert_eq!(Digest::from_minutes(1440), Digest::Daily);
        assert_eq!(Digest::from_minutes(60), Digest::Hourly);
    }
}
