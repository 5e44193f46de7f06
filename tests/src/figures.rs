//! The trust-and-safety suite's figures: what a test's servers answered, by class, and the check
//! that none of it was a server error.

use crate::TestApp;

/// At the end of a test, what its servers answered (printed as one `ABUSE-FIGURES` line, which
/// `cargo nextest run --no-capture` shows, to be summed), and the check that none of it was a
/// server error. A `503` is back-pressure (`Retry-After`), counted apart; only the crowd of
/// statistics requests may meet it.
pub struct Figures<'a> {
    test: &'static str,
    servers: Vec<&'a TestApp>,
}

impl<'a> Figures<'a> {
    pub fn of(test: &'static str, servers: &[&'a TestApp]) -> Figures<'a> {
        Figures {
            test,
            servers: servers.to_vec(),
        }
    }
}

impl Drop for Figures<'_> {
    fn drop(&mut self) {
        let (mut classes, mut throttled, mut unavailable) = ([0u64; 5], 0, 0);
        for app in &self.servers {
            let answers = &app.state.answers;
            for (sum, n) in classes.iter_mut().zip(answers.by_class()) {
                *sum += n;
            }
            throttled += answers.throttled();
            unavailable += answers.unavailable();
        }
        let [_, ok, redirect, client, server] = classes;
        println!(
            "ABUSE-FIGURES {}: answered {} (2xx {ok}, 3xx {redirect}, 4xx {client} of which 429 \
             {throttled}, 5xx {server} of which 503 {unavailable})",
            self.test,
            classes.iter().sum::<u64>()
        );
        if !std::thread::panicking() {
            assert_eq!(server - unavailable, 0, "server errors in {}", self.test);
        }
    }
}
