//! `/feeds/reports.atom` and `/feeds/nearby.atom`: Atom 1.0 (RFC 4287) feeds of public reports
//! for anyone, no account (FixMyStreet's RSS, in Atom): the last updated first, each with its
//! link in the residents' app, its status and its update time. Public data only: what the public
//! view of a report shows (its public position, its text unless moderators hid it), never who
//! reported it.

use actix_web::{HttpResponse, http::header, web};
use atom_syndication::{Category, Entry, Feed, Generator, Link, Person, Text};
use chrono::{DateTime, FixedOffset, Utc};
use hientruong_db::read::report::{FeedFilter, ReportView};
use hientruong_domain::notice::report_path;
use hientruong_domain::report::Position;
use serde::Deserialize;

use crate::error::ApiError;
use crate::handlers::query;
use crate::state::AppState;

/// A nearby feed's radius: 500 m unless asked, at most 2 km.
const DEFAULT_RADIUS_M: f64 = 500.0;
const MAX_RADIUS_M: f64 = 2000.0;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportsQuery {
    commune: Option<String>,
    category: Option<String>,
}

/// `GET /feeds/reports.atom[?commune=&category=]`.
pub async fn reports(
    state: web::Data<AppState>,
    q: web::Query<ReportsQuery>,
) -> Result<HttpResponse, ApiError> {
    let filter = FeedFilter {
        commune: query::commune(&q.commune)?,
        category: query::category(&q.category)?,
        near: None,
    };
    let mut title = "Hiện Trường: phản ánh mới ở Huế".to_owned();
    if let Some(c) = &filter.category {
        title.push_str(&format!(" ({c})"));
    }
    let self_path = with_query(
        "/feeds/reports.atom",
        &[("commune", &q.commune), ("category", &q.category)],
    );
    answer(&state, filter, title, &self_path).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NearbyQuery {
    lat: f64,
    lon: f64,
    radius: Option<f64>,
}

/// `GET /feeds/nearby.atom?lat=&lon=[&radius=]` (metres, at most 2,000).
pub async fn nearby(
    state: web::Data<AppState>,
    q: web::Query<NearbyQuery>,
) -> Result<HttpResponse, ApiError> {
    let at = Position::new(q.lat, q.lon)?;
    let radius = q.radius.unwrap_or(DEFAULT_RADIUS_M);
    if !(radius.is_finite() && (1.0..=MAX_RADIUS_M).contains(&radius)) {
        return Err(query::invalid("radius is 1 to 2000 metres"));
    }
    let filter = FeedFilter {
        commune: None,
        category: None,
        near: Some(((at.lat(), at.lon()), radius)),
    };
    let title = format!(
        "Hiện Trường: phản ánh trong {radius:.0} m quanh {:.4}, {:.4}",
        at.lat(),
        at.lon()
    );
    let self_path = format!(
        "/feeds/nearby.atom?lat={}&lon={}&radius={radius}",
        at.lat(),
        at.lon()
    );
    answer(&state, filter, title, &self_path).await
}

fn with_query(path: &str, pairs: &[(&str, &Option<String>)]) -> String {
    let given: Vec<(&str, &str)> = pairs
        .iter()
        .filter_map(|(k, v)| query::given(v).map(|v| (*k, v)))
        .collect();
    if given.is_empty() {
        return path.to_owned();
    }
    format!(
        "{path}?{}",
        serde_urlencoded::to_string(given).unwrap_or_default()
    )
}

async fn answer(
    state: &web::Data<AppState>,
    filter: FeedFilter,
    title: String,
    self_path: &str,
) -> Result<HttpResponse, ApiError> {
    let reports = state.run(move |app| app.feed(&filter)).await?;
    let base = state.settings.public_url.clone();
    let xml = feed(&base, &title, self_path, &reports).to_string();
    Ok(HttpResponse::Ok()
        .content_type("application/atom+xml; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=60"))
        .body(xml))
}

fn fixed(t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.with_timezone(&hientruong_domain::sla::vn_offset())
}

fn feed(base: &str, title: &str, self_path: &str, reports: &[ReportView]) -> Feed {
    let updated = reports
        .iter()
        .map(|r| r.report.updated_at)
        .max()
        .unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
    let mut feed = Feed {
        title: Text::plain(title),
        id: format!("{base}{self_path}"),
        updated: fixed(updated),
        authors: vec![Person {
            name: "Hiện Trường".to_owned(),
            uri: Some(base.to_owned()),
            ..Person::default()
        }],
        links: vec![
            Link {
                href: format!("{base}{self_path}"),
                rel: "self".to_owned(),
                mime_type: Some("application/atom+xml".to_owned()),
                ..Link::default()
            },
            Link {
                href: format!("{base}/"),
                rel: "alternate".to_owned(),
                mime_type: Some("text/html".to_owned()),
                ..Link::default()
            },
        ],
        generator: Some(Generator {
            value: "Hiện Trường".to_owned(),
            ..Generator::default()
        }),
        entries: reports.iter().map(|r| entry(base, r)).collect(),
        ..Feed::default()
    };
    feed.set_lang(Some("vi".to_owned()));
    feed
}

fn entry(base: &str, view: &ReportView) -> Entry {
    let r = &view.report;
    let status = hientruong_domain::report::Status::parse(&r.status);
    let status_label = status.map(|s| s.label_vi()).unwrap_or(&r.status);
    let mut summary = format!(
        "{} · {} · {status_label}",
        view.category_name_vi, view.commune_name_vi
    );
    let text = view.public_description();
    if !text.is_empty() {
        summary.push_str("\n\n");
        summary.push_str(text);
    }
    Entry {
        title: Text::plain(format!(
            "{}: {} ({status_label})",
            r.tracking_code(),
            view.category_name_vi
        )),
        id: format!("urn:uuid:{}", r.id),
        updated: fixed(r.updated_at),
        published: Some(fixed(r.created_at)),
        links: vec![Link {
            href: format!("{base}{}", report_path(r.id)),
            rel: "alternate".to_owned(),
            mime_type: Some("text/html".to_owned()),
            ..Link::default()
        }],
        categories: vec![
            Category {
                term: r.category_code.clone(),
                scheme: Some(format!("{base}/api/v1/categories")),
                label: Some(view.category_name_vi.clone()),
            },
            Category {
                term: r.status.clone(),
                scheme: Some(format!(
                    "{base}/api/v1/openapi.json#/components/schemas/Status"
                )),
                label: Some(status_label.to_owned()),
            },
        ],
        summary: Some(Text::plain(summary)),
        ..Entry::default()
    }
}
