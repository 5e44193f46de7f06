//! Open311 GeoReport v2: the standard's vocabulary over the platform's.
//!
//! Services are categories, service requests are reports. The standard knows two statuses (open
//! and closed); FixMyStreet's updates extension knows a few more, which the platform's statuses map
//! onto. Times carry Huế's offset (+07:00). Request listings are bounded by a date window and a
//! page size, as the standard asks of servers.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, SecondsFormat, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::Error;
use crate::report::{ReportSubmission, Status};
use crate::sla::vn_offset;

/// The jurisdiction this server answers for; a request naming another is refused.
pub const JURISDICTION_ID: &str = "hue.gov.vn";
/// The longest date window of a request listing, and the default one (ending now).
pub const MAX_WINDOW_DAYS: i64 = 90;
/// The most requests in one answer, and the default page size.
pub const MAX_PAGE_SIZE: u32 = 1000;
/// The most ids in one `service_request_id` list.
pub const MAX_IDS: usize = 1000;

/// An answer's format, from the path's suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xml,
    Json,
}

impl Format {
    pub fn parse(suffix: &str) -> Option<Format> {
        match suffix {
            "xml" => Some(Format::Xml),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// Open311 status: a finished report (resolved, closed, rejected or a duplicate) is `closed`.
pub fn public_status(status: Status) -> &'static str {
    if is_closed(status) { "closed" } else { "open" }
}

fn is_closed(status: Status) -> bool {
    matches!(
        status,
        Status::Resolved | Status::Closed | Status::Rejected | Status::Duplicate
    )
}

/// The statuses an Open311 status filter (`open` or `closed`) stands for.
pub fn statuses_of(open311: &str) -> Option<Vec<Status>> {
    let closed = match open311.trim() {
        "open" => false,
        "closed" => true,
        _ => return None,
    };
    Some(
        Status::ALL
            .iter()
            .copied()
            .filter(|s| is_closed(*s) == closed)
            .collect(),
    )
}

/// The status of an update in FixMyStreet's extension, for the status a ticket moved to.
pub fn update_status(to: Status) -> &'static str {
    match to {
        Status::Received | Status::Reopened => "open",
        Status::Accepted | Status::WaitingForCitizen => "investigating",
        Status::InProgress => "in_progress",
        Status::Transferred => "internal_referral",
        Status::Resolved => "fixed",
        Status::Closed => "closed",
        Status::Rejected => "not_councils_responsibility",
        Status::Duplicate => "duplicate",
    }
}

/// A time as the standard writes it, in Huế's offset: `2026-11-27T20:15:00+07:00`.
pub fn datetime(at: DateTime<Utc>) -> String {
    at.with_timezone(&vn_offset())
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// A time a client sent: W3C/ISO 8601 with an offset (or `Z`), or a bare date (Huế's midnight).
pub fn parse_datetime(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(s) {
        return Some(at.with_timezone(&Utc));
    }
    let day = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    vn_offset()
        .from_local_datetime(&day.and_time(NaiveTime::MIN))
        .single()
        .map(|at| at.with_timezone(&Utc))
}

/// The span of a request listing: by default the last 90 days; never longer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Window {
    /// `start_date`/`end_date` as sent (either may be absent). A window given by its start alone
    /// runs 90 days from it (or to now, if sooner). A bare date as the end includes that day.
    pub fn new(
        start: Option<&str>,
        end: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Window, Error> {
        let parse = |s: Option<&str>, end: bool| match s.map(str::trim).filter(|s| !s.is_empty()) {
            None => Ok(None),
            Some(s) => {
                let at = parse_datetime(s).ok_or(Error::InvalidQuery)?;
                let bare_date = NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok();
                Ok(Some(if end && bare_date {
                    at + Duration::days(1)
                } else {
                    at
                }))
            }
        };
        let span = Duration::days(MAX_WINDOW_DAYS);
        let (start, end) = match (parse(start, false)?, parse(end, true)?) {
            (Some(s), Some(e)) => (s, e),
            (Some(s), None) => (s, (s + span).min(now.max(s))),
            (None, Some(e)) => (e - span, e),
            (None, None) => (now - span, now),
        };
        if end < start {
            return Err(Error::InvalidPeriod);
        }
        if end - start > span {
            return Err(Error::DateRangeTooLong);
        }
        Ok(Window { start, end })
    }
}

/// The `page`/`page_size` extension: pages count from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub number: u32,
    pub size: u32,
}

impl Page {
    pub fn new(page: Option<&str>, size: Option<&str>) -> Result<Page, Error> {
        let parse = |s: Option<&str>, default: u32| match s.map(str::trim).filter(|s| !s.is_empty())
        {
            None => Ok(default),
            Some(s) => s.parse::<u32>().map_err(|_| Error::InvalidQuery),
        };
        let number = parse(page, 1)?;
        let size = parse(size, MAX_PAGE_SIZE)?;
        if number == 0 || size == 0 || size > MAX_PAGE_SIZE || number > 1_000_000 {
            return Err(Error::InvalidQuery);
        }
        Ok(Page { number, size })
    }

    pub fn offset(self) -> i64 {
        i64::from(self.number - 1) * i64::from(self.size)
    }
}

/// Splits a comma-separated list, dropping empty items.
pub fn list(s: &str) -> Vec<&str> {
    s.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The longest name of a client application, in characters.
pub const APPLICATION_NAME_MAX_CHARS: usize = 100;

/// A client application's name for its API key: cleaned text of 1 to 100 characters.
pub fn application_name(name: &str) -> Result<String, Error> {
    let name = crate::text::clean(name);
    if name.is_empty() || crate::text::char_len(&name) > APPLICATION_NAME_MAX_CHARS {
        return Err(Error::InvalidApiKeyName);
    }
    Ok(name)
}

/// The kind of answer a category's extra question takes (the standard's datatypes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Datatype {
    String,
    Number,
    Datetime,
    Text,
    Singlevaluelist,
    Multivaluelist,
}

impl Datatype {
    pub fn parse(s: &str) -> Option<Datatype> {
        Some(match s {
            "string" => Datatype::String,
            "number" => Datatype::Number,
            "datetime" => Datatype::Datetime,
            "text" => Datatype::Text,
            "singlevaluelist" => Datatype::Singlevaluelist,
            "multivaluelist" => Datatype::Multivaluelist,
            _ => return None,
        })
    }
}

/// An extra question of a category, as far as checking answers goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub code: String,
    pub datatype: Datatype,
    pub required: bool,
    /// The allowed keys of the list types.
    pub choices: Vec<String>,
}

/// A checked answer, stored with the report.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    Text(String),
    Number(f64),
    Keys(Vec<String>),
}

/// The longest free-text answer, in characters.
pub const ANSWER_MAX_CHARS: usize = 1000;

/// Checks the answers sent as `attribute[code]` (each with its values) against the category's
/// questions. On failure, the error names the attribute at fault.
pub fn check_answers(
    questions: &[Question],
    given: &BTreeMap<String, Vec<String>>,
) -> Result<BTreeMap<String, Answer>, (Error, String)> {
    if let Some(unknown) = given
        .keys()
        .find(|code| !questions.iter().any(|q| &q.code == *code))
    {
        return Err((
            Error::InvalidAttribute,
            format!("unknown attribute `{unknown}`"),
        ));
    }
    let mut answers = BTreeMap::new();
    for q in questions {
        let values: Vec<String> = given
            .get(&q.code)
            .map(|v| {
                v.iter()
                    .map(|s| crate::text::clean(s))
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        if values.is_empty() {
            if q.required {
                return Err((
                    Error::InvalidAttribute,
                    format!("attribute `{}` is required", q.code),
                ));
            }
            continue;
        }
        let bad = |why: &str| {
            (
                Error::InvalidAttribute,
                format!("attribute `{}` {why}", q.code),
            )
        };
        let single = |values: &[String]| match values {
            [one] => Ok(one.clone()),
            _ => Err(bad("takes one value")),
        };
        let answer = match q.datatype {
            Datatype::Number => {
                let n = single(&values)?
                    .parse::<f64>()
                    .ok()
                    .filter(|n| n.is_finite())
                    .ok_or_else(|| bad("must be a number"))?;
                Answer::Number(n)
            }
            Datatype::Datetime => {
                let at = parse_datetime(&single(&values)?)
                    .ok_or_else(|| bad("must be a date and time"))?;
                Answer::Text(datetime(at))
            }
            Datatype::String | Datatype::Text => {
                let text = single(&values)?;
                if text.chars().count() > ANSWER_MAX_CHARS {
                    return Err(bad("is too long"));
                }
                Answer::Text(text)
            }
            Datatype::Singlevaluelist | Datatype::Multivaluelist => {
                if let Some(v) = values.iter().find(|v| !q.choices.contains(v)) {
                    return Err(bad(&format!("has no choice `{v}`")));
                }
                if q.datatype == Datatype::Singlevaluelist {
                    Answer::Text(single(&values)?)
                } else {
                    let mut keys = values;
                    keys.sort();
                    keys.dedup();
                    Answer::Keys(keys)
                }
            }
        };
        answers.insert(q.code.clone(), answer);
    }
    Ok(answers)
}

/// What a client application says about its reporter and the posting's origin: never published;
/// shown only to those who may know who reported.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Contact {
    pub email: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub phone: Option<String>,
    pub device_id: Option<String>,
    pub account_id: Option<String>,
    /// A link to media hosted elsewhere; kept, never fetched.
    pub media_url: Option<String>,
}

/// The longest value of a contact field, in characters.
pub const CONTACT_MAX_CHARS: usize = 500;

/// A posting as a client sent it: its fields (query string and form together; a later field
/// replaces an earlier one of the same name) and its `attribute[code]` / `attribute[code][]`
/// answers. Reading it checks nothing, so that the key is checked before anything else.
#[derive(Debug, Clone, Default)]
pub struct Posting {
    fields: BTreeMap<String, String>,
    attributes: BTreeMap<String, Vec<String>>,
}

impl Posting {
    pub fn new(pairs: Vec<(String, String)>) -> Posting {
        let mut posting = Posting::default();
        for (name, value) in pairs {
            match name
                .strip_prefix("attribute[")
                .map(|rest| rest.trim_end_matches("[]"))
                .and_then(|rest| rest.strip_suffix(']'))
            {
                Some(code) => posting
                    .attributes
                    .entry(code.to_owned())
                    .or_default()
                    .push(value),
                None => {
                    posting.fields.insert(name, value);
                }
            }
        }
        posting
    }

    /// A field, cleaned (NFC, no control characters, trimmed), when not empty.
    pub fn get(&self, name: &str) -> Option<String> {
        self.fields
            .get(name)
            .map(|v| crate::text::clean(v))
            .filter(|v| !v.is_empty())
    }

    /// The answers to the category's questions, as sent.
    pub fn attributes(&self) -> &BTreeMap<String, Vec<String>> {
        &self.attributes
    }

    /// The report the posting describes (validated by [`ReportSubmission::validate`] next).
    pub fn report(&self) -> Result<ReportSubmission, Error> {
        let coordinate = |name: &str| {
            self.get(name)
                .map(|v| v.parse::<f64>().map_err(|_| Error::InvalidCoordinates))
                .transpose()
        };
        Ok(ReportSubmission {
            category: self.get("service_code").unwrap_or_default(),
            description: self.get("description").unwrap_or_default(),
            lat: coordinate("lat")?,
            lon: coordinate("long")?,
            address: self.get("address_string"),
            location_source: None,
            channel: None,
            caller: None,
        })
    }

    /// What it says about the reporter; each field at most 500 characters.
    pub fn contact(&self) -> Result<Contact, (Error, String)> {
        let field = |name: &str| match self.get(name) {
            Some(v) if crate::text::char_len(&v) > CONTACT_MAX_CHARS => {
                Err((Error::TextTooLong, format!("{name} is too long")))
            }
            other => Ok(other),
        };
        Ok(Contact {
            email: field("email")?,
            first_name: field("first_name")?,
            last_name: field("last_name")?,
            phone: field("phone")?,
            device_id: field("device_id")?,
            account_id: field("account_id")?,
            media_url: field("media_url")?,
        })
    }

    /// The idempotency keys of a posting that brings none of its own: one per application,
    /// content and (UTC) day, and the previous day's, under which a retry shortly after midnight
    /// finds what it stored before. The same content on another day is a new report.
    pub fn derived_keys(&self, application: Uuid, now: DateTime<Utc>) -> (Uuid, Uuid) {
        let day = now.timestamp().div_euclid(86_400);
        let key = |day: i64| {
            Uuid::new_v5(
                &application,
                format!("{}day={day}", self.content()).as_bytes(),
            )
        };
        (key(day), key(day - 1))
    }

    /// Everything the posting says but its key, in a canonical order: the same content sent again
    /// (a retry) gives the same text.
    fn content(&self) -> String {
        let mut out = String::new();
        let fields = self.fields.iter().filter(|(name, _)| *name != "api_key");
        for (name, value) in fields {
            out.push_str(&format!("{name}={value}\u{1e}"));
        }
        for (code, values) in &self.attributes {
            let mut values = values.clone();
            values.sort();
            out.push_str(&format!(
                "attribute[{code}]={}\u{1e}",
                values.join("\u{1f}")
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .expect("a time")
            .with_timezone(&Utc)
    }

    #[test]
    fn times_carry_hue_offset() {
        assert_eq!(
            datetime(at("2026-11-27T13:15:30.123Z")),
            "2026-11-27T20:15:30+07:00"
        );
        assert_eq!(
            parse_datetime("2026-11-01"),
            Some(at("2026-10-31T17:00:00Z"))
        );
        assert_eq!(
            parse_datetime("2026-11-01T08:00:00+07:00"),
            Some(at("2026-11-01T01:00:00Z"))
        );
        assert_eq!(parse_datetime("yesterday"), None);
    }

    #[test]
    fn every_status_is_open_or_closed_and_filters_partition_them() {
        let open = statuses_of("open").expect("open");
        let closed = statuses_of("closed").expect("closed");
        assert_eq!(open.len() + closed.len(), Status::ALL.len());
        for s in Status::ALL {
            let expected = if closed.contains(s) { "closed" } else { "open" };
            assert_eq!(public_status(*s), expected);
        }
        assert!(closed.contains(&Status::Resolved) && open.contains(&Status::Reopened));
        assert_eq!(statuses_of("pending"), None);
    }

    #[test]
    fn windows_default_to_ninety_days_and_refuse_longer() {
        let now = at("2026-11-27T00:00:00Z");
        let w = Window::new(None, None, now).expect("default");
        assert_eq!((w.start, w.end), (at("2026-08-29T00:00:00Z"), now));
        let w = Window::new(Some("2026-11-01"), None, now).expect("from a start");
        assert_eq!(w.end, now);
        let w = Window::new(Some("2026-01-01T00:00:00Z"), None, now).expect("old start");
        assert_eq!(w.end, at("2026-04-01T00:00:00Z"));
        assert_eq!(
            Window::new(Some("2026-01-01"), Some("2026-06-01"), now),
            Err(Error::DateRangeTooLong)
        );
        assert_eq!(
            Window::new(Some("2026-06-01"), Some("2026-01-01"), now),
            Err(Error::InvalidPeriod)
        );
        // A bare end date includes its day (in Huế); 90 days of dates fit.
        let w = Window::new(Some("2026-09-01"), Some("2026-11-29"), now).expect("90 days");
        assert_eq!(
            (w.start, w.end),
            (at("2026-08-31T17:00:00Z"), at("2026-11-29T17:00:00Z"))
        );
        let w = Window::new(None, Some("2026-11-26T10:00:00+07:00"), now).expect("a time");
        assert_eq!(w.end, at("2026-11-26T03:00:00Z"));
        assert_eq!(
            Window::new(Some("soon"), None, now),
            Err(Error::InvalidQuery)
        );
    }

    #[test]
    fn pages_are_bounded() {
        assert_eq!(
            Page::new(None, None),
            Ok(Page {
                number: 1,
                size: MAX_PAGE_SIZE
            })
        );
        assert_eq!(Page::new(Some("3"), Some("20")).map(Page::offset), Ok(40));
        for (p, s) in [
            ("0", "10"),
            ("1", "0"),
            ("1", "1001"),
            ("x", "1"),
            ("-1", "5"),
        ] {
            assert_eq!(
                Page::new(Some(p), Some(s)),
                Err(Error::InvalidQuery),
                "{p} {s}"
            );
        }
    }

    fn questions() -> Vec<Question> {
        vec![
            Question {
                code: "depth".into(),
                datatype: Datatype::Number,
                required: false,
                choices: vec![],
            },
            Question {
                code: "trapped".into(),
                datatype: Datatype::Singlevaluelist,
                required: true,
                choices: vec!["yes".into(), "no".into()],
            },
            Question {
                code: "hazard".into(),
                datatype: Datatype::Multivaluelist,
                required: false,
                choices: vec!["pothole".into(), "tree".into()],
            },
        ]
    }

    fn given(pairs: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
            .collect()
    }

    #[test]
    fn answers_are_checked_against_the_questions() {
        let ok = check_answers(
            &questions(),
            &given(&[
                ("depth", &["40.5"]),
                ("trapped", &[" no "]),
                ("hazard", &["tree", "pothole", "tree"]),
            ]),
        )
        .expect("valid");
        assert_eq!(ok["depth"], Answer::Number(40.5));
        assert_eq!(ok["trapped"], Answer::Text("no".into()));
        assert_eq!(
            ok["hazard"],
            Answer::Keys(vec!["pothole".into(), "tree".into()])
        );
        for (bad, why) in [
            (given(&[]), "required"),
            (given(&[("trapped", &["maybe"])]), "no choice"),
            (given(&[("trapped", &["yes", "no"])]), "one value"),
            (
                given(&[("trapped", &["yes"]), ("depth", &["deep"])]),
                "number",
            ),
            (
                given(&[("trapped", &["yes"]), ("depth", &["NaN"])]),
                "number",
            ),
            (
                given(&[("trapped", &["yes"]), ("colour", &["red"])]),
                "unknown",
            ),
        ] {
            let (error, detail) = check_answers(&questions(), &bad).expect_err("invalid");
            assert_eq!(error, Error::InvalidAttribute);
            assert!(detail.contains(why), "{detail} should say {why}");
        }
    }

    fn posting(pairs: &[(&str, &str)]) -> Posting {
        Posting::new(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn a_posting_sorts_its_fields_and_its_content_ignores_the_key_and_order() {
        let p = posting(&[
            ("api_key", "ht_a"),
            ("service_code", " Traffic "),
            ("lat", "16.4698"),
            ("long", "107.5786"),
            ("description", "Ổ gà"),
            ("attribute[hazard][]", "tree"),
            ("attribute[hazard][]", "pothole"),
            ("attribute[depth]", "40"),
            ("email", " a@b.vn "),
        ]);
        let report = p.report().expect("a report");
        assert_eq!(
            (report.category.as_str(), report.lat, report.lon),
            ("Traffic", Some(16.4698), Some(107.5786))
        );
        assert_eq!(p.attributes()["hazard"], ["tree", "pothole"]);
        assert_eq!(
            p.contact().expect("contact").email.as_deref(),
            Some("a@b.vn")
        );
        let same = posting(&[
            ("email", " a@b.vn "),
            ("attribute[hazard][]", "pothole"),
            ("attribute[depth]", "40"),
            ("description", "Ổ gà"),
            ("long", "107.5786"),
            ("lat", "16.4698"),
            ("attribute[hazard][]", "tree"),
            ("service_code", " Traffic "),
            ("api_key", "ht_b"),
        ]);
        assert_eq!(p.content(), same.content());
        assert_ne!(
            p.content(),
            posting(&[("service_code", "traffic")]).content()
        );
        let app = Uuid::from_u128(7);
        let now = DateTime::parse_from_rfc3339("2026-11-27T10:00:00Z")
            .expect("a time")
            .with_timezone(&Utc);
        let (today, yesterday) = p.derived_keys(app, now);
        assert_ne!(today, yesterday);
        assert_eq!(same.derived_keys(app, now), (today, yesterday));
        assert_eq!(p.derived_keys(app, now + Duration::hours(14)).1, today);
        assert_ne!(p.derived_keys(Uuid::from_u128(8), now).0, today);
        assert_eq!(
            posting(&[("lat", "north")]).report().map(|_| ()),
            Err(Error::InvalidCoordinates)
        );
        let long = "x".repeat(CONTACT_MAX_CHARS + 1);
        assert_eq!(
            posting(&[("phone", &long)]).contact().map_err(|e| e.0),
            Err(Error::TextTooLong)
        );
    }

    #[test]
    fn updates_use_the_extended_statuses() {
        assert_eq!(update_status(Status::Resolved), "fixed");
        assert_eq!(update_status(Status::Transferred), "internal_referral");
        assert_eq!(update_status(Status::Duplicate), "duplicate");
    }
}
