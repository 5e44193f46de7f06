//! Moderation of what residents published: hiding a report's text or a photo from the public.

pub mod hide;
