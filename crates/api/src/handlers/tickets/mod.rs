//! The staff ticket inbox: list, view, act on, and add "after" photos to tickets.

pub mod export;
pub mod get;
pub mod list;
pub mod photos;
pub mod transition;
