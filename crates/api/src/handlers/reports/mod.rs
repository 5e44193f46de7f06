pub mod create;
pub mod get;
pub mod list;
pub mod mine;
pub mod photos;
pub mod rating;
