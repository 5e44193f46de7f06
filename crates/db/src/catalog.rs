//! Categories and handling units: the data that routing and the apps' pickers read.

use diesel::prelude::*;

use crate::models::{Category, HandlingUnit};
use crate::schema::{categories, handling_units};

pub fn active_categories(conn: &mut PgConnection) -> QueryResult<Vec<Category>> {
    categories::table
        .filter(categories::active.eq(true))
        .order((categories::sort_order, categories::code))
        .select(Category::as_select())
        .load(conn)
}

pub fn handling_units(conn: &mut PgConnection) -> QueryResult<Vec<HandlingUnit>> {
    handling_units::table
        .order((handling_units::kind, handling_units::code))
        .select(HandlingUnit::as_select())
        .load(conn)
}
