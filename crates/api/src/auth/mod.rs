//! Authentication: passwords, access tokens, refresh tokens, and the extractor handlers use.

mod extractor;
pub mod jwt;
pub mod password;

pub use extractor::{AuthUser, MaybeAuthUser};
