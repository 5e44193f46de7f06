//! The API's one error type and its rendering.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, ResponseError};
use hientruong_domain::{Error, Lang};
use serde::Serialize;

/// An error answered to a client: a domain error code, optionally a technical detail that helps
/// the client's developer (never an internal one), and a retry hint.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub error: Error,
    pub detail: Option<String>,
    pub retry_after_secs: Option<u64>,
}

impl ApiError {
    pub fn new(error: Error) -> ApiError {
        ApiError {
            error,
            detail: None,
            retry_after_secs: None,
        }
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> ApiError {
        self.detail = Some(detail.into());
        self
    }

    pub fn retry_after(mut self, secs: u64) -> ApiError {
        self.retry_after_secs = Some(secs);
        self
    }

    /// An error of password hashing (`hientruong_app::password`): when no hashing slot freed in
    /// time (`service_unavailable`), the client is told to retry in 2 seconds.
    pub fn hashing(error: Error) -> ApiError {
        match error {
            Error::ServiceUnavailable => ApiError::new(error).retry_after(2),
            other => ApiError::new(other),
        }
    }

    /// The response in the given language.
    pub fn render(&self, lang: Lang) -> HttpResponse {
        #[derive(Serialize)]
        struct Body<'a> {
            error: &'a str,
            message: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            detail: Option<&'a str>,
        }
        let mut response = HttpResponse::build(status_of(self.error));
        if let Some(secs) = self.retry_after_secs {
            response.insert_header((header::RETRY_AFTER, secs.to_string()));
        }
        response.insert_header((
            header::CONTENT_LANGUAGE,
            if lang == Lang::En { "en" } else { "vi" },
        ));
        response.json(Body {
            error: self.error.code(),
            message: self.error.message(lang),
            detail: self.detail.as_deref(),
        })
    }
}

/// The HTTP status of each error. Every client mistake is a 4xx.
pub fn status_of(error: Error) -> StatusCode {
    use Error::*;
    match error {
        InvalidJson
        | InvalidQuery
        | InvalidCursor
        | InvalidBbox
        | IdempotencyKeyRequired
        | InvalidIdempotencyKey
        | InvalidMultipart
        | DateRangeTooLong => StatusCode::BAD_REQUEST,
        UnsupportedMediaType | UnsupportedImageFormat => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        PayloadTooLarge | PhotoTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        NotFound | UnknownJurisdiction => StatusCode::NOT_FOUND,
        MissingToken | InvalidToken | TokenExpired | InvalidCredentials | InvalidRefreshToken
        | RefreshTokenReused => StatusCode::UNAUTHORIZED,
        Forbidden | AccountDisabled | AccountLockedByStaff | InvalidApiKey
        | VerificationRequired => StatusCode::FORBIDDEN,
        LoginTaken | AlreadyVerified | TooManyAlerts | IdempotencyConflict
        | TransitionNotAllowed | RatingNotAllowed | AlreadyRated | ReportClosed | OwnReport => {
            StatusCode::CONFLICT
        }
        InvalidLogin
        | WeakPassword
        | InvalidFullName
        | UnknownCategory
        | CallerRequired
        | InvalidCaller
        | InvalidResetCode
        | InvalidVerificationCode
        | InvalidPushSubscription
        | InvalidAlert
        | InvalidCoordinates
        | DescriptionEmpty
        | DescriptionTooLong
        | AddressTooLong
        | OutsideServiceArea
        | LocationRequired
        | PhotoEmpty
        | PhotoTooManyPixels
        | PhotoCorrupt
        | PhotoMetadataCorrupt
        | TooManyPhotos
        | UnknownAction
        | NoteRequired
        | PublicAnswerRequired
        | TextTooLong
        | UnknownUnit
        | SameUnit
        | InvalidDuplicate
        | InvalidAssignee
        | ResolutionPhotoRequired
        | PhotoTooFar
        | InvalidScore
        | UnknownRole
        | UnitRequired
        | InvalidDefinition
        | InvalidPolicy
        | InvalidTemplate
        | InvalidAttribute
        | InvalidApiKeyName
        | InvalidPeriod => StatusCode::UNPROCESSABLE_ENTITY,
        AccountLocked | RateLimited | TooManyUploads | TooManyStreams => {
            StatusCode::TOO_MANY_REQUESTS
        }
        UploadTooSlow => StatusCode::REQUEST_TIMEOUT,
        ServiceUnavailable | MediaBusy => StatusCode::SERVICE_UNAVAILABLE,
        Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.error.code())
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        status_of(self.error)
    }

    fn error_response(&self) -> HttpResponse {
        self.render(Lang::Vi)
    }
}

impl From<hientruong_media::Rejection> for ApiError {
    fn from(rejection: hientruong_media::Rejection) -> ApiError {
        use hientruong_media::Rejection as R;
        let error = match rejection {
            R::Empty => Error::PhotoEmpty,
            R::UnsupportedFormat => Error::UnsupportedImageFormat,
            R::TooLarge => Error::PhotoTooLarge,
            R::TooManyPixels => Error::PhotoTooManyPixels,
            R::Corrupt => Error::PhotoCorrupt,
            R::MetadataCorrupt => Error::PhotoMetadataCorrupt,
            R::Busy => return ApiError::new(Error::MediaBusy).retry_after(2),
            R::Internal => Error::Internal,
        };
        ApiError::new(error)
    }
}

impl From<Error> for ApiError {
    fn from(error: Error) -> ApiError {
        ApiError::new(error)
    }
}

impl From<hientruong_db::Error> for ApiError {
    fn from(error: hientruong_db::Error) -> ApiError {
        match error {
            e if e.is_not_found() => ApiError::new(Error::NotFound),
            // The domain's "unavailable" is short-lived (no password-hashing slot freed in time, or
            // the blocking threads are going away with the process): retry soon.
            hientruong_db::Error::Domain(e) => ApiError::hashing(e),
            hientruong_db::Error::Limited {
                error,
                retry_after_secs,
            } => ApiError::new(error).retry_after(retry_after_secs),
            hientruong_db::Error::LockedByStaff { reason } => {
                ApiError::new(Error::AccountLockedByStaff).with_detail(reason)
            }
            hientruong_db::Error::Pool(e) => {
                tracing::warn!(error = %e, "no database connection available");
                ApiError::new(Error::ServiceUnavailable).retry_after(5)
            }
            hientruong_db::Error::Connect(e) => {
                tracing::warn!(error = %e, "could not connect to the database");
                ApiError::new(Error::ServiceUnavailable).retry_after(5)
            }
            hientruong_db::Error::Query(e) => {
                tracing::error!(error = %e, "database query failed");
                ApiError::new(Error::Internal)
            }
        }
    }
}

/// Body errors of JSON endpoints.
pub fn json_error(err: JsonPayloadError) -> ApiError {
    match err {
        JsonPayloadError::OverflowKnownLength { .. } | JsonPayloadError::Overflow { .. } => {
            ApiError::new(Error::PayloadTooLarge)
        }
        JsonPayloadError::ContentType => ApiError::new(Error::UnsupportedMediaType),
        JsonPayloadError::Deserialize(e) => {
            ApiError::new(Error::InvalidJson).with_detail(e.to_string())
        }
        JsonPayloadError::Serialize(_) => ApiError::new(Error::Internal),
        other => ApiError::new(Error::InvalidJson).with_detail(other.to_string()),
    }
}

pub fn query_error(err: QueryPayloadError) -> ApiError {
    ApiError::new(Error::InvalidQuery).with_detail(err.to_string())
}

pub fn path_error(_: PathError) -> ApiError {
    ApiError::new(Error::NotFound)
}

/// The language a request asks for (`Accept-Language`).
pub fn request_lang(req: &actix_web::HttpRequest) -> Lang {
    Lang::from_accept_language(
        req.headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    )
}

/// Re-renders error responses in English when the client prefers it. Errors are produced in
/// places that cannot see the request (extractors, `?` in handlers), so the language is applied
/// here, once, for all of them.
pub async fn localize_errors(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let lang = request_lang(req.request());
    let res = next.call(req).await?.map_into_boxed_body();
    if lang == Lang::Vi {
        return Ok(res);
    }
    let rendered = res
        .response()
        .error()
        .and_then(|e| e.as_error::<ApiError>())
        .map(|e| e.render(lang));
    Ok(match rendered {
        Some(response) => res.into_response(response),
        None => res,
    })
}

/// `Vary: Accept-Language` on every answer, since messages and names depend on it.
pub fn vary_language() -> (header::HeaderName, HeaderValue) {
    (header::VARY, HeaderValue::from_static("Accept-Language"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_busy_hasher_is_a_503_to_retry_in_2_seconds_other_hashing_errors_as_they_are() {
        let busy = ApiError::hashing(Error::ServiceUnavailable).render(Lang::En);
        assert_eq!(busy.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(
            busy.headers().get(header::RETRY_AFTER),
            Some(&HeaderValue::from_static("2"))
        );
        let failed = ApiError::hashing(Error::Internal).render(Lang::En);
        assert_eq!(failed.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(failed.headers().get(header::RETRY_AFTER), None);
    }
}
