//! Where photos are kept: any `object_store` (a local directory by default, S3-compatible storage
//! when configured), under content-hash keys so that storing the same bytes twice is a no-op.
//!
//! `originals/` holds uploads as received, with their metadata: evidence, never served publicly.
//! `variants/` holds the re-encoded, metadata-free JPEGs that public URLs point to.

use std::path::Path;
use std::sync::Arc;

use bytes::Bytes;
use chrono::{DateTime, Utc};
use futures_util::TryStreamExt;
use object_store::local::LocalFileSystem;
use object_store::path::Path as Key;
use object_store::prefix::PrefixStore;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};

use crate::sniff::Format;

#[derive(Debug, thiserror::Error)]
#[error("media storage: {0}")]
pub struct StoreError(#[from] object_store::Error);

#[derive(Clone, Debug)]
pub struct MediaStore {
    inner: Arc<dyn ObjectStore>,
}

pub fn original_key(sha256: &str, format: Format) -> String {
    format!("originals/{}/{sha256}.{}", &sha256[..2], format.extension())
}

pub fn variant_key(sha256: &str) -> String {
    format!("variants/{}/{sha256}.jpg", &sha256[..2])
}

/// Whether a key names an original (`originals/<aa>/<sha256>.<jpg|png|webp>`).
pub fn is_original_key(key: &str) -> bool {
    let Some(rest) = key.strip_prefix("originals/") else {
        return false;
    };
    let Some((dir, file)) = rest.split_once('/') else {
        return false;
    };
    let Some((hash, ext)) = file.split_once('.') else {
        return false;
    };
    matches!(ext, "jpg" | "png" | "webp") && is_hash(hash) && dir == &hash[..2]
}

fn is_hash(s: &str) -> bool {
    s.len() == 64
        && s.chars()
            .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
}

/// Whether a key names a public variant (and nothing else) — the only keys `/media/` serves.
pub fn is_variant_key(key: &str) -> bool {
    let Some(rest) = key.strip_prefix("variants/") else {
        return false;
    };
    let Some((dir, file)) = rest.split_once('/') else {
        return false;
    };
    let Some(hash) = file.strip_suffix(".jpg") else {
        return false;
    };
    hash.len() == 64
        && hash
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        && dir == &hash[..2]
}

impl MediaStore {
    /// Files under `root` (created if missing).
    pub fn local(root: &Path) -> Result<MediaStore, StoreError> {
        std::fs::create_dir_all(root).map_err(|e| {
            StoreError(object_store::Error::Generic {
                store: "local",
                source: Box::new(e),
            })
        })?;
        Ok(MediaStore {
            // fsync before the rename: a committed photo row must never point at a file that a
            // power cut left empty.
            inner: Arc::new(LocalFileSystem::new_with_prefix(root)?.with_fsync(true)),
        })
    }

    /// A store named by a URL: `s3://bucket[/prefix]` for S3-compatible storage, `file:///dir`
    /// for a directory. `options` are `object_store` settings, such as `aws_access_key_id`,
    /// `aws_secret_access_key`, `aws_region`, `aws_endpoint` (for MinIO, Ceph, Garage…) and
    /// `allow_http`.
    pub fn from_url(
        url: &str,
        options: impl IntoIterator<Item = (String, String)>,
    ) -> Result<MediaStore, StoreError> {
        let parsed = url::Url::parse(url).map_err(|e| {
            StoreError(object_store::Error::Generic {
                store: "url",
                source: Box::new(e),
            })
        })?;
        let (store, prefix) = object_store::parse_url_opts(&parsed, options)?;
        let store: Arc<dyn ObjectStore> = Arc::from(store);
        let inner: Arc<dyn ObjectStore> = if prefix.as_ref().is_empty() {
            store
        } else {
            Arc::new(PrefixStore::new(store, prefix))
        };
        Ok(MediaStore { inner })
    }

    /// Stores `bytes` under `key`. Keys are content hashes, so a retry stores nothing new; the
    /// object is still written again (atomically, same bytes) so that its modification time is
    /// fresh and the orphan sweep cannot remove it between this write and the record that refers
    /// to it.
    pub async fn put(&self, key: &str, bytes: Bytes) -> Result<(), StoreError> {
        self.inner
            .put(&Key::from(key), PutPayload::from(bytes))
            .await?;
        Ok(())
    }

    /// The bytes under `key`, or `None`.
    pub async fn get(&self, key: &str) -> Result<Option<Bytes>, StoreError> {
        match self.inner.get(&Key::from(key)).await {
            Ok(result) => Ok(Some(result.bytes().await?)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Photo keys (originals and variants, nothing else the store may hold) last written before
    /// `cutoff`: candidates for the orphan sweep.
    pub async fn keys_older_than(&self, cutoff: DateTime<Utc>) -> Result<Vec<String>, StoreError> {
        let mut keys = Vec::new();
        for prefix in ["originals", "variants"] {
            let metas: Vec<_> = self
                .inner
                .list(Some(&Key::from(prefix)))
                .try_collect()
                .await?;
            keys.extend(
                metas
                    .into_iter()
                    .filter(|m| m.last_modified < cutoff)
                    .map(|m| m.location.to_string())
                    .filter(|k| is_variant_key(k) || is_original_key(k)),
            );
        }
        Ok(keys)
    }

    /// When `key` was last written, if it exists.
    pub async fn modified(&self, key: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
        match self.inner.head(&Key::from(key)).await {
            Ok(meta) => Ok(Some(meta.last_modified)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    pub async fn delete(&self, key: &str) -> Result<(), StoreError> {
        match self.inner.delete(&Key::from(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_well_formed_variant_keys_are_public() {
        let sha = "ab".to_owned() + &"0".repeat(62);
        assert!(is_variant_key(&variant_key(&sha)));
        assert!(!is_variant_key(&original_key(&sha, Format::Jpeg)));
        assert!(!is_variant_key("variants/ab/../../originals/x.jpg"));
        assert!(!is_variant_key(&format!("variants/cd/{sha}.jpg")));
        assert!(!is_variant_key("variants/ab/short.jpg"));
    }
}
