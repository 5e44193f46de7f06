//! Benchmark: the photo pipeline on 12-megapixel JPEGs (4000×3000) against `vipsthumbnail`
//! (Debian's libvips-tools) producing the same two variants from the same files in the same run,
//! and the server's peak RSS while 8 uploads run at once. See docs/benchmarks.md.
//!
//! Usage: `cargo run --release -p hientruong-tests --bin bench_photos -- [--photos 8] [--rounds 3]`
//! (after `cargo build --release --bin hientruong`).

use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Result, bail};
use hientruong_tests::bench::{BenchEnv, peak_rss_kib, stop};
use image::{Rgb, RgbImage};
use reqwest::multipart::{Form, Part};
use serde_json::json;
use uuid::Uuid;

/// Photo-like content: smooth light gradients with sensor-like noise, which JPEG cannot compress
/// away the way it does flat colour (flat test images decode unrealistically fast).
fn photo(seed: u64) -> RgbImage {
    let mut state = seed | 1;
    let mut noise = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % 64) as i32 - 32
    };
    RgbImage::from_fn(4000, 3000, |x, y| {
        let fx = x as f32 / 4000.0;
        let fy = y as f32 / 3000.0;
        let wave = ((fx * 23.0).sin() * (fy * 17.0).cos() * 40.0) as i32;
        let base = [
            (90.0 + 120.0 * fx) as i32 + wave,
            (110.0 + 80.0 * fy) as i32 - wave / 2,
            (160.0 - 90.0 * fx * fy) as i32,
        ];
        let px = base.map(|c| (c + noise()).clamp(0, 255) as u8);
        Rgb(px)
    })
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn arg(name: &str, default: usize) -> Result<usize> {
    let args: Vec<String> = std::env::args().collect();
    match args.iter().position(|a| a == name) {
        Some(i) => Ok(args
            .get(i + 1)
            .map(|v| v.parse())
            .transpose()?
            .unwrap_or(default)),
        None => Ok(default),
    }
}

fn vips(file: &std::path::Path, size: u32, out: &str, concurrency: &str) -> Result<()> {
    let status = Command::new("vipsthumbnail")
        .arg(file)
        .args(["-s", &format!("{size}x{size}"), "-o", out])
        .env("VIPS_CONCURRENCY", concurrency)
        .status()?;
    if !status.success() {
        bail!("vipsthumbnail failed");
    }
    Ok(())
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> Result<()> {
    let n = arg("--photos", 8)?;
    let rounds = arg("--rounds", 3)?;
    if Command::new("vipsthumbnail")
        .arg("--vips-version")
        .output()
        .is_err()
    {
        bail!("vipsthumbnail is missing: apt-get install libvips-tools");
    }
    let dir = hientruong_tests::temp_dir("bench-photos");
    let mut files = Vec::new();
    for i in 0..n {
        let path = dir.join(format!("photo{i}.jpg"));
        photo(0x9E37_79B9 + i as u64).save_with_format(&path, image::ImageFormat::Jpeg)?;
        files.push(path);
    }
    let sizes: Vec<u64> = files
        .iter()
        .map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0))
        .collect();
    println!(
        "photos                 {n} × 4000x3000 JPEG, {:.1} MB average",
        sizes.iter().sum::<u64>() as f64 / n as f64 / 1e6
    );

    // The pipeline: one decode, both variants, all metadata dropped, one thread.
    let limits = hientruong_media::Limits::default();
    let mut ours = Vec::new();
    for _ in 0..rounds {
        for f in &files {
            let bytes = std::fs::read(f)?;
            let t = Instant::now();
            let p =
                hientruong_media::process(&bytes, &limits).map_err(|e| anyhow::anyhow!("{e}"))?;
            ours.push(t.elapsed().as_secs_f64() * 1000.0);
            assert_eq!((p.display.width, p.thumb.width), (1600, 320));
        }
    }
    let ours = median(ours);

    // vipsthumbnail: the same two variants (1600 and 320 px, quality 82, metadata stripped).
    let out = dir.join("vips");
    std::fs::create_dir_all(&out)?;
    let display_out = format!("{}/%s_display.jpg[Q=82,strip]", out.display());
    let thumb_out = format!("{}/%s_thumb.jpg[Q=82,strip]", out.display());
    let mut per_file = Vec::new();
    let mut per_file_threads = Vec::new();
    let mut batch = Vec::new();
    for _ in 0..rounds {
        for f in &files {
            let t = Instant::now();
            vips(f, 1600, &display_out, "1")?;
            vips(f, 320, &thumb_out, "1")?;
            per_file.push(t.elapsed().as_secs_f64() * 1000.0);
            let t = Instant::now();
            vips(f, 1600, &display_out, "0")?;
            vips(f, 320, &thumb_out, "0")?;
            per_file_threads.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        // One process per variant for all files: start-up cost spread over the batch.
        let t = Instant::now();
        for (size, pattern) in [(1600, &display_out), (320, &thumb_out)] {
            let status = Command::new("vipsthumbnail")
                .args(&files)
                .args(["-s", &format!("{size}x{size}"), "-o", pattern])
                .env("VIPS_CONCURRENCY", "1")
                .status()?;
            if !status.success() {
                bail!("vipsthumbnail failed");
            }
        }
        batch.push(t.elapsed().as_secs_f64() * 1000.0 / n as f64);
    }
    let (vips_file, vips_threads, vips_batch) =
        (median(per_file), median(per_file_threads), median(batch));
    println!("pipeline ms/photo      {ours:.1} (1 thread)");
    println!(
        "vips ms/photo          {vips_file:.1} (2 invocations per photo, 1 thread)   ratio {:.2}",
        ours / vips_file
    );
    println!(
        "vips ms/photo          {vips_threads:.1} (2 invocations per photo, all cores) ratio {:.2}",
        ours / vips_threads
    );
    println!(
        "vips ms/photo          {vips_batch:.1} (batch of {n} per invocation, 1 thread) ratio {:.2}",
        ours / vips_batch
    );

    // Peak RSS of the server while 8 uploads of 12-megapixel photos run at once.
    let env = BenchEnv::new(8)?;
    let client = reqwest::Client::new();
    let (server, base) = env.start_server(&client, &[]).await?;
    let photo_bytes = std::fs::read(&files[0])?;
    let started = Instant::now();
    let mut busy = 0;
    for wave in 0..3 {
        let tasks: Vec<_> = (0..8)
            .map(|i| {
                let client = client.clone();
                let url = format!("{base}/api/v1/reports");
                let token = env.tokens[i].clone();
                let bytes = photo_bytes.clone();
                tokio::spawn(async move {
                    let key = Uuid::new_v4();
                    let mut busy = 0;
                    loop {
                        let report = json!({"category": "flooding", "description": format!("Ngập, đợt {wave}"), "lat": 16.4698, "lon": 107.5786});
                        let form = Form::new()
                            .text("report", report.to_string())
                            .part("photo", Part::bytes(bytes.clone()).file_name("p.jpg"));
                        let res = client.post(&url).bearer_auth(&token).header("Idempotency-Key", key.to_string()).multipart(form).send().await;
                        match res.map(|r| r.status().as_u16()) {
                            Ok(201) => return busy,
                            Ok(503) => {
                                busy += 1;
                                tokio::time::sleep(Duration::from_millis(200)).await;
                            }
                            other => panic!("upload failed: {other:?}"),
                        }
                    }
                })
            })
            .collect();
        for t in tasks {
            busy += t.await?;
        }
    }
    let rss = peak_rss_kib(server.id());
    stop(server);
    println!(
        "server peak RSS        {:.1} MiB over 3 waves of 8 concurrent 12-MP uploads ({:.1} s, {busy} answered 503 media_busy and retried)",
        rss as f64 / 1024.0,
        started.elapsed().as_secs_f64()
    );
    env.finish()?;
    Ok(())
}
