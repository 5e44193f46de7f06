//! Authentication: access tokens, refresh tokens, and the extractor handlers use (passwords are
//! hashed by the application layer, `hientruong_app::password`).

mod extractor;
pub mod jwt;

pub use extractor::{AuthUser, MaybeAuthUser};
