//! Routing rules: which unit handles a category where.

pub mod add;
pub mod end;
pub mod list;
