//! Downloads: CSV files for spreadsheets.

use actix_web::HttpResponse;
use actix_web::http::header;

use crate::error::ApiError;

/// A CSV download `{name}.csv` with a header line and one line per record (RFC 4180 quoting).
pub(crate) fn csv(
    name: &str,
    columns: &[&str],
    records: impl Iterator<Item = Vec<String>>,
) -> Result<HttpResponse, ApiError> {
    let failed = |e: csv::Error| {
        tracing::error!(error = %e, "could not write CSV");
        ApiError::new(hientruong_domain::Error::Internal)
    };
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(columns).map_err(failed)?;
    for record in records {
        out.write_record(&record).map_err(failed)?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| failed(csv::Error::from(e.into_error())))?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}.csv\""),
        ))
        .body(bytes))
}
