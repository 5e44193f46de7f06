//! A map tile server of the tests' own, on loopback: every `GET /{z}/{x}/{y}.png` answers the
//! same small PNG, and the server counts what it served, so that a browser test can show the
//! residents' base map without the internet and check that the map really asked for tiles.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use image::{ImageFormat, Rgb, RgbImage};

pub struct TileServer {
    /// The tile address template, as `HIENTRUONG_TILE_URL` takes it.
    pub url: String,
    served: Arc<AtomicUsize>,
}

impl TileServer {
    pub fn start() -> TileServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the tile server");
        let port = listener.local_addr().expect("address").port();
        let mut tile = Vec::new();
        RgbImage::from_pixel(256, 256, Rgb([232, 236, 228]))
            .write_to(&mut std::io::Cursor::new(&mut tile), ImageFormat::Png)
            .expect("encode the tile");
        let served = Arc::new(AtomicUsize::new(0));
        let counter = served.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let tile = tile.clone();
                let counter = counter.clone();
                std::thread::spawn(move || {
                    let mut reader = BufReader::new(&stream);
                    let mut request_line = String::new();
                    if reader.read_line(&mut request_line).is_err() {
                        return;
                    }
                    // The rest of the head, which is not needed.
                    let mut line = String::new();
                    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                        line.clear();
                    }
                    let is_tile =
                        request_line.starts_with("GET /") && request_line.contains(".png");
                    let mut stream = &stream;
                    if is_tile {
                        counter.fetch_add(1, Ordering::SeqCst);
                        let head = format!(
                            "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                            tile.len()
                        );
                        let _ = stream.write_all(head.as_bytes());
                        let _ = stream.write_all(&tile);
                    } else {
                        let _ = stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    }
                });
            }
        });
        TileServer {
            url: format!("http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png"),
            served,
        }
    }

    /// How many tiles were served so far.
    pub fn served(&self) -> usize {
        self.served.load(Ordering::SeqCst)
    }

    /// The residents' base map from this server.
    pub fn source(&self) -> hientruong_api::TileSource {
        hientruong_api::TileSource::new(&self.url, "Test tiles").expect("tile source")
    }
}
