//! Reference data the apps show in pickers and maps: categories, communes (also as outlines) and
//! handling units. All public: none of it is personal.

pub mod categories;
pub mod communes;
pub mod units;
