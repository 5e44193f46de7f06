//! Photos as records: the evidence behind a public photo (for oversight), and which stored files
//! no record refers to (for the sweep of what a crash left behind).

use hientruong_db::models::Photo;
use hientruong_db::photos;
use hientruong_domain::policy::Actor;
use uuid::Uuid;

use crate::{App, Error};

impl App {
    /// A photo's record with its original's key and metadata: IOC operators and administrators
    /// only.
    pub fn photo_evidence(&self, actor: &Actor, id: Uuid) -> Result<Photo, Error> {
        if !actor.sees_photo_evidence() {
            return Err(hientruong_domain::Error::Forbidden.into());
        }
        Ok(photos::get(&mut *self.conn()?, id)?)
    }

    /// Those of the stored files' `keys` that no photo record refers to.
    pub fn unreferenced_media(&self, keys: &[String]) -> Result<Vec<String>, Error> {
        Ok(photos::unreferenced(&mut *self.conn()?, keys)?)
    }
}
