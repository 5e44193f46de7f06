//! Downloads: CSV files for spreadsheets.

use actix_web::HttpResponse;
use actix_web::http::header;

use crate::error::ApiError;

/// A cell that a spreadsheet would not read as a formula: text that residents wrote may begin
/// with `=`, `+`, `-`, `@` (or their full-width forms `＝＋－＠`, which some spreadsheets read the
/// same way) or a control character, also after leading spaces, which spreadsheets skip.
fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    const TRIGGERS: [char; 8] = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];
    let first = cell
        .trim_start_matches(|c: char| c.is_whitespace() && !c.is_control())
        .chars()
        .next();
    if first.is_some_and(|c| TRIGGERS.contains(&c) || c.is_control()) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// A CSV download `{name}.csv` with a header line and one line per record (RFC 4180 quoting).
pub(crate) fn csv(
    name: &str,
    columns: &[&str],
    records: impl Iterator<Item = Vec<String>>,
) -> Result<HttpResponse, ApiError> {
    Ok(response(name, csv_bytes(columns, records)?))
}

/// The bytes of a CSV file (for building it off the async threads).
pub(crate) fn csv_bytes(
    columns: &[&str],
    records: impl Iterator<Item = Vec<String>>,
) -> Result<Vec<u8>, ApiError> {
    let failed = |e: csv::Error| {
        tracing::error!(error = %e, "could not write CSV");
        ApiError::new(hientruong_domain::Error::Internal)
    };
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(columns).map_err(failed)?;
    for record in records {
        out.write_record(record.iter().map(|c| inert(c).into_owned()))
            .map_err(failed)?;
    }
    out.into_inner()
        .map_err(|e| failed(csv::Error::from(e.into_error())))
}

/// A CSV download of `bytes` named `{name}.csv`.
pub(crate) fn response(name: &str, bytes: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}.csv\""),
        ))
        .body(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_plain_text_is_kept() {
        assert_eq!(inert("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(inert("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(inert("Ngập sâu"), "Ngập sâu");
        assert_eq!(inert("  =1+1"), "'  =1+1");
        assert_eq!(inert("\u{a0}\u{3000}+1"), "'\u{a0}\u{3000}+1");
        assert_eq!(inert("＝HYPERLINK(\"x\")"), "'＝HYPERLINK(\"x\")");
        assert_eq!(inert("＋1"), "'＋1");
        assert_eq!(inert("－1"), "'－1");
        assert_eq!(inert("＠SUM"), "'＠SUM");
        assert_eq!(inert("\nfoo"), "'\nfoo");
        assert_eq!(inert(" Ngập 40 cm"), " Ngập 40 cm");
        assert_eq!(inert(""), "");
        let bytes = csv_bytes(&["a"], [vec!["-1+2".to_owned()]].into_iter()).expect("csv");
        assert_eq!(String::from_utf8(bytes).expect("utf-8"), "a\n'-1+2\n");
    }
}
