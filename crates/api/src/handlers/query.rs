//! Query-string parameters shared by the list endpoints. An empty value (`?category=&status=`, as
//! URL templates produce) counts as absent; an invalid one is `400 invalid_query` with a detail.

use hientruong_domain::Error;
use hientruong_domain::pagination::{Cursor, page_limit};
use hientruong_domain::report::{is_code, is_commune_code};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::ApiError;

pub(crate) fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

pub(crate) fn invalid(detail: &str) -> ApiError {
    ApiError::new(Error::InvalidQuery).with_detail(detail)
}

fn checked(value: &str, valid: fn(&str) -> bool, detail: &str) -> Result<String, ApiError> {
    if valid(value) {
        Ok(value.to_owned())
    } else {
        Err(invalid(detail))
    }
}

/// `category=`: a category code.
pub(crate) fn category(value: &Option<String>) -> Result<Option<String>, ApiError> {
    given(value)
        .map(|c| checked(c, is_code, "category is not a category code"))
        .transpose()
}

/// `commune=`: a 5-digit commune code.
pub(crate) fn commune(value: &Option<String>) -> Result<Option<String>, ApiError> {
    given(value)
        .map(|c| checked(c, is_commune_code, "commune must be a 5-digit code"))
        .transpose()
}

/// `limit=`: the page size (default and bounds from the domain).
pub(crate) fn limit(value: &Option<String>) -> Result<i64, ApiError> {
    let requested = given(value)
        .map(|l| {
            l.parse::<i64>()
                .map_err(|_| invalid("limit must be a number"))
        })
        .transpose()?;
    Ok(page_limit(requested)?)
}

/// `cursor=`: where the previous page ended.
pub(crate) fn cursor(value: &Option<String>) -> Result<Option<Cursor>, ApiError> {
    Ok(given(value).map(Cursor::decode).transpose()?)
}

/// `?unit=CODE`, the only parameter of several staff lists.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct UnitQuery {
    /// A handling unit's code.
    pub unit: Option<String>,
}

impl UnitQuery {
    pub(crate) fn unit(&self) -> Option<&str> {
        given(&self.unit)
    }
}
