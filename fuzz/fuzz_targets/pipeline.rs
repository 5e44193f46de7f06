//! Fuzzes the photo pipeline's entry point with arbitrary bytes: whatever arrives, it must answer
//! with processed variants or a rejection, never panic, hang or exhaust memory.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The production limits: a crafted header that passes them must not blow up the decoder.
    let limits = hientruong_media::Limits::default();
    if let Ok(processed) = hientruong_media::process(data, &limits) {
        assert!(processed.display.width <= hientruong_media::pipeline::DISPLAY_MAX);
        assert!(processed.thumb.width <= hientruong_media::pipeline::THUMB_MAX);
    }
});
