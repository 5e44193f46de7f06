//! Photos as records: the evidence behind a public photo (for oversight), and which stored files
//! no record refers to (for the sweep of what a crash left behind).

use hientruong_db::models::Photo;
use hientruong_db::photos;
use hientruong_domain::audit::Action;
use hientruong_domain::policy::Actor;
use uuid::Uuid;

use crate::{App, Error};

impl App {
    /// A photo's record with its original's key and metadata: IOC operators and administrators
    /// only, each reading recorded in the audit log (`original`: for downloading the original
    /// file, metadata included; else for the record alone).
    pub fn photo_evidence(&self, actor: &Actor, id: Uuid, original: bool) -> Result<Photo, Error> {
        if !actor.sees_photo_evidence() {
            return Err(hientruong_domain::Error::Forbidden.into());
        }
        let action = match original {
            true => Action::PhotoOriginal,
            false => Action::PhotoEvidence,
        };
        self.audited(
            actor,
            action,
            |conn| Ok(photos::get(conn, id)?),
            |photo| {
                let detail = serde_json::json!({ "report_id": photo.report_id });
                (id.to_string(), detail)
            },
        )
    }

    /// Those of the stored files' `keys` that no photo record refers to.
    pub fn unreferenced_media(&self, keys: &[String]) -> Result<Vec<String>, Error> {
        Ok(photos::unreferenced(&mut *self.conn()?, keys)?)
    }
}
