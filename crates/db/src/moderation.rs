//! What moderators hid from the public (`moderation_hides`): a report's text or one of its photos.

use diesel::prelude::*;
use diesel::sql_types::{Array, Bool, Text, Uuid as SqlUuid};
use uuid::Uuid;

use crate::Error;

/// What is hidden: the report's text, or one of its photos.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Text,
    Photo(Uuid),
}

/// Hides `target` of report `id` for `reason` (`by` a moderator); hiding what is hidden already
/// changes nothing. `not_found` for a photo that is not the report's.
pub fn hide(
    conn: &mut PgConnection,
    id: Uuid,
    target: Target,
    reason: &str,
    by: Uuid,
) -> Result<(), Error> {
    conn.transaction(|conn| {
        let photo = check(conn, id, target)?;
        let sql = match photo {
            None => {
                "INSERT INTO moderation_hides (report_id, photo_id, reason, hidden_by) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (report_id) WHERE photo_id IS NULL DO NOTHING"
            }
            Some(_) => {
                "INSERT INTO moderation_hides (report_id, photo_id, reason, hidden_by) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (photo_id) WHERE photo_id IS NOT NULL DO NOTHING"
            }
        };
        diesel::sql_query(sql)
            .bind::<SqlUuid, _>(id)
            .bind::<diesel::sql_types::Nullable<SqlUuid>, _>(photo)
            .bind::<Text, _>(reason)
            .bind::<SqlUuid, _>(by)
            .execute(conn)?;
        Ok(())
    })
}

/// Shows `target` to the public again (nothing hidden is no error).
pub fn unhide(conn: &mut PgConnection, id: Uuid, target: Target) -> Result<(), Error> {
    let photo = check(conn, id, target)?;
    diesel::sql_query(
        "DELETE FROM moderation_hides WHERE report_id = $1 AND photo_id IS NOT DISTINCT FROM $2",
    )
    .bind::<SqlUuid, _>(id)
    .bind::<diesel::sql_types::Nullable<SqlUuid>, _>(photo)
    .execute(conn)?;
    Ok(())
}

/// The report exists and, for a photo, the photo is the report's: the photo's id.
fn check(conn: &mut PgConnection, id: Uuid, target: Target) -> Result<Option<Uuid>, Error> {
    use crate::schema::{photos, reports};
    reports::table
        .find(id)
        .select(reports::id)
        .first::<Uuid>(conn)?;
    match target {
        Target::Text => Ok(None),
        Target::Photo(photo) => Ok(Some(
            photos::table
                .filter(photos::id.eq(photo))
                .filter(photos::report_id.eq(id))
                .select(photos::id)
                .first(conn)?,
        )),
    }
}

/// The hidden photos of these reports: (report, photo).
pub fn hidden_photos(conn: &mut PgConnection, reports: &[Uuid]) -> QueryResult<Vec<(Uuid, Uuid)>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = SqlUuid)]
        report_id: Uuid,
        #[diesel(sql_type = SqlUuid)]
        photo_id: Uuid,
    }
    if reports.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<Row> = diesel::sql_query(
        "SELECT report_id, photo_id FROM moderation_hides \
         WHERE report_id = ANY($1) AND photo_id IS NOT NULL",
    )
    .bind::<Array<SqlUuid>, _>(reports)
    .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| (r.report_id, r.photo_id))
        .collect())
}

/// Whether a photo variant (by its store key) belongs to a hidden photo: it is then not served.
pub fn variant_hidden(conn: &mut PgConnection, key: &str) -> QueryResult<bool> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Bool)]
        hidden: bool,
    }
    let row: Row = diesel::sql_query(
        "SELECT EXISTS (SELECT 1 FROM photos p JOIN moderation_hides h ON h.photo_id = p.id \
         WHERE p.display_key = $1 OR p.thumb_key = $1) AS hidden",
    )
    .bind::<Text, _>(key)
    .get_result(conn)?;
    Ok(row.hidden)
}
