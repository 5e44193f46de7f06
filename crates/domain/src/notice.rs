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
    /// To the reporter.
    Accepted { tracking_code: String },
    /// To the reporter: the unit needs more information.
    NeedsInformation {
        tracking_code: String,
        question: String,
    },
    /// To the reporter.
    Resolved {
        tracking_code: String,
        answer: String,
    },
    /// To the reporter.
    Rejected {
        tracking_code: String,
        reason: String,
    },
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

impl Notice {
    pub fn tracking_code(&self) -> &str {
        match self {
            Notice::NewTicket { tracking_code, .. }
            | Notice::Accepted { tracking_code }
            | Notice::NeedsInformation { tracking_code, .. }
            | Notice::Resolved { tracking_code, .. }
            | Notice::Rejected { tracking_code, .. }
            | Notice::Escalation { tracking_code, .. }
            | Notice::Reopened { tracking_code, .. } => tracking_code,
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
                            "Phản ánh {code} của bạn đã được đơn vị có thẩm quyền tiếp nhận và đang xử lý.\n"
                        ),
                    )
                } else {
                    (
                        format!("Your report {code} was accepted"),
                        format!(
                            "Your report {code} was accepted by the responsible unit and is being handled.\n"
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
                             Bạn hãy đánh giá kết quả xử lý trong ứng dụng.\n"
                        ),
                    )
                } else {
                    (
                        format!("Your report {code} was resolved"),
                        format!(
                            "The result for report {code}:\n\n{answer}\n\n\
                             Please rate the result in the app.\n"
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
                        format!("Your report {code} was not accepted"),
                        format!("Report {code} was not accepted. Reason:\n\n{reason}\n"),
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
