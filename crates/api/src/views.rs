//! JSON shapes of what the API answers. Public shapes never carry reporter identity.

use chrono::{DateTime, Utc};
use hientruong_app::ReportPageView;
use hientruong_db::models::Photo;
use hientruong_db::read::report::ReportView;
use hientruong_domain::report::{LocationSource, Status};
use hientruong_domain::tracking;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

pub mod tickets;

#[derive(Serialize, ToSchema)]
pub struct Named {
    pub code: String,
    pub name: String,
    pub name_en: String,
}

/// What anyone may see of a report.
#[derive(Serialize, ToSchema)]
pub struct PublicReport {
    pub id: Uuid,
    /// `HT-` and eight characters of Crockford's base 32: what a resident reads out on the hotline.
    #[schema(example = "HT-VW8M-M8M4")]
    pub tracking_code: String,
    #[schema(value_type = Status)]
    pub status: String,
    pub category: String,
    pub category_name: String,
    pub category_name_en: String,
    pub urgent: bool,
    pub description: String,
    /// Moderators hid its text from the public (`description` is then empty for them).
    pub text_hidden: bool,
    pub address: Option<String>,
    pub lat: f64,
    pub lon: f64,
    #[schema(value_type = LocationSource)]
    pub location_source: String,
    pub commune: Named,
    pub unit: Named,
    pub photos: Vec<PhotoJson>,
    /// The handling unit's public answer (the result, or the reason for a rejection).
    pub public_answer: Option<String>,
    /// The deadline the unit is working against now ("Hạn xử lý"): to accept, then to resolve;
    /// `null` while it waits for the reporter and once it is handled.
    pub due_at: Option<DateTime<Utc>>,
    /// Residents who support it ("this is it"), besides its reporter.
    pub support_count: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct VariantJson {
    pub url: String,
    pub width: i32,
    pub height: i32,
}

/// A photo as anyone may see it: only the re-encoded variants, without any metadata.
#[derive(Serialize, ToSchema)]
pub struct PhotoJson {
    pub id: Uuid,
    /// `report` (the resident's) or `resolution` (an officer's "after" photo).
    pub kind: String,
    pub width: i32,
    pub height: i32,
    pub display: VariantJson,
    pub thumb: VariantJson,
    /// Moderators hid it from the public (shown to the reporter and staff only; the public never
    /// gets it, nor its variants).
    pub hidden: bool,
}

impl From<&Photo> for PhotoJson {
    fn from(p: &Photo) -> PhotoJson {
        PhotoJson {
            id: p.id,
            kind: p.kind.clone(),
            width: p.width,
            height: p.height,
            display: VariantJson {
                url: format!("/media/{}", p.display_key),
                width: p.display_width,
                height: p.display_height,
            },
            thumb: VariantJson {
                url: format!("/media/{}", p.thumb_key),
                width: p.thumb_width,
                height: p.thumb_height,
            },
            hidden: false,
        }
    }
}

/// How the report was routed, shown to its reporter (and later to staff).
#[derive(Serialize, ToSchema)]
pub struct Routing {
    pub commune_reason: String,
    pub distance_m: f64,
    pub unit_reason: String,
    pub rule_id: Option<i64>,
}

/// What the reporter sees of their own report.
#[derive(Serialize, ToSchema)]
pub struct OwnReport {
    #[serde(flatten)]
    pub public: PublicReport,
    pub mine: bool,
    pub idempotency_key: Uuid,
    pub routing: Routing,
}

impl From<ReportView> for PublicReport {
    /// What anyone sees: the position to about 10 m, without what moderators hid.
    fn from(v: ReportView) -> PublicReport {
        let description = v.public_description().to_owned();
        let photos = v.public_photos().map(PhotoJson::from).collect();
        let at = v.public_location;
        PublicReport {
            description,
            photos,
            lat: at.y,
            lon: at.x,
            ..PublicReport::exact(v)
        }
    }
}

impl PublicReport {
    /// The view with the exact position and everything moderators hid (flagged), for those who
    /// may see it: the reporter, staff.
    pub fn exact(v: ReportView) -> PublicReport {
        let r = v.report;
        let photos = v
            .photos
            .iter()
            .map(|p| PhotoJson {
                hidden: v.hidden_photos.contains(&p.id),
                ..PhotoJson::from(p)
            })
            .collect();
        PublicReport {
            id: r.id,
            tracking_code: tracking::encode(u64::try_from(r.number).unwrap_or_default()),
            status: r.status,
            category: r.category_code,
            category_name: v.category_name_vi,
            category_name_en: v.category_name_en,
            urgent: v.category_urgent,
            description: r.description,
            text_hidden: v.text_hidden,
            address: r.address,
            lat: r.location.y,
            lon: r.location.x,
            location_source: r.location_source,
            commune: Named {
                code: r.commune_code,
                name: v.commune_name_vi,
                name_en: v.commune_name_en,
            },
            unit: Named {
                code: r.unit_code,
                name: v.unit_name_vi,
                name_en: v.unit_name_en,
            },
            photos,
            public_answer: r.public_answer,
            due_at: r.due_at,
            support_count: v.support_count,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

impl From<ReportView> for OwnReport {
    fn from(v: ReportView) -> OwnReport {
        let routing = Routing {
            commune_reason: v.report.commune_reason.clone(),
            distance_m: v.report.commune_distance_m,
            unit_reason: v.report.unit_reason.clone(),
            rule_id: v.report.routing_rule_id,
        };
        let idempotency_key = v.report.idempotency_key;
        OwnReport {
            public: PublicReport::exact(v),
            mine: true,
            idempotency_key,
            routing,
        }
    }
}

/// One report as `GET /reports/{id}` answers it: the public view, what only its reporter sees
/// (`mine`, `idempotency_key`, `routing`: absent for anyone else), and the public timeline.
#[derive(Serialize, ToSchema)]
pub struct ReportDetail {
    #[serde(flatten)]
    pub public: PublicReport,
    /// Present (and `true`) for the reporter only.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub mine: Option<bool>,
    /// The reporter only.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub idempotency_key: Option<Uuid>,
    /// The reporter only.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub routing: Option<Routing>,
    pub timeline: Vec<TimelineEntry>,
}

/// A report's page as its reporter sees it (`mine`) or as the public does, with its public
/// timeline.
pub fn report_for(page: ReportPageView) -> ReportDetail {
    let timeline = page.timeline.into_iter().map(TimelineEntry::from).collect();
    if page.mine {
        let own = OwnReport::from(page.view);
        ReportDetail {
            public: own.public,
            mine: Some(true),
            idempotency_key: Some(own.idempotency_key),
            routing: Some(own.routing),
            timeline,
        }
    } else {
        ReportDetail {
            public: page.view.into(),
            mine: None,
            idempotency_key: None,
            routing: None,
            timeline,
        }
    }
}

/// A report near a point ("already reported?"): the public view and how far it is.
#[derive(Serialize, ToSchema)]
pub struct NearbyReport {
    #[serde(flatten)]
    pub public: PublicReport,
    /// Metres from the point asked about.
    pub distance_m: f64,
}

/// An entry of a report's public timeline: no actor, no internal note.
#[derive(Serialize, ToSchema)]
pub struct TimelineEntry {
    /// `received`, or the action that made the entry (`accept`, `resolve`, `comment`...).
    pub kind: String,
    #[schema(value_type = Option<Status>)]
    pub status: Option<String>,
    pub unit: Option<String>,
    pub public_answer: Option<String>,
    pub at: DateTime<Utc>,
}

impl From<hientruong_db::models::ReportEvent> for TimelineEntry {
    fn from(e: hientruong_db::models::ReportEvent) -> TimelineEntry {
        TimelineEntry {
            kind: e.kind,
            status: e.to_status,
            unit: e.unit_code,
            public_answer: e.public_note,
            at: e.at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct Page<T> {
    /// The page's items.
    pub items: Vec<T>,
    /// The `cursor` of the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// A list answered whole: `{"items": [...]}`.
#[derive(Serialize, ToSchema)]
pub struct Items<T> {
    pub items: Vec<T>,
}

/// One notification of the reports the reader follows: public data only.
#[derive(Serialize, ToSchema)]
pub struct NotificationView {
    pub id: i64,
    /// `accepted`, `needs_information`, `resolved`, `rejected`, `duplicate` or `reopened`.
    pub kind: &'static str,
    /// The report it is about (none for an alert's digest: `reports`).
    pub report_id: Option<Uuid>,
    pub tracking_code: String,
    /// The unit's words: the question, the answer, the reason.
    pub text: Option<String>,
    /// `duplicate`: the report handled instead.
    pub original_id: Option<Uuid>,
    /// `resolved`: the after photo's thumbnail (absent once moderators hide it).
    pub photo_url: Option<String>,
    /// `alert`: the new reports in the area.
    pub reports: Vec<hientruong_domain::notice::AlertItem>,
    /// Where it leads in the residents' app: the report's page, or the list of notices.
    pub url: String,
    pub created_at: DateTime<Utc>,
    pub read: bool,
}

impl NotificationView {
    /// The view of a stored notification (`None` for one this version cannot read), its links
    /// under `base` (the public URL).
    pub fn of(n: hientruong_db::notifications::Notification, base: &str) -> Option<Self> {
        use hientruong_domain::notice::Notice;
        let notice = n.notice()?;
        Some(NotificationView {
            id: n.id,
            kind: notice.kind(),
            report_id: n.report_id,
            tracking_code: notice.tracking_code().to_owned(),
            text: notice.text().map(str::to_owned),
            original_id: match &notice {
                Notice::Duplicate { original, .. } => Some(*original),
                _ => None,
            },
            photo_url: n.thumb_key.map(|key| format!("/media/{key}")),
            url: format!("{base}{}", notice.link(n.report_id)),
            reports: match notice {
                Notice::AlertDigest { reports } => reports,
                _ => Vec::new(),
            },
            created_at: n.created_at,
            read: n.read,
        })
    }
}
