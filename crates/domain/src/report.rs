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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportSubmission {
    /// A code from `GET /api/v1/categories`.
    #[cfg_attr(feature = "openapi", schema(example = "flooding"))]
    pub category: String,
    /// 1 to 4000 characters after Unicode NFC normalisation; control characters are removed.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 4000))]
    pub description: String,
    /// WGS84 latitude. May be omitted (with `lon`) when a photo with a GPS position comes with
    /// the report.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = -90.0, maximum = 90.0, example = 16.4698))]
    pub lat: Option<f64>,
    /// WGS84 longitude.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = -180.0, maximum = 180.0, example = 107.5786))]
    pub lon: Option<f64>,
    /// At most 500 characters.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub address: Option<String>,
    /// Where `lat`/`lon` came from: `device` (the default: the phone's GPS or a pin the resident
    /// placed) or `photo` (the app read them from a photo's EXIF before scaling it down, which
    /// drops the metadata). Ignored without `lat`/`lon`.
    #[serde(default)]
    pub location_source: Option<LocationSource>,
    /// How the report came in: `app` (the default) or `web` (the residents' web app says so).
    /// `open311` and `hotline` are the server's to set.
    #[serde(default)]
    pub channel: Option<ClientChannel>,
    /// A report an IOC operator takes on the hotline, for the caller: required from them, refused
    /// (`403 forbidden`) from anyone else. The report's channel is then `hotline`.
    #[serde(default)]
    pub caller: Option<Caller>,
}

/// Who called the hotline: kept as the report's contact, seen only by those who may know who
/// reported.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Caller {
    /// 1 to 100 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    pub name: String,
    /// A Vietnamese mobile or landline number; kept in `+84` form.
    #[cfg_attr(feature = "openapi", schema(example = "0234 3822 123"))]
    pub phone: String,
}

impl Caller {
    /// The caller checked and normalised (`invalid_caller` otherwise).
    fn validate(&self) -> Result<Caller, Error> {
        let name = text::clean(&self.name);
        if name.is_empty() || text::char_len(&name) > 100 {
            return Err(Error::InvalidCaller);
        }
        let phone = crate::login::parse_vn_phone(&self.phone).map_err(|_| Error::InvalidCaller)?;
        Ok(Caller { name, phone })
    }
}

/// The channels a client names for itself.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClientChannel {
    App,
    Web,
}

/// How a report came in, for the statistics by channel.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// A phone app through the residents' API.
    App,
    /// The residents' web app.
    Web,
    /// A client application through Open311.
    Open311,
    /// A call to the hotline, entered by an IOC operator.
    Hotline,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::App,
        Channel::Web,
        Channel::Open311,
        Channel::Hotline,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::App => "app",
            Channel::Web => "web",
            Channel::Open311 => "open311",
            Channel::Hotline => "hotline",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// Where a report's position came from.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LocationSource {
    /// The phone's GPS, or a pin the resident placed.
    Device,
    /// A photo's EXIF position: read by the server from the first photo when the report had no
    /// position, or by the app (which says so) before it scaled the photo down.
    Photo,
}

impl LocationSource {
    pub fn as_str(self) -> &'static str {
        match self {
            LocationSource::Device => "device",
            LocationSource::Photo => "photo",
        }
    }
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
    pub location_source: LocationSource,
    pub address: Option<String>,
    pub channel: Channel,
    /// The hotline's caller (the channel is then `hotline`).
    pub caller: Option<Caller>,
}

impl ReportSubmission {
    /// Validates a submission that must carry its own position.
    pub fn validate(&self) -> Result<ValidReport, Error> {
        self.validate_with(None)
    }

    /// Validates a submission; when it has no position, `photo_position` (the first GPS position
    /// found in its photos) is used instead.
    pub fn validate_with(&self, photo_position: Option<(f64, f64)>) -> Result<ValidReport, Error> {
        let (position, location_source) = match (self.lat, self.lon, photo_position) {
            (Some(lat), Some(lon), _) => (
                Position::new(lat, lon)?,
                self.location_source.unwrap_or(LocationSource::Device),
            ),
            (None, None, Some((lat, lon))) => (Position::new(lat, lon)?, LocationSource::Photo),
            (Some(_), None, _) | (None, Some(_), _) => return Err(Error::InvalidCoordinates),
            (None, None, None) => return Err(Error::LocationRequired),
        };
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
        let caller = self.caller.as_ref().map(Caller::validate).transpose()?;
        let channel = match (&caller, self.channel) {
            (Some(_), _) => Channel::Hotline,
            (None, Some(ClientChannel::Web)) => Channel::Web,
            (None, _) => Channel::App,
        };
        Ok(ValidReport {
            category,
            description,
            position,
            location_source,
            address,
            channel,
            caller,
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

    /// Its name for people in Vietnamese, as the apps show it (web/src/common/strings.ts), for
    /// what the server writes for people itself (feeds).
    pub fn label_vi(self) -> &'static str {
        match self {
            Status::Received => "Mới tiếp nhận",
            Status::Accepted => "Đã nhận xử lý",
            Status::InProgress => "Đang xử lý",
            Status::WaitingForCitizen => "Chờ người dân",
            Status::Transferred => "Đã chuyển",
            Status::Resolved => "Đã xử lý",
            Status::Closed => "Đã đóng",
            Status::Rejected => "Từ chối",
            Status::Duplicate => "Trùng lặp",
            Status::Reopened => "Mở lại",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn submission(description: &str) -> ReportSubmission {
        ReportSubmission {
            category: " Flooding ".into(),
            description: description.into(),
            lat: Some(16.4698),
            lon: Some(107.5786),
            address: Some("  ".into()),
            location_source: None,
            channel: None,
            caller: None,
        }
    }

    #[test]
    fn an_app_may_say_its_position_came_from_a_photo() {
        let mut s = submission("Ngập");
        s.location_source = Some(LocationSource::Photo);
        assert_eq!(
            s.validate().expect("valid").location_source,
            LocationSource::Photo
        );
        s.location_source = None;
        assert_eq!(
            s.validate().expect("valid").location_source,
            LocationSource::Device
        );
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
    fn a_missing_position_comes_from_a_photo_or_is_required() {
        let mut s = submission("Cháy");
        s.lat = None;
        s.lon = None;
        assert_eq!(s.validate(), Err(Error::LocationRequired));
        let v = s.validate_with(Some((16.5, 107.6))).expect("valid");
        assert_eq!(
            (v.position.lat(), v.location_source),
            (16.5, LocationSource::Photo)
        );
        s.lat = Some(16.4);
        assert_eq!(
            s.validate_with(Some((16.5, 107.6))),
            Err(Error::InvalidCoordinates)
        );
        let own = submission("Cháy")
            .validate_with(Some((1.0, 1.0)))
            .expect("valid");
        assert_eq!(
            (own.position.lat(), own.location_source),
            (16.4698, LocationSource::Device)
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
