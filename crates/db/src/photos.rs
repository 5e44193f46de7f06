//! Photo records. The files are in the media store; these rows say which report they belong to.

use diesel::prelude::*;
use uuid::Uuid;

use crate::Error;
use crate::models::{Photo, StoredPhoto};
use crate::schema::{photos, reports};

/// Photos of the given reports, in upload order.
pub fn for_reports(conn: &mut PgConnection, ids: &[Uuid]) -> QueryResult<Vec<Photo>> {
    photos::table
        .filter(photos::report_id.eq_any(ids))
        .order((photos::report_id, photos::ordinal, photos::created_at))
        .select(Photo::as_select())
        .load(conn)
}

pub fn get(conn: &mut PgConnection, id: Uuid) -> QueryResult<Photo> {
    photos::table
        .find(id)
        .select(Photo::as_select())
        .first(conn)
}

/// The outcome of adding a photo to an existing report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    Created(Uuid),
    /// The same idempotency key and the same file were seen before.
    Replayed(Uuid),
}

/// Adds a photo of `kind` to a report, once per idempotency key, within the limit of photos of
/// that kind added since `since` (the whole report's life when `None`). The row is written only
/// now, after the files are stored: no row ever points at a missing file.
pub fn add(
    conn: &mut PgConnection,
    report_id: Uuid,
    kind: &str,
    uploader: Uuid,
    photo: &StoredPhoto,
    max_per_report: i64,
    since: Option<chrono::DateTime<chrono::Utc>>,
) -> Result<Added, Error> {
    conn.transaction(|conn| {
        // Serialises concurrent uploads to one report, so the count below is exact.
        let status: String = reports::table
            .find(report_id)
            .select(reports::status)
            .for_update()
            .first(conn)?;
        let finished = hientruong_domain::report::Status::parse(&status).is_none_or(|s| {
            hientruong_domain::ticket::stage(s) == hientruong_domain::ticket::Stage::Done
        });
        if kind == "report" && finished {
            return Err(hientruong_domain::Error::ReportClosed.into());
        }
        let existing: Option<(Uuid, String)> = photos::table
            .filter(photos::report_id.eq(report_id))
            .filter(photos::idempotency_key.eq(photo.idempotency_key))
            .select((photos::id, photos::original_sha256))
            .first(conn)
            .optional()?;
        if let Some((id, sha)) = existing {
            return if sha == photo.original_sha256 {
                Ok(Added::Replayed(id))
            } else {
                Err(hientruong_domain::Error::IdempotencyConflict.into())
            };
        }
        let mut of_kind = photos::table
            .filter(photos::report_id.eq(report_id))
            .filter(photos::kind.eq(kind))
            .into_boxed();
        if let Some(at) = since {
            of_kind = of_kind.filter(photos::created_at.gt(at));
        }
        let count: i64 = of_kind.count().get_result(conn)?;
        if count >= max_per_report {
            return Err(hientruong_domain::Error::TooManyPhotos.into());
        }
        let all: i64 = photos::table
            .filter(photos::report_id.eq(report_id))
            .count()
            .get_result(conn)?;
        let ordinal = i32::try_from(all).unwrap_or(i32::MAX);
        let id = diesel::insert_into(photos::table)
            .values(photo.to_new(report_id, kind, uploader, ordinal))
            .returning(photos::id)
            .get_result(conn)?;
        Ok(Added::Created(id))
    })
}

/// Of `keys`, those no photo refers to (for the orphan sweep).
pub fn unreferenced(conn: &mut PgConnection, keys: &[String]) -> QueryResult<Vec<String>> {
    #[derive(QueryableByName)]
    struct Key {
        #[diesel(sql_type = diesel::sql_types::Text)]
        key: String,
    }
    let rows: Vec<Key> = diesel::sql_query(
        "SELECT k AS key FROM unnest($1::text[]) AS k \
         WHERE NOT EXISTS (SELECT 1 FROM photos p WHERE p.original_key = k OR p.display_key = k OR p.thumb_key = k)",
    )
    .bind::<diesel::sql_types::Array<diesel::sql_types::Text>, _>(keys)
    .load(conn)?;
    Ok(rows.into_iter().map(|r| r.key).collect())
}
