//! Residents' support of a report ("this is it", instead of filing it again): once per resident,
//! withdrawable.

use diesel::prelude::*;
use uuid::Uuid;

use crate::Error;
use crate::schema::report_supports;

/// Records `user`'s support of `report` unless it is there already. Whether it is new.
pub fn add(conn: &mut PgConnection, report: Uuid, user: Uuid) -> Result<bool, Error> {
    let added = diesel::insert_into(report_supports::table)
        .values((
            report_supports::report_id.eq(report),
            report_supports::user_id.eq(user),
        ))
        .on_conflict_do_nothing()
        .execute(conn)?;
    Ok(added > 0)
}

/// Withdraws `user`'s support of `report`, if given. Whether there was one.
pub fn remove(conn: &mut PgConnection, report: Uuid, user: Uuid) -> Result<bool, Error> {
    let removed = diesel::delete(
        report_supports::table
            .filter(report_supports::report_id.eq(report))
            .filter(report_supports::user_id.eq(user)),
    )
    .execute(conn)?;
    Ok(removed > 0)
}

/// How many residents support a report.
pub fn count(conn: &mut PgConnection, report: Uuid) -> QueryResult<i64> {
    report_supports::table
        .filter(report_supports::report_id.eq(report))
        .count()
        .get_result(conn)
}

/// Whether `user` supports `report`.
pub fn supports(conn: &mut PgConnection, report: Uuid, user: Uuid) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        report_supports::table
            .filter(report_supports::report_id.eq(report))
            .filter(report_supports::user_id.eq(user)),
    ))
    .get_result(conn)
}
