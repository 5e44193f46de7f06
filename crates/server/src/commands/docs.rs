//! `settings` and `openapi`: what the binary documents about itself.

use crate::config;

/// `hientruong settings`: every setting, its default and its meaning.
pub fn settings() {
    for (name, default, meaning) in config::KNOWN {
        println!("{name:<36} default {default:<18} {meaning}");
    }
}

/// `hientruong openapi`: the OpenAPI document of /api/v1 (needs no configuration).
pub fn openapi() {
    print!("{}", hientruong_api::routes::openapi_json());
}
