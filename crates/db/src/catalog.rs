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
