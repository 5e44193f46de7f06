//! Open311 GeoReport v2: its services (the categories, with their questions), its service
//! requests (the public reports), FixMyStreet's updates, and postings by client applications
//! with an API key.

use hientruong_db::limits;
use hientruong_db::open311::{
    self, ApiKey, PostingKey, QuestionRow, RequestFilter, Service, Update,
};
use hientruong_db::read::report::{self as read, ReportView};
use hientruong_db::read::submission::Submission;
use hientruong_db::reports::Submitted;
use hientruong_domain::limits::{Limited, address_key};
use hientruong_domain::open311::Window;
use hientruong_domain::report::ValidReport;
use std::net::IpAddr;

use uuid::Uuid;

use crate::{App, Error};

/// A posting just stored (or found again, for a retry).
pub struct Posted {
    pub submitted: Submitted,
    /// The token the client may follow it by.
    pub token: Uuid,
    pub view: ReportView,
}

impl App {
    /// The services: the active categories, with their groups and whether they ask questions.
    pub fn services(&self) -> Result<Vec<Service>, Error> {
        Ok(open311::services(&mut *self.conn()?)?)
    }

    /// The extra questions of a service; an unknown one is `unknown_category` when `posting`,
    /// `not_found` otherwise.
    pub fn questions(&self, category: &str, posting: bool) -> Result<Vec<QuestionRow>, Error> {
        match open311::questions(&mut *self.conn()?, category) {
            Err(Error::Domain(hientruong_domain::Error::NotFound)) if posting => {
                Err(hientruong_domain::Error::UnknownCategory.into())
            }
            other => other,
        }
    }

    /// The service requests a filter names.
    pub fn service_requests(&self, filter: &RequestFilter) -> Result<Vec<ReportView>, Error> {
        open311::requests(&mut *self.conn()?, filter)
    }

    /// One service request.
    pub fn service_request(&self, id: Uuid) -> Result<ReportView, Error> {
        read::get(&mut *self.conn()?, id)
    }

    /// The request a posting's token stands for, once it exists.
    pub fn request_of_token(&self, token: Uuid) -> Result<Option<Uuid>, Error> {
        Ok(open311::by_token(&mut *self.conn()?, token)?)
    }

    /// The public changes of requests in a window, oldest first, a page at a time.
    pub fn request_updates(
        &self,
        window: Window,
        offset: i64,
        limit: i64,
    ) -> Result<Vec<Update>, Error> {
        Ok(open311::updates(&mut *self.conn()?, window, offset, limit)?)
    }

    /// The client application a presented API key belongs to (`invalid_api_key` for a wrong or
    /// revoked one), for a posting: an address that presented too many wrong keys is refused
    /// before the key is looked up, a wrong key takes from that address's budget, and a right
    /// one from its key's posting rate (`rate_limited` beyond either).
    pub fn poster(&self, presented: &str, from: IpAddr) -> Result<ApiKey, Error> {
        let mut conn = self.conn()?;
        let failures = self
            .limits
            .budget(Limited::Open311KeyFailuresPerAddress, address_key(from));
        limits::check(&mut conn, std::slice::from_ref(&failures))?;
        let key = match open311::authenticate(&mut conn, presented) {
            Err(Error::Domain(hientruong_domain::Error::InvalidApiKey)) => {
                limits::take(&mut conn, &[failures])?;
                return Err(hientruong_domain::Error::InvalidApiKey.into());
            }
            other => other?,
        };
        limits::take(
            &mut conn,
            &[self
                .limits
                .budget(Limited::Open311PostsPerKey, key.id.to_string())],
        )?;
        Ok(key)
    }

    /// Stores a client's posting once per idempotency key, with what the client said about the
    /// reporter, and answers with its token and the report.
    pub fn post_request(
        &self,
        client: &ApiKey,
        key: PostingKey,
        report: &ValidReport,
        submission: &Submission,
    ) -> Result<Posted, Error> {
        let mut conn = self.conn()?;
        let (submitted, token) = open311::submit(&mut conn, client, key, report, submission)?;
        let view = read::get(&mut conn, submitted.id())?;
        if matches!(submitted, Submitted::Created(_)) {
            tracing::info!(report = %submitted.id(), commune = %view.report.commune_code, unit = %view.report.unit_code, "report received through Open311");
        }
        Ok(Posted {
            submitted,
            token,
            view,
        })
    }
}
