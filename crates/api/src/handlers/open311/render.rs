//! One data model, two formats: every Open311 answer is built as JSON and written as XML by the
//! standard's conventions (a list is an element whose children are named in the singular; a
//! missing value is an empty element). Errors take the standard's shape in both.

use actix_web::HttpResponse;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::middleware::Next;
use hientruong_domain::open311::Format;
use hientruong_domain::{Error, Lang};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use serde_json::{Value, json};

use crate::error::ApiError;

/// Text as XML 1.0 can carry it: characters it forbids (most controls, U+FFFE, U+FFFF, lone
/// surrogates cannot occur in a `str`) become U+FFFD, so that no stored text can make a document
/// unreadable. (Markup characters are escaped by the writer.)
fn xml_text(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t'
            | '\n'
            | '\r'
            | '\u{20}'..='\u{D7FF}'
            | '\u{E000}'..='\u{FFFD}'
            | '\u{10000}'.. => c,
            _ => '\u{FFFD}',
        })
        .collect()
}

/// The name of one item of a list element.
fn singular(list: &str) -> &str {
    match list {
        "service_requests" => "request",
        "service_requests_updates" => "request_update",
        other => other.strip_suffix('s').unwrap_or(other),
    }
}

fn write(out: &mut Writer<Vec<u8>>, name: &str, value: &Value) -> std::io::Result<()> {
    let text = match value {
        Value::Null => return out.write_event(Event::Empty(BytesStart::new(name))),
        Value::Object(fields) => {
            out.write_event(Event::Start(BytesStart::new(name)))?;
            for (field, value) in fields {
                write(out, field, value)?;
            }
            return out.write_event(Event::End(BytesEnd::new(name)));
        }
        Value::Array(items) => {
            out.write_event(Event::Start(BytesStart::new(name)))?;
            for item in items {
                write(out, singular(name), item)?;
            }
            return out.write_event(Event::End(BytesEnd::new(name)));
        }
        Value::String(s) => xml_text(s),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
    };
    out.write_event(Event::Start(BytesStart::new(name)))?;
    out.write_event(Event::Text(BytesText::new(&text)))?;
    out.write_event(Event::End(BytesEnd::new(name)))
}

/// The XML document of a value, `root` naming its top element.
pub fn xml(root: &str, value: &Value) -> String {
    let mut out = Writer::new(Vec::new());
    let written = out
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .and_then(|()| write(&mut out, root, value));
    match written {
        // Writing into memory cannot fail; the text is UTF-8 as it came from `str`s.
        Ok(()) => String::from_utf8_lossy(&out.into_inner()).into_owned(),
        Err(e) => {
            tracing::error!(error = %e, "writing Open311 XML failed");
            String::new()
        }
    }
}

/// An answer in the requested format.
pub fn reply(status: StatusCode, format: Format, root: &str, value: &Value) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    match format {
        Format::Json => response.json(value),
        Format::Xml => response
            .content_type("text/xml; charset=utf-8")
            .body(xml(root, value)),
    }
}

/// Open311's status codes: 403 for a key, 404 for what does not exist, 400 for any other mistake
/// of the client; overload and failures keep their own.
fn status_of(error: Error) -> StatusCode {
    match crate::error::status_of(error) {
        StatusCode::FORBIDDEN => StatusCode::FORBIDDEN,
        StatusCode::NOT_FOUND => StatusCode::NOT_FOUND,
        StatusCode::TOO_MANY_REQUESTS => StatusCode::TOO_MANY_REQUESTS,
        StatusCode::PAYLOAD_TOO_LARGE => StatusCode::PAYLOAD_TOO_LARGE,
        s if s.is_server_error() => s,
        _ => StatusCode::BAD_REQUEST,
    }
}

/// An error as the standard writes it: a list of `{code, description}`, the code being the HTTP
/// status; the description starts with the platform's stable error code.
pub fn error(e: &ApiError, format: Format, lang: Lang) -> HttpResponse {
    let status = status_of(e.error);
    let mut description = format!("{}: {}", e.error.code(), e.error.message(lang));
    if let Some(detail) = &e.detail {
        description = format!("{description} ({detail})");
    }
    let mut response = reply(
        status,
        format,
        "errors",
        &json!([{"code": status.as_u16(), "description": description}]),
    );
    if let Some(secs) = e.retry_after_secs
        && let Ok(value) = header::HeaderValue::from_str(&secs.to_string())
    {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// The format a path asks for: its suffix; XML (the standard's required format) otherwise.
pub fn format_of_path(path: &str) -> Format {
    path.rsplit_once('.')
        .and_then(|(_, suffix)| Format::parse(suffix))
        .unwrap_or(Format::Xml)
}

/// Renders every error of the Open311 scope (from handlers, extractors or unmatched paths) in the
/// standard's shape and the path's format.
pub async fn errors(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let format = format_of_path(req.path());
    let lang = crate::error::request_lang(req.request());
    let res = next.call(req).await?.map_into_boxed_body();
    // actix-web's own refusals (a body over the limit) carry no `ApiError`: they get theirs.
    let rendered = res.response().error().and_then(|e| {
        e.as_error::<ApiError>().cloned().or_else(|| {
            (e.as_response_error().status_code() == StatusCode::PAYLOAD_TOO_LARGE)
                .then(|| ApiError::new(Error::PayloadTooLarge))
        })
    });
    let rendered = rendered.map(|e| error(&e, format, lang));
    Ok(match rendered {
        Some(response) => res.into_response(response),
        None => res,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_name_their_items_in_the_singular_and_text_is_escaped() {
        let doc = xml(
            "service_requests",
            &json!([{"service_request_id": "a", "status_notes": null, "description": "<b>&"}]),
        );
        assert_eq!(
            doc,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><service_requests><request>\
             <service_request_id>a</service_request_id><status_notes/>\
             <description>&lt;b&gt;&amp;</description></request></service_requests>"
        );
        assert_eq!(singular("attributes"), "attribute");
        assert_eq!(singular("service_requests_updates"), "request_update");
        let doc = xml(
            "errors",
            &json!([{"description": "a\u{1}b\u{FFFF}c\u{1F30A}"}]),
        );
        assert!(
            doc.contains("<description>a\u{FFFD}b\u{FFFD}c\u{1F30A}</description>"),
            "{doc}"
        );
    }
}
