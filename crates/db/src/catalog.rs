//! Categories: the data the apps' pickers read.

use diesel::prelude::*;

use crate::models::Category;
use crate::schema::categories;

pub fn active_categories(conn: &mut PgConnection) -> QueryResult<Vec<Category>> {
    categories::table
        .filter(categories::active.eq(true))
        .order((categories::sort_order, categories::code))
        .select(Category::as_select())
        .load(conn)
}

pub fn category_exists(conn: &mut PgConnection, code: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(categories::table.find(code))).get_result(conn)
}

/// How far "already reported?" looks around a report of an active category (metres); `None` for
/// a category that is unknown or inactive.
pub fn nearby_radius(conn: &mut PgConnection, code: &str) -> QueryResult<Option<i32>> {
    categories::table
        .find(code)
        .filter(categories::active.eq(true))
        .select(categories::nearby_radius_m)
        .first(conn)
        .optional()
}
