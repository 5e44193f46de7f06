//! Public photo files and, for oversight, the private originals and their records.

pub mod evidence;
pub mod original;
pub mod variant;

use hientruong_db::models::Photo;
use hientruong_domain::Error;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::ApiError;
use crate::state::AppState;

pub(crate) fn storage_error(e: hientruong_media::store::StoreError) -> ApiError {
    tracing::error!(error = %e, "could not read from the media store");
    ApiError::new(Error::ServiceUnavailable).retry_after(5)
}

/// A photo's full record, which only IOC staff and administrators may see.
pub(crate) async fn photo_for_oversight(
    state: &AppState,
    user: &AuthUser,
    id: Uuid,
    original: bool,
) -> Result<Photo, ApiError> {
    let actor = user.actor();
    state
        .run(move |app| app.photo_evidence(&actor, id, original))
        .await
}
