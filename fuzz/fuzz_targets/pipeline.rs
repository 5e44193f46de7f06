//! Fuzzes the photo pipeline's entry point with arbitrary bytes: whatever arrives, it must answer
//! with processed variants or a rejection, never panic, hang or exhaust memory.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Small limits keep each run fast; the structure and metadata parsers see the same code paths.
    let limits = hientruong_media::Limits {
        max_bytes: 1 << 20,
        max_pixels: 4_000_000,
        max_photos: 5,
    };
    if let Ok(processed) = hientruong_media::process(data, &limits) {
        assert!(processed.display.width <= hientruong_media::pipeline::DISPLAY_MAX);
        assert!(processed.thumb.width <= hientruong_media::pipeline::THUMB_MAX);
    }
});
