//! Notifications: what happened, for whom, and its text in Vietnamese or English.
//!
//! A notice is stored in the outbox as data (in the same transaction as the change that causes
//! it) and rendered into an email when it is delivered.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::Lang;

/// Something a person or a unit must be told.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    /// A ticket arrived at a unit (new, or transferred to it).
    NewTicket {
        tracking_code: String,
        category_vi: String,
        category_en: String,
        commune_vi: String,
        description: String,
        due_at: Option<DateTime<Utc>>,
        urgent: bool,
        transferred: bool,
    },
    /// To the report's followers (its reporter and supporters), as every notice about the
    /// report itself: only what its public timeline shows.
    Accepted { tracking_code: String },
    /// The unit needs more information (from the reporter; supporters may know too).
    NeedsInformation {
        tracking_code: String,
        question: String,
    },
    Resolved {
        tracking_code: String,
        answer: String,
    },
    Rejected {
        tracking_code: String,
        reason: String,
    },
    /// The report is a duplicate of `original`, which is handled instead.
    Duplicate {
        tracking_code: String,
        original: uuid::Uuid,
        reason: Option<String>,
    },
    /// The report is handled again (a supervisor reopened it, or its reporter's rating did).
    ReportReopened { tracking_code: String },
    /// New public reports in an area the recipient watches (one area alert's digest).
    AlertDigest { reports: Vec<AlertItem> },
    /// A deadline is near or past: level 1 warns the unit, 2 goes to its manager, 3 to the IOC.
    Escalation {
        tracking_code: String,
        level: i16,
        unit_vi: String,
        due_at: DateTime<Utc>,
    },
    /// To the unit manager: the reporter's low rating (or a supervisor) reopened the ticket.
    Reopened {
        tracking_code: String,
        score: Option<i16>,
        comment: Option<String>,
    },
}

/// One report of an alert's digest: what anyone may see of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlertItem {
    pub id: uuid::Uuid,
    pub tracking_code: String,
    pub category_vi: String,
    pub category_en: String,
    pub commune_vi: String,
}

/// An email ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub body: String,
}

fn local(t: DateTime<Utc>) -> String {
    t.with_timezone(&crate::sla::vn_offset())
        .format("%H:%M %d/%m/%Y")
        .to_string()
}

/// At most this many characters of the unit's words go into a push, which must stay small
/// (push services take 4 KB, encrypted).
const PUSH_TEXT_CHARS: usize = 400;

/// A push message to a browser, as the service worker reads it: public data only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PushMessage {
    pub title: String,
    pub body: String,
    /// Where tapping it leads, in the residents' app (relative to the app's origin).
    pub url: String,
    /// One notification per report on the phone: a newer one replaces it.
    pub tag: String,
    /// The after photo's thumbnail, for a resolution.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
}

/// The residents' app's list of notices, relative to the app.
pub const NOTICES_PATH: &str = "/#/notifications";

/// The residents' app's page of a report, relative to the app.
pub fn report_path(report: uuid::Uuid) -> String {
    format!("/#/reports/{report}")
}

/// The end of every email about a report: its page, a resolution's after photo, and the
/// one-click link that stops such email (when the recipient has an account to stop it for).
pub fn email_footer(
    lang: Lang,
    report_url: &str,
    photo_url: Option<&str>,
    unsubscribe_url: Option<&str>,
) -> String {
    let vi = lang == Lang::Vi;
    let mut footer = if vi {
        format!("\n--\nXem phản ánh: {report_url}\n")
    } else {
        format!("\n--\nSee the report: {report_url}\n")
    };
    if let Some(url) = photo_url {
        footer.push_str(&if vi {
            format!("Ảnh sau khi xử lý: {url}\n")
        } else {
            format!("The photo after the work: {url}\n")
        });
    }
    if let Some(url) = unsubscribe_url {
        footer.push_str(&if vi {
            format!("Ngừng nhận email về phản ánh: {url}\n")
        } else {
            format!("Stop email about reports: {url}\n")
        });
    }
    footer
}

impl Notice {
    /// What kind of news it is, as the API names it.
    pub fn kind(&self) -> &'static str {
        match self {
            Notice::NewTicket { .. } => "new_ticket",
            Notice::Accepted { .. } => "accepted",
            Notice::NeedsInformation { .. } => "needs_information",
            Notice::Resolved { .. } => "resolved",
            Notice::Rejected { .. } => "rejected",
            Notice::Duplicate { .. } => "duplicate",
            Notice::ReportReopened { .. } => "reopened",
            Notice::Escalation { .. } => "escalation",
            Notice::Reopened { .. } => "reopened_for_managers",
            Notice::AlertDigest { .. } => "alert",
        }
    }

    /// Where the news leads in the residents' app: the report it is about (`report`), the one
    /// handled instead of a duplicate, an alert's only report, or the list of notices.
    pub fn link(&self, report: Option<uuid::Uuid>) -> String {
        match (self, report) {
            (Notice::Duplicate { original, .. }, _) => report_path(*original),
            (Notice::AlertDigest { reports }, _) => match reports.as_slice() {
                [one] => report_path(one.id),
                _ => NOTICES_PATH.to_owned(),
            },
            (_, Some(report)) => report_path(report),
            (_, None) => NOTICES_PATH.to_owned(),
        }
    }

    /// The unit's own words in it: the question, the answer, the reason.
    pub fn text(&self) -> Option<&str> {
        match self {
            Notice::NeedsInformation { question: t, .. }
            | Notice::Resolved { answer: t, .. }
            | Notice::Rejected { reason: t, .. } => {
                Some(t).filter(|t| !t.is_empty()).map(|t| t.as_str())
            }
            Notice::Duplicate { reason, .. } => reason.as_deref(),
            _ => None,
        }
    }

    /// The push to a follower's browser: the email's subject as its title, the unit's words (or
    /// a line saying what happened) as its body.
    pub fn push(
        &self,
        lang: Lang,
        report: Option<uuid::Uuid>,
        image: Option<String>,
    ) -> PushMessage {
        let vi = lang == Lang::Vi;
        let body = match (self.text(), self) {
            (Some(text), _) => text.chars().take(PUSH_TEXT_CHARS).collect(),
            (None, Notice::AlertDigest { reports }) => reports
                .iter()
                .map(|r| {
                    let category = if vi { &r.category_vi } else { &r.category_en };
                    format!("{}: {category}, {}", r.tracking_code, r.commune_vi)
                })
                .collect::<Vec<_>>()
                .join("\n")
                .chars()
                .take(PUSH_TEXT_CHARS)
                .collect(),
            (None, _) => match (self, vi) {
                (Notice::Accepted { .. }, true) => {
                    "Đơn vị có thẩm quyền đã tiếp nhận và đang xử lý."
                }
                (Notice::Accepted { .. }, false) => {
                    "The responsible unit accepted it and is handling it."
                }
                (Notice::Duplicate { .. }, true) => "Trùng với một phản ánh đang được xử lý.",
                (Notice::Duplicate { .. }, false) => {
                    "The same problem as a report already being handled."
                }
                (_, true) => "Phản ánh được xử lý lại.",
                (_, false) => "It is being handled again.",
            }
            .to_owned(),
        };
        PushMessage {
            title: self.render(lang).subject,
            body,
            url: self.link(report),
            tag: match (self, report) {
                (Notice::AlertDigest { .. }, _) | (_, None) => "alerts".to_owned(),
                (_, Some(report)) => format!("report-{report}"),
            },
            image,
        }
    }

    pub fn tracking_code(&self) -> &str {
        match self {
            Notice::NewTicket { tracking_code, .. }
            | Notice::Accepted { tracking_code }
            | Notice::NeedsInformation { tracking_code, .. }
            | Notice::Resolved { tracking_code, .. }
            | Notice::Rejected { tracking_code, .. }
            | Notice::Duplicate { tracking_code, .. }
            | Notice::ReportReopened { tracking_code }
            | Notice::Escalation { tracking_code, .. }
            | Notice::Reopened { tracking_code, .. } => tracking_code,
            Notice::AlertDigest { reports } => reports
                .first()
                .map(|r| r.tracking_code.as_str())
                .unwrap_or_default(),
        }
    }

    pub fn render(&self, lang: Lang) -> Rendered {
        let code = self.tracking_code();
        let vi = lang == Lang::Vi;
        let (subject, body) = match self {
            Notice::NewTicket {
                category_vi,
                category_en,
                commune_vi,
                description,
                due_at,
                urgent,
                transferred,
                ..
            } => {
                let due = due_at.map(local).unwrap_or_default();
                if vi {
                    (
                        format!(
                            "{}{} {code}: {category_vi} tại {commune_vi}",
                            if *urgent { "[KHẨN] " } else { "" },
                            if *transferred {
                                "Phiếu được chuyển đến"
                            } else {
                                "Phản ánh mới"
                            }
                        ),
                        format!(
                            "Đơn vị có phiếu phản ánh {code} ({category_vi}, {commune_vi}).\n\n\
                             {description}\n\nHạn tiếp nhận: {due}.\n"
                        ),
                    )
                } else {
                    (
                        format!(
                            "{}{} {code}: {category_en} in {commune_vi}",
                            if *urgent { "[URGENT] " } else { "" },
                            if *transferred {
                                "Ticket transferred to you"
                            } else {
                                "New report"
                            }
                        ),
                        format!(
                            "Your unit has ticket {code} ({category_en}, {commune_vi}).\n\n\
                             {description}\n\nAccept by: {due}.\n"
                        ),
                    )
                }
            }
            Notice::Accepted { .. } => {
                if vi {
                    (
                        format!("Phản ánh {code} đã được tiếp nhận"),
                        format!(
                            "Phản ánh {code} đã được đơn vị có thẩm quyền tiếp nhận và đang xử lý.\n"
                        ),
                    )
                } else {
                    (
                        format!("Report {code} was accepted"),
                        format!(
                            "Report {code} was accepted by the responsible unit and is being handled.\n"
                        ),
                    )
                }
            }
            Notice::NeedsInformation { question, .. } => {
                if vi {
                    (
                        format!("Phản ánh {code}: cần thêm thông tin"),
                        format!(
                            "Đơn vị xử lý cần thêm thông tin về phản ánh {code}:\n\n{question}\n"
                        ),
                    )
                } else {
                    (
                        format!("Report {code}: more information needed"),
                        format!(
                            "The handling unit needs more information about report {code}:\n\n{question}\n"
                        ),
                    )
                }
            }
            Notice::Resolved { answer, .. } => {
                if vi {
                    (
                        format!("Phản ánh {code} đã được xử lý"),
                        format!(
                            "Kết quả xử lý phản ánh {code}:\n\n{answer}\n\n\
                             Người phản ánh hãy đánh giá kết quả xử lý trong ứng dụng.\n"
                        ),
                    )
                } else {
                    (
                        format!("Report {code} was resolved"),
                        format!(
                            "The result for report {code}:\n\n{answer}\n\n\
                             Its reporter: please rate the result in the app.\n"
                        ),
                    )
                }
            }
            Notice::Rejected { reason, .. } => {
                if vi {
                    (
                        format!("Phản ánh {code} không được tiếp nhận"),
                        format!("Phản ánh {code} không được tiếp nhận. Lý do:\n\n{reason}\n"),
                    )
                } else {
                    (
                        format!("Report {code} was not accepted"),
                        format!("Report {code} was not accepted. Reason:\n\n{reason}\n"),
                    )
                }
            }
            Notice::Duplicate { reason, .. } => {
                let reason = reason
                    .as_deref()
                    .map(|r| format!("\n{r}\n"))
                    .unwrap_or_default();
                if vi {
                    (
                        format!("Phản ánh {code} trùng với một phản ánh đã có"),
                        format!(
                            "Phản ánh {code} trùng với một phản ánh đang được xử lý; kết quả sẽ \
                             được cập nhật ở phản ánh đó (liên kết bên dưới).\n{reason}"
                        ),
                    )
                } else {
                    (
                        format!("Report {code} duplicates an earlier one"),
                        format!(
                            "Report {code} is the same problem as a report already being \
                             handled; follow that one (link below).\n{reason}"
                        ),
                    )
                }
            }
            Notice::ReportReopened { .. } => {
                if vi {
                    (
                        format!("Phản ánh {code} được xử lý lại"),
                        format!("Phản ánh {code} đã được mở lại để xử lý tiếp.\n"),
                    )
                } else {
                    (
                        format!("Report {code} is being handled again"),
                        format!("Report {code} was reopened for further handling.\n"),
                    )
                }
            }
            Notice::AlertDigest { reports } => {
                let n = reports.len();
                let lines: String = reports
                    .iter()
                    .map(|r| {
                        let category = if vi { &r.category_vi } else { &r.category_en };
                        format!("- {}: {category}, {}\n", r.tracking_code, r.commune_vi)
                    })
                    .collect();
                if vi {
                    (
                        format!("{n} phản ánh mới trong khu vực bạn theo dõi"),
                        format!("Phản ánh mới trong khu vực bạn theo dõi:\n\n{lines}"),
                    )
                } else {
                    (
                        format!("{n} new reports in an area you watch"),
                        format!("New reports in an area you watch:\n\n{lines}"),
                    )
                }
            }
            Notice::Escalation {
                level,
                unit_vi,
                due_at,
                ..
            } => {
                let due = local(*due_at);
                match (vi, level) {
                    (true, 1) => (
                        format!("Nhắc hạn: phiếu {code} sắp đến hạn"),
                        format!("Phiếu {code} đã dùng 75% thời hạn; hạn: {due}.\n"),
                    ),
                    (true, 2) => (
                        format!("Quá hạn: phiếu {code} của {unit_vi}"),
                        format!(
                            "Phiếu {code} của {unit_vi} đã quá hạn ({due}). Đề nghị lãnh đạo đơn vị chỉ đạo xử lý.\n"
                        ),
                    ),
                    (true, _) => (
                        format!("Báo cáo IOC: phiếu {code} quá hạn 50%"),
                        format!(
                            "Phiếu {code} của {unit_vi} đã quá hạn ({due}) thêm một nửa thời hạn.\n"
                        ),
                    ),
                    (false, 1) => (
                        format!("Reminder: ticket {code} is nearly due"),
                        format!("Ticket {code} has used 75% of its time; due {due}.\n"),
                    ),
                    (false, 2) => (
                        format!("Overdue: ticket {code} of {unit_vi}"),
                        format!(
                            "Ticket {code} of {unit_vi} is overdue (due {due}). Please see that it is handled.\n"
                        ),
                    ),
                    (false, _) => (
                        format!("IOC escalation: ticket {code} is 50% past due"),
                        format!(
                            "Ticket {code} of {unit_vi} is past its deadline ({due}) by half its allowance.\n"
                        ),
                    ),
                }
            }
            Notice::Reopened { score, comment, .. } => {
                let comment = comment.as_deref().unwrap_or("");
                match (vi, score) {
                    (true, Some(s)) => (
                        format!("Phiếu {code} được mở lại: người dân đánh giá {s}/5"),
                        format!(
                            "Người phản ánh đánh giá kết quả xử lý phiếu {code} {s}/5 nên phiếu được mở lại.\n\n{comment}\n"
                        ),
                    ),
                    (true, None) => (
                        format!("Phiếu {code} được mở lại"),
                        format!("Phiếu {code} đã được mở lại để xử lý tiếp.\n"),
                    ),
                    (false, Some(s)) => (
                        format!("Ticket {code} reopened: rated {s}/5"),
                        format!(
                            "The reporter rated the result of ticket {code} {s}/5, so it was reopened.\n\n{comment}\n"
                        ),
                    ),
                    (false, None) => (
                        format!("Ticket {code} reopened"),
                        format!("Ticket {code} was reopened for further handling.\n"),
                    ),
                }
            }
        };
        Rendered { subject, body }
    }
}

/// A message about a person's own account, sent to its login (an email, or an SMS to a phone
/// login): never about a report, never to anyone else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AccountNotice {
    /// The code that sets a new password (`POST /api/v1/auth/password-reset/confirm`).
    PasswordReset { code: String, valid_minutes: i64 },
    /// The code that verifies a new account (`POST /api/v1/me/verification/confirm`).
    Verification { code: String, valid_minutes: i64 },
}

impl AccountNotice {
    pub fn render(&self, lang: Lang) -> Rendered {
        match (self, lang) {
            (
                AccountNotice::PasswordReset {
                    code,
                    valid_minutes,
                },
                Lang::Vi,
            ) => Rendered {
                subject: format!("Mã đặt lại mật khẩu Hiện Trường: {code}"),
                body: format!(
                    "Mã đặt lại mật khẩu của bạn là {code}. Mã dùng được một lần, trong \
                     {valid_minutes} phút.\n\nNếu bạn không yêu cầu đặt lại mật khẩu, hãy bỏ qua \
                     thư này: mật khẩu của bạn không đổi.\n"
                ),
            },
            (
                AccountNotice::PasswordReset {
                    code,
                    valid_minutes,
                },
                Lang::En,
            ) => Rendered {
                subject: format!("Hiện Trường password reset code: {code}"),
                body: format!(
                    "Your password reset code is {code}. It works once, within {valid_minutes} \
                     minutes.\n\nIf you did not ask to reset your password, ignore this message: \
                     your password is unchanged.\n"
                ),
            },
            (
                AccountNotice::Verification {
                    code,
                    valid_minutes,
                },
                Lang::Vi,
            ) => Rendered {
                subject: format!("Mã xác minh tài khoản Hiện Trường: {code}"),
                body: format!(
                    "Mã xác minh tài khoản của bạn là {code}. Nhập mã này trong ứng dụng Hiện \
                     Trường để gửi phản ánh; mã dùng được một lần, trong {valid_minutes} phút.\n\n\
                     Nếu bạn không đăng ký tài khoản, hãy bỏ qua thư này.\n"
                ),
            },
            (
                AccountNotice::Verification {
                    code,
                    valid_minutes,
                },
                Lang::En,
            ) => Rendered {
                subject: format!("Hiện Trường account verification code: {code}"),
                body: format!(
                    "Your account verification code is {code}. Enter it in the Hiện Trường app to \
                     send reports; it works once, within {valid_minutes} minutes.\n\nIf you did \
                     not register, ignore this message.\n"
                ),
            },
        }
    }

    /// The same as one short SMS (unaccented Vietnamese: one GSM-7 segment of 160 characters,
    /// where accented text would take three).
    pub fn sms(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                AccountNotice::PasswordReset {
                    code,
                    valid_minutes,
                },
                Lang::Vi,
            ) => format!(
                "Hien Truong: ma dat lai mat khau cua ban la {code}, dung 1 lan trong \
                 {valid_minutes} phut. Khong chia se ma nay voi ai."
            ),
            (
                AccountNotice::PasswordReset {
                    code,
                    valid_minutes,
                },
                Lang::En,
            ) => format!(
                "Hien Truong: your password reset code is {code}, valid once for {valid_minutes} \
                 minutes. Do not share it."
            ),
            (
                AccountNotice::Verification {
                    code,
                    valid_minutes,
                },
                Lang::Vi,
            ) => format!(
                "Hien Truong: ma xac minh tai khoan cua ban la {code}, dung 1 lan trong \
                 {valid_minutes} phut. Khong chia se ma nay voi ai."
            ),
            (
                AccountNotice::Verification {
                    code,
                    valid_minutes,
                },
                Lang::En,
            ) => format!(
                "Hien Truong: your account verification code is {code}, valid once for \
                 {valid_minutes} minutes. Do not share it."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_notice_fits_one_sms_and_carries_its_code() {
        let code = || "042917".to_owned();
        for notice in [
            AccountNotice::PasswordReset {
                code: code(),
                valid_minutes: 15,
            },
            AccountNotice::Verification {
                code: code(),
                valid_minutes: 30,
            },
        ] {
            for lang in [Lang::Vi, Lang::En] {
                let sms = notice.sms(lang);
                assert!(sms.contains("042917"));
                assert!(sms.len() <= 160 && sms.is_ascii(), "{sms}");
                let email = notice.render(lang);
                assert!(email.subject.contains("042917") && email.body.contains("042917"));
            }
        }
    }

    #[test]
    fn notices_round_trip_through_the_outbox_and_render_in_both_languages() {
        let n = Notice::Escalation {
            tracking_code: "HT-ABCD-EFGH".into(),
            level: 2,
            unit_vi: "Phòng CSGT".into(),
            due_at: DateTime::from_timestamp(1_764_000_000, 0).expect("time"),
        };
        let json = serde_json::to_string(&n).expect("json");
        assert!(json.contains(r#""kind":"escalation""#), "{json}");
        assert_eq!(serde_json::from_str::<Notice>(&json).expect("back"), n);
        let vi = n.render(Lang::Vi);
        let en = n.render(Lang::En);
        assert!(vi.subject.contains("Quá hạn") && vi.body.contains("HT-ABCD-EFGH"));
        assert!(en.subject.contains("Overdue"));
        // Times are shown in Huế's local time.
        assert!(vi.body.contains("23:00 24/11/2025"), "{}", vi.body);
    }
}

#[cfg(test)]
mod push_tests {
    use super::*;

    fn item(n: u8) -> AlertItem {
        AlertItem {
            id: uuid::Uuid::from_bytes([n; 16]),
            tracking_code: format!("HT-AAAA-AAA{n}"),
            category_vi: "Ngập lụt".into(),
            category_en: "Flooding".into(),
            commune_vi: "Phú Xuân".into(),
        }
    }

    #[test]
    fn a_push_is_small_public_and_leads_to_its_report() {
        let report = uuid::Uuid::from_bytes([7; 16]);
        let long = Notice::Resolved {
            tracking_code: "HT-AAAA-AAAA".into(),
            answer: "Đã xử lý. ".repeat(500),
        };
        let push = long.push(
            Lang::Vi,
            Some(report),
            Some("/media/variants/ab/x.jpg".into()),
        );
        assert_eq!(push.body.chars().count(), PUSH_TEXT_CHARS);
        assert_eq!(push.url, format!("/#/reports/{report}"));
        assert_eq!(push.tag, format!("report-{report}"));
        assert!(push.title.contains("HT-AAAA-AAAA"));
        // Vietnamese takes up to three bytes a character: still well under push services' 4 KB.
        assert!(serde_json::to_vec(&push).expect("json").len() < 3 * 1024);

        let original = uuid::Uuid::from_bytes([9; 16]);
        let duplicate = Notice::Duplicate {
            tracking_code: "HT-AAAA-AAAA".into(),
            original,
            reason: None,
        };
        let push = duplicate.push(Lang::En, Some(report), None);
        assert_eq!(
            push.url,
            format!("/#/reports/{original}"),
            "the report handled instead"
        );
        assert_eq!(
            push.body,
            "The same problem as a report already being handled."
        );
    }

    #[test]
    fn an_alert_digest_lists_its_reports_and_leads_to_the_only_one_or_the_list() {
        let one = Notice::AlertDigest {
            reports: vec![item(1)],
        };
        assert_eq!(one.link(None), report_path(item(1).id));
        let two = Notice::AlertDigest {
            reports: vec![item(1), item(2)],
        };
        assert_eq!(two.link(None), NOTICES_PATH);
        let push = two.push(Lang::En, None, None);
        assert_eq!(push.tag, "alerts");
        assert_eq!(
            push.body,
            "HT-AAAA-AAA1: Flooding, Phú Xuân\nHT-AAAA-AAA2: Flooding, Phú Xuân"
        );
        let mail = two.render(Lang::Vi);
        assert_eq!(mail.subject, "2 phản ánh mới trong khu vực bạn theo dõi");
        assert!(mail.body.contains("- HT-AAAA-AAA2: Ngập lụt, Phú Xuân\n"));
        assert_eq!(two.kind(), "alert");
        assert_eq!(two.text(), None);
    }

    #[test]
    fn the_footer_links_the_report_the_photo_and_the_way_out() {
        let footer = email_footer(
            Lang::En,
            "https://x.vn/#/reports/1",
            Some("https://x.vn/media/variants/a.jpg"),
            Some("https://x.vn/api/v1/unsubscribe/t"),
        );
        assert_eq!(
            footer,
            "\n--\nSee the report: https://x.vn/#/reports/1\n\
             The photo after the work: https://x.vn/media/variants/a.jpg\n\
             Stop email about reports: https://x.vn/api/v1/unsubscribe/t\n"
        );
        assert_eq!(
            email_footer(Lang::Vi, "u", None, None),
            "\n--\nXem phản ánh: u\n"
        );
    }
}
