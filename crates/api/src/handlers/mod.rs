//! One handler per file, named by resource and verb.

pub mod admin;
pub mod auth;
pub mod catalog;
pub mod download;
pub mod errors;
pub mod events;
pub mod feeds;
pub mod geojson;
pub mod health;
pub mod immutable;
pub mod me;
pub mod media;
pub mod meta;
pub mod open311;
pub mod push;
pub mod query;
pub mod reports;
pub mod stats;
pub mod templates;
pub mod tickets;
pub mod unsubscribe;
pub mod web;
