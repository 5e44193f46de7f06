//! Row structs: what a table row is (`Queryable`) and what is written (`Insertable`).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use postgis_diesel::types::Point;
use uuid::Uuid;

use crate::schema::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users, check_for_backend(diesel::pg::Pg))]
pub struct User {
    pub id: Uuid,
    pub login: String,
    pub login_kind: String,
    pub password_hash: String,
    pub full_name: String,
    pub role: String,
    pub unit_code: Option<String>,
    pub locale: String,
    pub disabled_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// Access tokens carry it; one issued under a lower epoch is refused (sessions ended).
    pub session_epoch: i32,
    /// Locked by staff for abuse: when, why (told to the user at login), by whom.
    pub locked_at: Option<DateTime<Utc>>,
    pub lock_reason: Option<String>,
    pub locked_by: Option<Uuid>,
    /// When the owner proved they receive messages at the login (staff: when made); a resident
    /// reports only once verified.
    pub verified_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub id: Uuid,
    pub login: &'a str,
    pub login_kind: &'a str,
    pub password_hash: &'a str,
    pub full_name: &'a str,
    pub role: &'a str,
    pub unit_code: Option<&'a str>,
    pub locale: &'a str,
    /// `None` for a resident who registered themselves (verified by a code later).
    pub verified_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = refresh_tokens)]
pub struct NewRefreshToken {
    pub id: Uuid,
    pub user_id: Uuid,
    pub family_id: Uuid,
    pub token_hash: Vec<u8>,
    pub expires_at: DateTime<Utc>,
    /// The account's session epoch when the session started.
    pub session_epoch: i32,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = refresh_tokens, check_for_backend(diesel::pg::Pg))]
pub struct RefreshToken {
    pub id: Uuid,
    pub user_id: Uuid,
    pub family_id: Uuid,
    pub token_hash: Vec<u8>,
    pub issued_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub session_epoch: i32,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = reports, check_for_backend(diesel::pg::Pg))]
pub struct Report {
    pub id: Uuid,
    pub number: i64,
    pub reporter_id: Uuid,
    pub idempotency_key: Uuid,
    pub fingerprint: Vec<u8>,
    pub category_code: String,
    pub description: String,
    pub address: Option<String>,
    pub location: Point,
    pub location_source: String,
    pub status: String,
    pub boundary_id: i64,
    pub commune_code: String,
    pub commune_reason: String,
    pub commune_distance_m: f64,
    pub unit_code: String,
    pub routing_rule_id: Option<i64>,
    pub unit_reason: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub urgent: bool,
    pub sla_clock: String,
    pub sla_origin: Option<DateTime<Utc>>,
    pub accept_due_at: Option<DateTime<Utc>>,
    pub resolve_due_at: Option<DateTime<Utc>>,
    pub due_at: Option<DateTime<Utc>>,
    pub paused_at: Option<DateTime<Utc>>,
    pub escalation_level: i16,
    pub assignee_id: Option<Uuid>,
    pub hops: i32,
    pub duplicate_of: Option<Uuid>,
    pub public_answer: Option<String>,
}

impl Report {
    /// What a resident reads out on the hotline.
    pub fn tracking_code(&self) -> String {
        hientruong_domain::tracking::encode(u64::try_from(self.number).unwrap_or_default())
    }

    /// The facts about the ticket that access depends on.
    pub fn reference(&self) -> hientruong_domain::policy::TicketRef<'_> {
        hientruong_domain::policy::TicketRef {
            unit: &self.unit_code,
            reporter: self.reporter_id,
        }
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = reports)]
pub struct NewReport<'a> {
    pub id: Uuid,
    pub reporter_id: Uuid,
    pub idempotency_key: Uuid,
    pub fingerprint: &'a [u8],
    pub category_code: &'a str,
    pub description: &'a str,
    pub address: Option<&'a str>,
    pub location: Point,
    pub boundary_id: i64,
    pub commune_code: &'a str,
    pub commune_reason: &'a str,
    pub commune_distance_m: f64,
    pub unit_code: &'a str,
    pub routing_rule_id: Option<i64>,
    pub unit_reason: &'a str,
    pub location_source: &'a str,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub urgent: bool,
    pub sla_clock: &'a str,
    pub sla_origin: Option<DateTime<Utc>>,
    pub accept_due_at: Option<DateTime<Utc>>,
    pub resolve_due_at: Option<DateTime<Utc>>,
    pub due_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Default, Insertable)]
#[diesel(table_name = report_events)]
pub struct NewReportEvent<'a> {
    pub report_id: Uuid,
    pub kind: &'a str,
    pub from_status: Option<&'a str>,
    pub to_status: Option<&'a str>,
    pub actor_id: Option<Uuid>,
    pub unit_code: Option<&'a str>,
    pub note: Option<&'a str>,
    pub public: bool,
    pub public_note: Option<&'a str>,
    pub from_unit: Option<&'a str>,
    pub related_id: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    pub at: DateTime<Utc>,
    /// The deadline running when the event happened.
    pub due_at: Option<DateTime<Utc>>,
}

impl<'a> NewReportEvent<'a> {
    /// The row of a planned change's event ([`Change::event`](hientruong_domain::ticket::Change))
    /// in the history of report `report_id`.
    pub(crate) fn planned(
        report_id: Uuid,
        e: &'a hientruong_domain::ticket::Event,
    ) -> NewReportEvent<'a> {
        use hientruong_domain::report::Status;
        NewReportEvent {
            report_id,
            kind: e.kind,
            from_status: e.from_status.map(Status::as_str),
            to_status: e.to_status.map(Status::as_str),
            actor_id: e.actor,
            unit_code: e.unit.as_deref(),
            note: e.note.as_deref(),
            public: e.public,
            public_note: e.public_note.as_deref(),
            from_unit: e.from_unit.as_deref(),
            related_id: e.related,
            assignee_id: e.assignee,
            at: e.at,
            due_at: e.due_at,
        }
    }
}

/// One entry of a ticket's history.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = report_events, check_for_backend(diesel::pg::Pg))]
pub struct ReportEvent {
    pub id: i64,
    pub report_id: Uuid,
    pub kind: String,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
    pub actor_id: Option<Uuid>,
    pub unit_code: Option<String>,
    pub note: Option<String>,
    pub public: bool,
    pub at: DateTime<Utc>,
    pub public_note: Option<String>,
    pub from_unit: Option<String>,
    pub related_id: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    pub due_at: Option<DateTime<Utc>>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = categories, check_for_backend(diesel::pg::Pg))]
pub struct Category {
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
    pub urgent: bool,
    pub active: bool,
    pub sort_order: i32,
    /// How far "already reported?" looks for open reports of the category, metres.
    pub nearby_radius_m: i32,
}

/// A current commune without its geometry (for listings).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = admin_units, check_for_backend(diesel::pg::Pg))]
pub struct Commune {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub full_name: String,
    pub name_en: String,
    pub full_name_en: String,
    pub name_ascii: String,
    pub level: String,
    pub area_km2: Option<f64>,
    pub valid_from: chrono::NaiveDate,
    pub valid_to: Option<chrono::NaiveDate>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = photos, check_for_backend(diesel::pg::Pg))]
pub struct Photo {
    pub id: Uuid,
    pub report_id: Uuid,
    pub kind: String,
    pub uploader_id: Uuid,
    pub idempotency_key: Uuid,
    pub ordinal: i32,
    pub original_key: String,
    pub original_sha256: String,
    pub original_format: String,
    pub original_bytes: i32,
    pub width: i32,
    pub height: i32,
    pub display_key: String,
    pub display_width: i32,
    pub display_height: i32,
    pub thumb_key: String,
    pub thumb_width: i32,
    pub thumb_height: i32,
    pub exif_location: Option<Point>,
    pub exif_taken_at: Option<chrono::NaiveDateTime>,
    pub exif_camera: Option<String>,
    pub exif_orientation: i16,
    pub created_at: DateTime<Utc>,
}

/// A processed photo whose files are already in the media store, ready to be recorded.
#[derive(Debug, Clone)]
pub struct StoredPhoto {
    pub idempotency_key: Uuid,
    pub original_key: String,
    pub original_sha256: String,
    pub original_format: &'static str,
    pub original_bytes: i32,
    pub width: i32,
    pub height: i32,
    pub display_key: String,
    pub display_width: i32,
    pub display_height: i32,
    pub thumb_key: String,
    pub thumb_width: i32,
    pub thumb_height: i32,
    /// (latitude, longitude) from EXIF.
    pub exif_gps: Option<(f64, f64)>,
    pub exif_taken_at: Option<chrono::NaiveDateTime>,
    pub exif_camera: Option<String>,
    pub exif_orientation: i16,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = photos)]
pub struct NewPhoto<'a> {
    pub id: Uuid,
    pub report_id: Uuid,
    pub kind: &'a str,
    pub uploader_id: Uuid,
    pub idempotency_key: Uuid,
    pub ordinal: i32,
    pub original_key: &'a str,
    pub original_sha256: &'a str,
    pub original_format: &'a str,
    pub original_bytes: i32,
    pub width: i32,
    pub height: i32,
    pub display_key: &'a str,
    pub display_width: i32,
    pub display_height: i32,
    pub thumb_key: &'a str,
    pub thumb_width: i32,
    pub thumb_height: i32,
    pub exif_location: Option<Point>,
    pub exif_taken_at: Option<chrono::NaiveDateTime>,
    pub exif_camera: Option<&'a str>,
    pub exif_orientation: i16,
    pub created_at: DateTime<Utc>,
}

impl StoredPhoto {
    pub fn to_new<'a>(
        &'a self,
        report_id: Uuid,
        kind: &'a str,
        uploader_id: Uuid,
        ordinal: i32,
    ) -> NewPhoto<'a> {
        NewPhoto {
            id: Uuid::now_v7(),
            report_id,
            kind,
            uploader_id,
            idempotency_key: self.idempotency_key,
            ordinal,
            original_key: &self.original_key,
            original_sha256: &self.original_sha256,
            original_format: self.original_format,
            original_bytes: self.original_bytes,
            width: self.width,
            height: self.height,
            display_key: &self.display_key,
            display_width: self.display_width,
            display_height: self.display_height,
            thumb_key: &self.thumb_key,
            thumb_width: self.thumb_width,
            thumb_height: self.thumb_height,
            exif_location: self.exif_gps.map(|(lat, lon)| Point {
                x: lon,
                y: lat,
                srid: Some(4326),
            }),
            exif_taken_at: self.exif_taken_at,
            exif_camera: self.exif_camera.as_deref(),
            exif_orientation: self.exif_orientation,
            // The application's clock, like the times of events, which photos are compared with.
            created_at: Utc::now(),
        }
    }
}
