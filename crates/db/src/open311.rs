//! Open311: client applications' API keys, the services (categories with their groups and extra
//! questions), the request listing and the public updates, and intake from a client application.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use hientruong_domain::open311::Window;
use hientruong_domain::report::ValidReport;
use rand::RngExt;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::Error;
use crate::models::Photo;
use crate::read::report::{ReportView, into_view, view_query, with_photos};
use crate::read::submission::Submission;
use crate::reports::Submitted;
use crate::schema::{
    api_keys, categories, category_questions, photos, report_events, report_submissions, reports,
    users,
};

/// A client application's key, without its secret.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = api_keys, check_for_backend(diesel::pg::Pg))]
pub struct ApiKey {
    pub id: Uuid,
    pub name: String,
    pub prefix: String,
    pub account_id: Uuid,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// What the key's holder presents is hashed before it is looked up or stored.
pub fn hash_key(presented: &str) -> Vec<u8> {
    Sha256::digest(presented.trim().as_bytes()).to_vec()
}

/// A new secret: `ht_` and 40 characters of lower-case base 32 (200 random bits).
fn new_secret() -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz234567";
    let mut rng = rand::rng();
    let body: String = (0..40)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect();
    format!("ht_{body}")
}

/// Creates a key for a client application, with the application's account (the reporter of
/// record of what it posts). Returns the key and its secret, which is shown once and never stored.
pub fn create_key(
    conn: &mut PgConnection,
    name: &str,
    created_by: Option<Uuid>,
) -> Result<(ApiKey, String), Error> {
    let name = hientruong_domain::open311::application_name(name)?;
    let secret = new_secret();
    let prefix: String = secret.chars().take(11).collect();
    conn.transaction(|conn| {
        let id = Uuid::now_v7();
        let account = Uuid::now_v7();
        let now = Utc::now();
        diesel::insert_into(users::table)
            .values((
                users::id.eq(account),
                users::login.eq(format!("client-{id}@clients.hientruong.invalid")),
                users::login_kind.eq("email"),
                // Matches no password: the account cannot log in (and is disabled besides).
                users::password_hash.eq("!"),
                users::full_name.eq(format!("Open311: {name}")),
                users::role.eq(hientruong_domain::role::Role::Client.as_str()),
                users::disabled_at.eq(now),
            ))
            .execute(conn)?;
        let key = diesel::insert_into(api_keys::table)
            .values((
                api_keys::id.eq(id),
                api_keys::name.eq(&name),
                api_keys::prefix.eq(&prefix),
                api_keys::key_hash.eq(hash_key(&secret)),
                api_keys::account_id.eq(account),
                api_keys::created_by.eq(created_by),
                api_keys::created_at.eq(now),
            ))
            .returning(ApiKey::as_returning())
            .get_result(conn)
            // A name an active key already has (in any case): the unique index refuses it, and
            // the account made for it goes with the transaction.
            .map_err(|e| match e {
                diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::UniqueViolation,
                    ref info,
                ) if info.constraint_name() == Some("api_keys_active_name") => {
                    Error::Domain(hientruong_domain::Error::InvalidApiKeyName)
                }
                other => other.into(),
            })?;
        Ok((key, secret))
    })
}

/// Every key, newest first (revoked ones too: the reports their applications posted remain).
pub fn keys(conn: &mut PgConnection) -> QueryResult<Vec<ApiKey>> {
    api_keys::table
        .order((api_keys::created_at.desc(), api_keys::id.desc()))
        .select(ApiKey::as_select())
        .load(conn)
}

/// Revokes a key at once; revoking it again changes nothing.
pub fn revoke_key(conn: &mut PgConnection, id: Uuid) -> Result<ApiKey, Error> {
    diesel::update(api_keys::table.find(id))
        .set(api_keys::revoked_at.eq(diesel::dsl::sql::<
            diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>,
        >("coalesce(revoked_at, now())")))
        .returning(ApiKey::as_returning())
        .get_result(conn)
        .optional()?
        .ok_or(Error::Domain(hientruong_domain::Error::NotFound))
}

/// The active key with this secret, or `invalid_api_key`. Marks it used.
pub fn authenticate(conn: &mut PgConnection, presented: &str) -> Result<ApiKey, Error> {
    diesel::update(
        api_keys::table
            .filter(api_keys::key_hash.eq(hash_key(presented)))
            .filter(api_keys::revoked_at.is_null()),
    )
    .set(api_keys::last_used_at.eq(Utc::now()))
    .returning(ApiKey::as_returning())
    .get_result(conn)
    .optional()?
    .ok_or(Error::Domain(hientruong_domain::Error::InvalidApiKey))
}

/// An Open311 service: an active category.
#[derive(Debug, Clone, Queryable)]
pub struct Service {
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
    pub group_vi: String,
    pub group_en: String,
    pub has_questions: bool,
}

pub fn services(conn: &mut PgConnection) -> QueryResult<Vec<Service>> {
    categories::table
        .filter(categories::active.eq(true))
        .order((categories::sort_order, categories::code))
        .select((
            categories::code,
            categories::name_vi,
            categories::name_en,
            categories::group_vi,
            categories::group_en,
            diesel::dsl::exists(
                category_questions::table
                    .filter(category_questions::category_code.eq(categories::code)),
            ),
        ))
        .load(conn)
}

/// A category's extra question, as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = category_questions, check_for_backend(diesel::pg::Pg))]
pub struct QuestionRow {
    pub code: String,
    pub datatype: String,
    pub required: bool,
    pub description_vi: String,
    pub description_en: String,
    pub choices: serde_json::Value,
    pub sort_order: i32,
}

impl QuestionRow {
    /// The allowed answers of a list question: (key, Vietnamese name, English name).
    pub fn choices(&self) -> Vec<(String, String, String)> {
        let field = |c: &serde_json::Value, name: &str| {
            c.get(name)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned()
        };
        self.choices
            .as_array()
            .map(|choices| {
                choices
                    .iter()
                    .map(|c| (field(c, "key"), field(c, "name_vi"), field(c, "name_en")))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn question(&self) -> Option<hientruong_domain::open311::Question> {
        Some(hientruong_domain::open311::Question {
            code: self.code.clone(),
            datatype: hientruong_domain::open311::Datatype::parse(&self.datatype)?,
            required: self.required,
            choices: self.choices().into_iter().map(|(key, _, _)| key).collect(),
        })
    }
}

/// The questions of an active category, in order; `not_found` for any other code.
pub fn questions(conn: &mut PgConnection, category: &str) -> Result<Vec<QuestionRow>, Error> {
    let active: Option<bool> = categories::table
        .find(category)
        .select(categories::active)
        .first(conn)
        .optional()?;
    if active != Some(true) {
        return Err(hientruong_domain::Error::NotFound.into());
    }
    Ok(category_questions::table
        .filter(category_questions::category_code.eq(category))
        .order((category_questions::sort_order, category_questions::code))
        .select(QuestionRow::as_select())
        .load(conn)?)
}

/// What a request listing asks for. `ids`, when given, overrides every other filter.
#[derive(Debug, Clone, Default)]
pub struct RequestFilter {
    pub ids: Option<Vec<Uuid>>,
    pub categories: Vec<String>,
    pub statuses: Vec<String>,
    pub window: Option<Window>,
    pub offset: i64,
    pub limit: i64,
}

/// Reports for Open311, newest first, with their photos.
pub fn requests(conn: &mut PgConnection, filter: &RequestFilter) -> Result<Vec<ReportView>, Error> {
    let mut query = view_query!().into_boxed();
    if let Some(ids) = &filter.ids {
        query = query.filter(reports::id.eq_any(ids.clone()));
    } else {
        if !filter.categories.is_empty() {
            query = query.filter(reports::category_code.eq_any(filter.categories.clone()));
        }
        if !filter.statuses.is_empty() {
            query = query.filter(reports::status.eq_any(filter.statuses.clone()));
        }
        if let Some(w) = filter.window {
            query = query
                .filter(reports::created_at.ge(w.start))
                .filter(reports::created_at.le(w.end));
        }
    }
    let rows = query
        .order((reports::created_at.desc(), reports::id.desc()))
        .offset(filter.offset)
        .limit(filter.limit)
        .load(conn)?;
    Ok(with_photos(
        conn,
        rows.into_iter().map(into_view).collect(),
    )?)
}

/// A public update of a report (FixMyStreet's extension), with the "after" photo of a resolution.
#[derive(Debug, Clone)]
pub struct Update {
    pub id: i64,
    pub report_id: Uuid,
    pub to_status: String,
    pub at: DateTime<Utc>,
    pub public_note: Option<String>,
    pub photo: Option<Photo>,
}

/// Public changes of reports after their receipt, in the window, oldest first.
pub fn updates(
    conn: &mut PgConnection,
    window: Window,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<Update>> {
    type Row = (i64, Uuid, String, String, DateTime<Utc>, Option<String>);
    let rows: Vec<Row> = report_events::table
        .filter(report_events::public.eq(true))
        .filter(report_events::kind.ne("received"))
        .filter(report_events::at.ge(window.start))
        .filter(report_events::at.le(window.end))
        .filter(report_events::to_status.is_not_null())
        .order((report_events::at, report_events::id))
        .offset(offset)
        .limit(limit)
        .select((
            report_events::id,
            report_events::report_id,
            report_events::kind,
            report_events::to_status.assume_not_null(),
            report_events::at,
            report_events::public_note,
        ))
        .load(conn)?;
    let resolved: Vec<Uuid> = rows
        .iter()
        .filter(|r| r.2 == "resolve")
        .map(|r| r.1)
        .collect();
    let after: Vec<Photo> = photos::table
        .filter(photos::report_id.eq_any(&resolved))
        .filter(photos::kind.eq("resolution"))
        .order((
            photos::report_id,
            photos::created_at.desc(),
            photos::ordinal,
        ))
        .select(Photo::as_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, report_id, kind, to_status, at, public_note)| Update {
            photo: (kind == "resolve")
                .then(|| {
                    after
                        .iter()
                        .find(|p| p.report_id == report_id && p.created_at <= at)
                        .cloned()
                })
                .flatten(),
            id,
            report_id,
            to_status,
            at,
            public_note,
        })
        .collect())
}

/// How a posting is recognised when it comes again: its idempotency key, and perhaps a key under
/// which the same posting may have been stored during the last 24 hours.
#[derive(Debug, Clone, Copy)]
pub struct PostingKey {
    pub key: Uuid,
    pub earlier: Option<Uuid>,
}

/// A posting's Open311 token: unique to the application and its idempotency key.
fn token(api_key: &ApiKey, idempotency_key: Uuid) -> Uuid {
    Uuid::new_v5(&api_key.id, idempotency_key.as_bytes())
}

/// Stores a report a client application posted, exactly once per (application, idempotency
/// key), through the same intake as the residents' app; what it sent about the reporter is
/// stored with it in the same transaction. Returns the outcome and the posting's token.
pub fn submit(
    conn: &mut PgConnection,
    key: &ApiKey,
    posting: PostingKey,
    report: &ValidReport,
    submission: &Submission,
) -> Result<(Submitted, Uuid), Error> {
    conn.transaction(|conn| {
        if let Some(earlier) = posting.earlier {
            let recent: Option<Uuid> = reports::table
                .filter(reports::reporter_id.eq(key.account_id))
                .filter(reports::idempotency_key.eq(earlier))
                .filter(reports::created_at.gt(Utc::now() - chrono::TimeDelta::hours(24)))
                .select(reports::id)
                .first(conn)
                .optional()?;
            if let Some(id) = recent {
                return Ok((Submitted::Replayed(id), token(key, earlier)));
            }
        }
        let submitted =
            crate::reports::submit(conn, key.account_id, posting.key, report, &[], &[])?;
        if let Submitted::Created(id) = submitted {
            let contact = &submission.contact;
            let answers = serde_json::to_value(&submission.answers)
                .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?;
            diesel::insert_into(report_submissions::table)
                .values((
                    report_submissions::report_id.eq(id),
                    report_submissions::api_key_id.eq(key.id),
                    report_submissions::token.eq(token(key, posting.key)),
                    report_submissions::email.eq(&contact.email),
                    report_submissions::first_name.eq(&contact.first_name),
                    report_submissions::last_name.eq(&contact.last_name),
                    report_submissions::phone.eq(&contact.phone),
                    report_submissions::device_id.eq(&contact.device_id),
                    report_submissions::account_id.eq(&contact.account_id),
                    report_submissions::media_url.eq(&contact.media_url),
                    report_submissions::answers.eq(answers),
                ))
                .execute(conn)?;
        }
        Ok((submitted, token(key, posting.key)))
    })
}

/// The report a client application posted under this token.
pub fn by_token(conn: &mut PgConnection, token: Uuid) -> QueryResult<Option<Uuid>> {
    report_submissions::table
        .filter(report_submissions::token.eq(token))
        .select(report_submissions::report_id)
        .first(conn)
        .optional()
}
