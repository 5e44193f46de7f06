//! Browser scenarios: Debian's Chromium driven by Playwright (`playwright-core`) through a Node
//! script of `web/tests/`, which drives the pages, asserts, and leaves screenshots in
//! `tests/artifacts/web/<test>/`.
//!
//! Needs `web/node_modules` and `web/dist` (`npm ci && npm run build` in `web/`, which
//! `scripts/test` does first).

use std::path::PathBuf;
use std::process::Command;

use crate::workspace;

fn web_dir() -> PathBuf {
    workspace().join("web")
}

/// Runs `web/tests/<script>` with `env`; fails the test with the script's output when it fails,
/// answers its standard output otherwise.
pub fn run_scenario(test: &str, script: &str, env: &[(&str, String)]) -> String {
    let web = web_dir();
    assert!(
        web.join("dist/index.html").is_file() && web.join("node_modules/playwright-core").is_dir(),
        "the web app is not built: run `npm ci && npm run build` in web/ (scripts/test does)"
    );
    let artifacts = workspace().join("tests/artifacts/web").join(test);
    let _ = std::fs::remove_dir_all(&artifacts);
    std::fs::create_dir_all(&artifacts).expect("artifacts dir");
    let out = Command::new("node")
        .arg(format!("tests/{script}"))
        .current_dir(&web)
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .env("HT_ARTIFACTS", &artifacts)
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{script} failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
    let shots = std::fs::read_dir(&artifacts)
        .map(|d| d.flatten().count())
        .unwrap_or(0);
    assert!(shots > 0, "{script} left no screenshot in {artifacts:?}");
    stdout.into_owned()
}
