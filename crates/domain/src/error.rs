//! The platform's one list of errors a client can see.
//!
//! Each has a stable snake_case code that clients switch on, and a message in Vietnamese (the
//! default) and English. HTTP status codes are assigned by the HTTP crate; nothing here knows HTTP.

use std::fmt;

/// Language of messages shown to people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The language to answer in, from an `Accept-Language` header value: English when English
    /// is preferred over Vietnamese, Vietnamese otherwise (and when the header is absent or odd).
    pub fn from_accept_language(header: Option<&str>) -> Lang {
        let Some(header) = header else {
            return Lang::Vi;
        };
        let mut best: Option<(f32, Lang)> = None;
        for item in header.split(',') {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = parts
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.trim().parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            let lang = if tag == "en" || tag.starts_with("en-") {
                Lang::En
            } else if tag == "vi" || tag.starts_with("vi-") {
                Lang::Vi
            } else {
                continue;
            };
            if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
                best = Some((q, lang));
            }
        }
        best.map_or(Lang::Vi, |(_, l)| l)
    }
}

macro_rules! errors {
    ($( $variant:ident => $code:literal, $vi:literal, $en:literal; )*) => {
        /// Every error a client can receive. Adding one means adding its code and both messages.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Error {
            $( $variant, )*
        }

        impl Error {
            /// All errors, for documentation and tests that check every code.
            pub const ALL: &'static [Error] = &[ $( Error::$variant, )* ];

            /// The stable code clients switch on.
            pub fn code(self) -> &'static str {
                match self { $( Error::$variant => $code, )* }
            }

            /// The human message in the requested language.
            pub fn message(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $( (Error::$variant, Lang::Vi) => $vi, (Error::$variant, Lang::En) => $en, )*
                }
            }
        }
    };
}

errors! {
    InvalidJson => "invalid_json",
        "Dữ liệu JSON không hợp lệ.", "The request body is not valid JSON for this endpoint.";
    UnsupportedMediaType => "unsupported_media_type",
        "Kiểu nội dung không được hỗ trợ; hãy gửi application/json.", "Unsupported content type; send application/json.";
    PayloadTooLarge => "payload_too_large",
        "Nội dung yêu cầu quá lớn.", "The request body is too large.";
    InvalidQuery => "invalid_query",
        "Tham số truy vấn không hợp lệ.", "Invalid query parameters.";
    InvalidCursor => "invalid_cursor",
        "Con trỏ phân trang không hợp lệ.", "The pagination cursor is invalid.";
    InvalidBbox => "invalid_bbox",
        "Khung bbox phải có dạng minLon,minLat,maxLon,maxLat với tọa độ hợp lệ.", "bbox must be minLon,minLat,maxLon,maxLat with valid coordinates.";
    NotFound => "not_found",
        "Không tìm thấy.", "Not found.";
    MissingToken => "missing_token",
        "Cần đăng nhập: thiếu mã truy cập (Authorization: Bearer).", "Authentication required: missing access token (Authorization: Bearer).";
    InvalidToken => "invalid_token",
        "Mã truy cập không hợp lệ.", "The access token is invalid.";
    TokenExpired => "token_expired",
        "Mã truy cập đã hết hạn; hãy làm mới.", "The access token has expired; refresh it.";
    Forbidden => "forbidden",
        "Bạn không có quyền thực hiện thao tác này.", "You are not allowed to do this.";
    InvalidLogin => "invalid_login",
        "Tên đăng nhập phải là email hoặc số điện thoại di động Việt Nam.", "The login must be an email address or a Vietnamese mobile number.";
    WeakPassword => "weak_password",
        "Mật khẩu phải dài từ 8 đến 128 ký tự.", "The password must be 8 to 128 characters long.";
    InvalidFullName => "invalid_full_name",
        "Họ tên không được để trống và tối đa 100 ký tự.", "The full name must not be empty and at most 100 characters.";
    LoginTaken => "login_taken",
        "Tên đăng nhập này đã được đăng ký.", "This login is already registered.";
    InvalidResetCode => "invalid_reset_code",
        "Mã đặt lại mật khẩu sai, đã dùng hoặc đã hết hạn; hãy yêu cầu mã mới.", "The reset code is wrong, used or expired; ask for a new one.";
    InvalidVerificationCode => "invalid_verification_code",
        "Mã xác minh sai, đã dùng hoặc đã hết hạn; hãy yêu cầu mã mới.", "The verification code is wrong, used or expired; ask for a new one.";
    VerificationRequired => "verification_required",
        "Hãy xác minh tài khoản bằng mã đã gửi đến email hoặc số điện thoại của bạn trước khi gửi phản ánh.", "Verify your account with the code sent to your email or phone before sending reports.";
    AlreadyVerified => "already_verified",
        "Tài khoản đã được xác minh.", "This account is already verified.";
    InvalidAlert => "invalid_alert",
        "Khu vực theo dõi không hợp lệ: chọn một xã, phường, hoặc một điểm với bán kính từ 50 đến 2.000 m.", "The alert's area is invalid: a commune or ward, or a point with a radius of 50 to 2,000 m.";
    TooManyAlerts => "too_many_alerts",
        "Mỗi tài khoản theo dõi tối đa 20 khu vực; hãy xoá bớt.", "An account may keep at most 20 alerts; delete some first.";
    InvalidPushSubscription => "invalid_push_subscription",
        "Đăng ký nhận thông báo đẩy không hợp lệ: địa chỉ không thuộc dịch vụ đẩy được chấp nhận hoặc khóa sai định dạng.", "The push subscription is invalid: its endpoint is not on an accepted push service, or its keys are malformed.";
    InvalidCredentials => "invalid_credentials",
        "Sai tên đăng nhập hoặc mật khẩu.", "Wrong login or password.";
    AccountLockedByStaff => "account_locked_by_staff",
        "Tài khoản đã bị cán bộ khóa; lý do ở phần chi tiết. Hãy liên hệ đường dây nóng nếu có nhầm lẫn.", "This account was locked by staff; the reason is in the detail. Call the hotline if this is a mistake.";
    AccountLocked => "account_locked",
        "Tài khoản tạm khóa do đăng nhập sai nhiều lần; hãy thử lại sau.", "Account temporarily locked after repeated failed logins; try again later.";
    AccountDisabled => "account_disabled",
        "Tài khoản đã bị vô hiệu hóa.", "This account has been disabled.";
    InvalidRefreshToken => "invalid_refresh_token",
        "Mã làm mới không hợp lệ hoặc đã hết hạn.", "The refresh token is invalid or expired.";
    RefreshTokenReused => "refresh_token_reused",
        "Mã làm mới đã được dùng; phiên đăng nhập đã bị thu hồi vì lý do an toàn.", "The refresh token was already used; the session was revoked for safety.";
    UnknownCategory => "unknown_category",
        "Lĩnh vực phản ánh không tồn tại.", "Unknown report category.";
    CallerRequired => "caller_required",
        "Cán bộ nhập phản ánh qua đường dây nóng phải ghi tên và số điện thoại người gọi.", "A report taken on the hotline needs the caller's name and phone number.";
    InvalidCaller => "invalid_caller",
        "Tên người gọi phải có từ 1 đến 100 ký tự và số điện thoại phải là số Việt Nam hợp lệ.", "The caller's name must be 1 to 100 characters and the phone a valid Vietnamese number.";
    InvalidCoordinates => "invalid_coordinates",
        "Tọa độ không hợp lệ: vĩ độ trong [-90, 90], kinh độ trong [-180, 180].", "Invalid coordinates: latitude in [-90, 90], longitude in [-180, 180].";
    DescriptionEmpty => "description_empty",
        "Nội dung phản ánh không được để trống.", "The description must not be empty.";
    DescriptionTooLong => "description_too_long",
        "Nội dung phản ánh tối đa 4000 ký tự.", "The description may be at most 4000 characters.";
    AddressTooLong => "address_too_long",
        "Địa chỉ tối đa 500 ký tự.", "The address may be at most 500 characters.";
    OutsideServiceArea => "outside_service_area",
        "Vị trí nằm ngoài địa bàn thành phố Huế.", "The location is outside the city of Huế.";
    IdempotencyKeyRequired => "idempotency_key_required",
        "Thiếu tiêu đề Idempotency-Key (một UUID do ứng dụng tạo cho mỗi phản ánh).", "Missing Idempotency-Key header (a UUID the app generates once per report).";
    InvalidIdempotencyKey => "invalid_idempotency_key",
        "Idempotency-Key phải là một UUID.", "Idempotency-Key must be a UUID.";
    IdempotencyConflict => "idempotency_conflict",
        "Idempotency-Key này đã được dùng cho một phản ánh khác.", "This Idempotency-Key was already used for a different report.";
    LocationRequired => "location_required",
        "Cần vị trí: gửi lat/lon hoặc một ảnh có tọa độ GPS.", "A location is required: send lat/lon or a photo with a GPS position.";
    PhotoEmpty => "photo_empty",
        "Tệp ảnh rỗng.", "The photo file is empty.";
    UnsupportedImageFormat => "unsupported_image_format",
        "Định dạng ảnh không được hỗ trợ; chỉ nhận JPEG, PNG hoặc WebP.", "Unsupported image format; only JPEG, PNG and WebP are accepted.";
    PhotoTooLarge => "photo_too_large",
        "Ảnh vượt quá dung lượng cho phép của mỗi ảnh.", "The photo is over the size limit per photo.";
    PhotoTooManyPixels => "photo_too_many_pixels",
        "Ảnh vượt quá số điểm ảnh (megapixel) cho phép.", "The photo is over the megapixel limit.";
    PhotoCorrupt => "photo_corrupt",
        "Tệp ảnh bị hỏng hoặc không đầy đủ.", "The photo file is damaged or incomplete.";
    PhotoMetadataCorrupt => "photo_metadata_corrupt",
        "Dữ liệu EXIF của ảnh bị hỏng.", "The photo's EXIF metadata is damaged.";
    TooManyPhotos => "too_many_photos",
        "Quá số ảnh cho phép của một phản ánh.", "Too many photos for one report.";
    InvalidMultipart => "invalid_multipart",
        "Dữ liệu multipart không hợp lệ: cần phần `report` (JSON) và các phần `photo`.", "Invalid multipart body: expected a `report` part (JSON) and `photo` parts.";
    MediaBusy => "media_busy",
        "Hệ thống đang xử lý nhiều ảnh; hãy gửi lại sau ít giây.", "Too many photos are being processed; retry in a few seconds.";
    TooManyUploads => "too_many_uploads",
        "Bạn đang gửi quá nhiều ảnh cùng lúc; hãy chờ ảnh trước gửi xong.", "Too many uploads at once from you; wait for the previous ones to finish.";
    UploadTooSlow => "upload_too_slow",
        "Dữ liệu gửi lên quá chậm nên đã bị ngắt; hãy gửi lại khi mạng tốt hơn.", "The upload arrived too slowly and was cut off; send it again on a better connection.";
    TooManyStreams => "too_many_streams",
        "Có quá nhiều luồng sự kiện đang mở; hãy đóng bớt rồi thử lại.", "Too many event streams are open; close some and try again.";
    UnknownAction => "unknown_action",
        "Thao tác không tồn tại.", "Unknown action.";
    TransitionNotAllowed => "transition_not_allowed",
        "Không thể thực hiện thao tác này ở trạng thái hiện tại của phiếu.", "This action is not possible in the ticket's current state.";
    NoteRequired => "note_required",
        "Cần ghi chú (lý do) cho thao tác này.", "This action needs a note (the reason).";
    PublicAnswerRequired => "public_answer_required",
        "Cần câu trả lời công khai cho người phản ánh.", "This action needs a public answer to the reporter.";
    TextTooLong => "text_too_long",
        "Ghi chú, câu trả lời hoặc nhận xét tối đa 4000 ký tự.", "Notes, answers and comments may be at most 4000 characters.";
    UnknownUnit => "unknown_unit",
        "Đơn vị xử lý không tồn tại hoặc không hoạt động.", "The handling unit does not exist or is inactive.";
    SameUnit => "same_unit",
        "Phiếu đã thuộc đơn vị này.", "The ticket already belongs to this unit.";
    InvalidDuplicate => "invalid_duplicate",
        "Phản ánh gốc không hợp lệ: cần một phản ánh khác, chưa bị đánh dấu trùng.", "Invalid original: it must be another report that is not itself a duplicate.";
    InvalidAssignee => "invalid_assignee",
        "Người được giao phải là cán bộ đang hoạt động của đơn vị xử lý.", "The assignee must be an active officer of the handling unit.";
    ResolutionPhotoRequired => "resolution_photo_required",
        "Cần ít nhất một ảnh sau xử lý trước khi hoàn thành.", "At least one after photo is needed before resolving.";
    PhotoTooFar => "photo_too_far",
        "Ảnh sau xử lý được chụp cách vị trí phản ánh quá 200 m.", "The after photo was taken more than 200 m from the report.";
    ReportClosed => "report_closed",
        "Phản ánh đã kết thúc; không thể thêm ảnh hay ủng hộ.", "The report is finished; it can no longer take photos or supports.";
    InvalidScore => "invalid_score",
        "Điểm đánh giá phải từ 1 đến 5.", "The score must be from 1 to 5.";
    RatingNotAllowed => "rating_not_allowed",
        "Chỉ đánh giá được khi phản ánh đã được xử lý xong.", "A report can be rated only once it has been resolved.";
    AlreadyRated => "already_rated",
        "Phản ánh này đã được đánh giá.", "This report has already been rated.";
    OwnReport => "own_report",
        "Đây là phản ánh của chính bạn; không cần ủng hộ thêm.", "This is your own report; there is no need to support it.";
    UnknownRole => "unknown_role",
        "Vai trò không tồn tại.", "Unknown role.";
    UnitRequired => "unit_required",
        "Cán bộ và lãnh đạo đơn vị phải thuộc đúng một đơn vị; các vai trò khác thì không.", "Officers and unit managers belong to exactly one unit; other roles to none.";
    InvalidDefinition => "invalid_definition",
        "Định nghĩa không hợp lệ: kiểm tra mã (chữ thường, số, gạch nối), tên, email và loại.", "Invalid definition: check the code (lower-case letters, digits, hyphens), names, email and kind.";
    InvalidPolicy => "invalid_policy",
        "Chính sách thời hạn không hợp lệ: thời hạn dương, hạn tiếp nhận không quá hạn xử lý.", "Invalid SLA policy: positive times, accept time not above resolve time.";
    InvalidTemplate => "invalid_template",
        "Mẫu trả lời cần tiêu đề (tối đa 200 ký tự) và nội dung (tối đa 4000 ký tự).", "A response template needs a title (at most 200 characters) and a body (at most 4000).";
    InvalidApiKey => "invalid_api_key",
        "Khóa API không hợp lệ hoặc đã bị thu hồi.", "The API key is missing, invalid or revoked.";
    InvalidApiKeyName => "invalid_api_key_name",
        "Tên ứng dụng cần từ 1 đến 100 ký tự và chưa có khóa nào đang dùng tên này.", "The application name needs 1 to 100 characters and no active key may already use it.";
    RateLimited => "rate_limited",
        "Quá nhiều yêu cầu; hãy thử lại sau.", "Too many requests; try again later.";
    InvalidAttribute => "invalid_attribute",
        "Câu trả lời cho câu hỏi bổ sung của loại phản ánh không hợp lệ.", "An answer to the category's extra questions is invalid.";
    DateRangeTooLong => "date_range_too_long",
        "Khoảng thời gian tối đa là 90 ngày.", "The date range may span at most 90 days.";
    UnknownJurisdiction => "unknown_jurisdiction",
        "Máy chủ này không phục vụ jurisdiction_id đó.", "This server does not serve that jurisdiction_id.";
    InvalidPeriod => "invalid_period",
        "Thời điểm kết thúc phải sau thời điểm bắt đầu.", "The end must be after the start.";
    ServiceUnavailable => "service_unavailable",
        "Hệ thống tạm thời quá tải; hãy thử lại sau ít phút.", "The service is temporarily unavailable; try again shortly.";
    Internal => "internal_error",
        "Lỗi hệ thống; yêu cầu chưa được thực hiện.", "Internal error; the request was not carried out.";
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn accept_language_picks_the_preferred_supported_language() {
        assert_eq!(Lang::from_accept_language(None), Lang::Vi);
        assert_eq!(Lang::from_accept_language(Some("en")), Lang::En);
        assert_eq!(Lang::from_accept_language(Some("en-US,en;q=0.9")), Lang::En);
        assert_eq!(
            Lang::from_accept_language(Some("vi-VN,vi;q=0.9,en;q=0.8")),
            Lang::Vi
        );
        assert_eq!(Lang::from_accept_language(Some("fr,en;q=0.5")), Lang::En);
        assert_eq!(Lang::from_accept_language(Some("de")), Lang::Vi);
        assert_eq!(Lang::from_accept_language(Some("en;q=0")), Lang::Vi);
    }

    #[test]
    fn codes_are_unique_snake_case_and_messages_differ_by_language() {
        let mut seen = HashSet::new();
        for e in Error::ALL {
            let code = e.code();
            assert!(seen.insert(code), "duplicate code {code}");
            assert!(
                code.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{code}"
            );
            assert_ne!(e.message(Lang::Vi), e.message(Lang::En), "{code}");
            assert!(!e.message(Lang::Vi).is_empty());
        }
    }
}
