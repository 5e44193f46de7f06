//! The application layer of Hiện Trường: one function per use case (submit a report, act on a
//! ticket, rate, upload photos, register, log in, administer users...), each owning its
//! transaction and its policy check and returning domain values. Handlers (api) and commands
//! (server) call these; nothing here knows HTTP.
//!
//! What it holds so far: [`password`], the hashing that registration, login and account creation
//! share (the HTTP handlers and the `hientruong` commands alike).

pub mod password;
