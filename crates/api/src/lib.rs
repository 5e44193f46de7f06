//! The HTTP face of Hiện Trường (actix-web): routes, extractors, authentication and the mapping of
//! domain and storage errors to responses.
//!
//! Handlers are thin: extract, call one use case of the application layer (`hientruong_app`),
//! respond. Errors are one type ([`error::ApiError`]) rendered as `{"error": code, "message": ...}`
//! in the language the client asks for.

pub mod auth;
pub mod client;
mod endpoints;
pub mod error;
mod handlers;
pub mod logging;
mod multipart;
pub mod openapi;
pub mod photos;
pub mod routes;
pub mod slots;
pub mod state;
mod views;

pub use routes::{Serving, build_app, server};
pub use state::{AppState, STATISTICS_CONNECTIONS, Settings, TileSource};
