//! Keyset pagination over (created_at, id), newest first.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::Error;

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 200;

/// The position after the last item of a page. Clients treat its text form as opaque.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub at: DateTime<Utc>,
    pub id: Uuid,
}

impl Cursor {
    pub fn encode(&self) -> String {
        format!("{}_{}", self.at.timestamp_micros(), self.id.simple())
    }

    pub fn decode(text: &str) -> Result<Cursor, Error> {
        let (micros, id) = text.split_once('_').ok_or(Error::InvalidCursor)?;
        let micros: i64 = micros.parse().map_err(|_| Error::InvalidCursor)?;
        let at = DateTime::from_timestamp_micros(micros).ok_or(Error::InvalidCursor)?;
        // Cursors point at report times; the database cannot even represent some far-off ones.
        if !(2000..=2200).contains(&chrono::Datelike::year(&at)) {
            return Err(Error::InvalidCursor);
        }
        let id = Uuid::try_parse(id).map_err(|_| Error::InvalidCursor)?;
        Ok(Cursor { at, id })
    }
}

/// The page size asked for, defaulted and checked.
pub fn page_limit(requested: Option<i64>) -> Result<i64, Error> {
    match requested {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(_) => Err(Error::InvalidQuery),
    }
}

/// A bounding box `minLon,minLat,maxLon,maxLat`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bbox {
    pub min_lon: f64,
    pub min_lat: f64,
    pub max_lon: f64,
    pub max_lat: f64,
}

impl Bbox {
    pub fn parse(text: &str) -> Result<Bbox, Error> {
        let parts: Vec<f64> = text
            .split(',')
            .map(|p| p.trim().parse::<f64>().map_err(|_| Error::InvalidBbox))
            .collect::<Result<_, _>>()?;
        let [min_lon, min_lat, max_lon, max_lat] = parts[..] else {
            return Err(Error::InvalidBbox);
        };
        let lon_ok = |v: f64| v.is_finite() && (-180.0..=180.0).contains(&v);
        let lat_ok = |v: f64| v.is_finite() && (-90.0..=90.0).contains(&v);
        if lon_ok(min_lon)
            && lon_ok(max_lon)
            && lat_ok(min_lat)
            && lat_ok(max_lat)
            && min_lon <= max_lon
            && min_lat <= max_lat
        {
            Ok(Bbox {
                min_lon,
                min_lat,
                max_lon,
                max_lat,
            })
        } else {
            Err(Error::InvalidBbox)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trips_and_rejects_garbage() {
        let c = Cursor {
            at: DateTime::from_timestamp_micros(1_764_000_000_123_456).expect("valid"),
            id: Uuid::new_v4(),
        };
        assert_eq!(Cursor::decode(&c.encode()), Ok(c));
        for bad in [
            "",
            "abc",
            "12_zz",
            "x_00000000000000000000000000000000",
            "-300000000000000000_00000000000000000000000000000000",
        ] {
            assert_eq!(Cursor::decode(bad), Err(Error::InvalidCursor), "{bad}");
        }
    }

    #[test]
    fn limits_and_bbox() {
        assert_eq!(page_limit(None), Ok(DEFAULT_LIMIT));
        assert_eq!(page_limit(Some(0)), Err(Error::InvalidQuery));
        assert_eq!(page_limit(Some(201)), Err(Error::InvalidQuery));
        assert!(Bbox::parse("107.5,16.4,107.7,16.6").is_ok());
        for bad in [
            "107.5,16.4,107.7",
            "a,b,c,d",
            "107.7,16.4,107.5,16.6",
            "0,0,0,91",
        ] {
            assert_eq!(Bbox::parse(bad), Err(Error::InvalidBbox), "{bad}");
        }
    }
}
