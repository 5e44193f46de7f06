//! What administrators maintain: handling units, categories, routing rules, and each unit's
//! response templates. (Accounts are in [`crate::users`], deadlines in [`crate::sla`].)

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use hientruong_domain::Error as DomainError;
use hientruong_domain::text;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::Error;
use crate::models::Category;
use crate::schema::{categories, handling_units, response_templates, routing_rules};

/// A check constraint or a missing reference: the input was wrong, not the database.
fn invalid_input(e: DieselError, error: DomainError) -> Error {
    match e {
        DieselError::DatabaseError(
            DatabaseErrorKind::CheckViolation
            | DatabaseErrorKind::ForeignKeyViolation
            | DatabaseErrorKind::UniqueViolation
            | DatabaseErrorKind::NotNullViolation,
            _,
        ) => error.into(),
        other => other.into(),
    }
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = handling_units, check_for_backend(diesel::pg::Pg))]
pub struct Unit {
    pub code: String,
    pub kind: String,
    pub name_vi: String,
    pub name_en: String,
    pub email: String,
    pub commune_code: Option<String>,
    pub active: bool,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct UnitInput {
    /// `commune_committee`, `department` or `ioc`.
    pub kind: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1))]
    pub name_vi: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1))]
    pub name_en: String,
    /// The unit's mailbox (escalations and notices).
    #[cfg_attr(feature = "openapi", schema(format = Email))]
    pub email: String,
    #[serde(default)]
    pub commune_code: Option<String>,
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

pub fn units(conn: &mut PgConnection) -> QueryResult<Vec<Unit>> {
    handling_units::table
        .order((handling_units::kind, handling_units::code))
        .select(Unit::as_select())
        .load(conn)
}

/// A unit as written: inserted, or on conflict its columns other than the code updated.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = handling_units, treat_none_as_null = true)]
struct UnitRow<'a> {
    code: &'a str,
    kind: &'a str,
    name_vi: String,
    name_en: String,
    email: &'a str,
    commune_code: Option<&'a str>,
    active: bool,
}

/// Creates or updates a handling unit.
pub fn put_unit(conn: &mut PgConnection, code: &str, input: &UnitInput) -> Result<Unit, Error> {
    let row = UnitRow {
        code,
        kind: &input.kind,
        name_vi: text::clean(&input.name_vi),
        name_en: text::clean(&input.name_en),
        email: input.email.trim(),
        commune_code: input.commune_code.as_deref(),
        active: input.active,
    };
    if row.name_vi.is_empty() || row.name_en.is_empty() || !row.email.contains('@') {
        return Err(DomainError::InvalidDefinition.into());
    }
    diesel::insert_into(handling_units::table)
        .values(&row)
        .on_conflict(handling_units::code)
        .do_update()
        .set(&row)
        .returning(Unit::as_returning())
        .get_result(conn)
        .map_err(|e| invalid_input(e, DomainError::InvalidDefinition))
}

pub fn all_categories(conn: &mut PgConnection) -> QueryResult<Vec<Category>> {
    categories::table
        .order((categories::sort_order, categories::code))
        .select(Category::as_select())
        .load(conn)
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryInput {
    #[cfg_attr(feature = "openapi", schema(min_length = 1))]
    pub name_vi: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1))]
    pub name_en: String,
    #[serde(default)]
    pub urgent: bool,
    #[serde(default = "yes")]
    pub active: bool,
    #[serde(default)]
    pub sort_order: i32,
    /// How far "already reported?" looks for open reports of the category, 10 to 1,000 metres.
    #[serde(default = "nearby_radius")]
    #[cfg_attr(
        feature = "openapi",
        schema(minimum = 10, maximum = 1000, default = 250)
    )]
    pub nearby_radius_m: i32,
}

fn nearby_radius() -> i32 {
    250
}

#[derive(Insertable, AsChangeset)]
#[diesel(table_name = categories)]
struct CategoryRow<'a> {
    code: &'a str,
    name_vi: String,
    name_en: String,
    urgent: bool,
    active: bool,
    sort_order: i32,
    nearby_radius_m: i32,
}

/// Creates or updates a category. Urgency applies to reports received from now on.
pub fn put_category(
    conn: &mut PgConnection,
    code: &str,
    input: &CategoryInput,
) -> Result<Category, Error> {
    let row = CategoryRow {
        code,
        name_vi: text::clean(&input.name_vi),
        name_en: text::clean(&input.name_en),
        urgent: input.urgent,
        active: input.active,
        sort_order: input.sort_order,
        nearby_radius_m: input.nearby_radius_m,
    };
    if row.name_vi.is_empty() || row.name_en.is_empty() {
        return Err(DomainError::InvalidDefinition.into());
    }
    diesel::insert_into(categories::table)
        .values(&row)
        .on_conflict(categories::code)
        .do_update()
        .set(&row)
        .returning(Category::as_returning())
        .get_result(conn)
        .map_err(|e| invalid_input(e, DomainError::InvalidDefinition))
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = routing_rules, check_for_backend(diesel::pg::Pg))]
pub struct Rule {
    pub id: i64,
    pub category_code: String,
    pub commune_code: Option<String>,
    pub target_kind: String,
    pub target_unit: Option<String>,
    pub valid_from: DateTime<Utc>,
    pub valid_to: Option<DateTime<Utc>>,
    pub note: Option<String>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleInput {
    pub category: String,
    /// Absent: city-wide.
    #[serde(default)]
    pub commune: Option<String>,
    /// `unit` (send to `target_unit`) or `commune_committee` (the report's own commune).
    pub target_kind: String,
    #[serde(default)]
    pub target_unit: Option<String>,
    /// Default: now.
    #[serde(default)]
    pub valid_from: Option<DateTime<Utc>>,
    #[serde(default)]
    pub note: Option<String>,
}

pub fn rules(conn: &mut PgConnection) -> QueryResult<Vec<Rule>> {
    routing_rules::table
        .order((routing_rules::category_code, routing_rules::valid_from))
        .select(Rule::as_select())
        .load(conn)
}

/// Adds a routing rule. Rules are never edited in place: a change is a new rule and the end of
/// the old one, so that every stored routing decision can still be explained.
pub fn add_rule(conn: &mut PgConnection, input: &RuleInput) -> Result<Rule, Error> {
    if let Some(unit) = &input.target_unit
        && !crate::users::unit_exists(conn, unit)?
    {
        return Err(DomainError::UnknownUnit.into());
    }
    if !crate::catalog::category_exists(conn, &input.category)? {
        return Err(DomainError::UnknownCategory.into());
    }
    diesel::insert_into(routing_rules::table)
        .values((
            routing_rules::category_code.eq(&input.category),
            routing_rules::commune_code.eq(&input.commune),
            routing_rules::target_kind.eq(&input.target_kind),
            routing_rules::target_unit.eq(&input.target_unit),
            routing_rules::valid_from.eq(input.valid_from.unwrap_or_else(Utc::now)),
            routing_rules::note.eq(&input.note),
        ))
        .returning(Rule::as_returning())
        .get_result(conn)
        .map_err(|e| invalid_input(e, DomainError::UnknownUnit))
}

/// Ends a rule at `at` (it stays on record).
pub fn end_rule(conn: &mut PgConnection, id: i64, at: DateTime<Utc>) -> Result<Rule, Error> {
    diesel::update(routing_rules::table.find(id))
        .set(routing_rules::valid_to.eq(at))
        .returning(Rule::as_returning())
        .get_result(conn)
        .optional()
        .map_err(|e| invalid_input(e, DomainError::InvalidPeriod))?
        .ok_or(DomainError::NotFound.into())
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = response_templates, check_for_backend(diesel::pg::Pg))]
pub struct Template {
    pub id: Uuid,
    pub unit_code: String,
    pub title: String,
    pub body: String,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
}

pub fn templates(conn: &mut PgConnection, unit: &str) -> QueryResult<Vec<Template>> {
    response_templates::table
        .filter(response_templates::unit_code.eq(unit))
        .order(response_templates::title)
        .select(Template::as_select())
        .load(conn)
}

pub fn add_template(
    conn: &mut PgConnection,
    unit: &str,
    title: &str,
    body: &str,
    author: Uuid,
) -> Result<Template, Error> {
    let title = text::clean(title);
    let body = text::clean(body);
    if title.is_empty()
        || body.is_empty()
        || text::char_len(&title) > 200
        || text::char_len(&body) > 4000
    {
        return Err(DomainError::InvalidTemplate.into());
    }
    diesel::insert_into(response_templates::table)
        .values((
            response_templates::id.eq(Uuid::now_v7()),
            response_templates::unit_code.eq(unit),
            response_templates::title.eq(&title),
            response_templates::body.eq(&body),
            response_templates::created_by.eq(author),
        ))
        .returning(Template::as_returning())
        .get_result(conn)
        .map_err(|e| invalid_input(e, DomainError::UnknownUnit))
}

pub fn template(conn: &mut PgConnection, id: Uuid) -> Result<Template, Error> {
    response_templates::table
        .find(id)
        .select(Template::as_select())
        .first(conn)
        .optional()?
        .ok_or(DomainError::NotFound.into())
}

pub fn delete_template(conn: &mut PgConnection, id: Uuid) -> QueryResult<usize> {
    diesel::delete(response_templates::table.find(id)).execute(conn)
}
