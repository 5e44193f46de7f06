//! The read model of what a client application (Open311) sent with a report beyond the report
//! itself: who it says reported, and the answers to the category's extra questions.

use std::collections::BTreeMap;

use diesel::prelude::*;
use hientruong_domain::open311::{Answer, Contact};
use uuid::Uuid;

use crate::schema::report_submissions;

/// Who the client application says reported, and the rest of what it sent beyond the report.
#[derive(Debug, Clone, Default)]
pub struct Submission {
    pub contact: Contact,
    pub answers: BTreeMap<String, Answer>,
}

/// What the client application sent with this report, if it came through Open311.
pub fn get(conn: &mut PgConnection, report: Uuid) -> QueryResult<Option<Submission>> {
    type Row = (
        (
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
        ),
        (Option<String>, Option<String>, Option<String>),
        serde_json::Value,
    );
    let row: Option<Row> = report_submissions::table
        .find(report)
        .select((
            (
                report_submissions::email,
                report_submissions::first_name,
                report_submissions::last_name,
                report_submissions::phone,
            ),
            (
                report_submissions::device_id,
                report_submissions::account_id,
                report_submissions::media_url,
            ),
            report_submissions::answers,
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(
        |((email, first_name, last_name, phone), (device_id, account_id, media_url), answers)| {
            Submission {
                contact: Contact {
                    email,
                    first_name,
                    last_name,
                    phone,
                    device_id,
                    account_id,
                    media_url,
                },
                answers: serde_json::from_value(answers).unwrap_or_default(),
            }
        },
    ))
}
