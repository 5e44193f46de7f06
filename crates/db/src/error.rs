use hientruong_domain as domain;

/// What a storage operation can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A rule of the domain refused the operation (unknown category, outside Huế...).
    #[error("{0}")]
    Domain(#[from] domain::Error),
    #[error("database query failed: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("no database connection available: {0}")]
    Pool(#[from] diesel::r2d2::PoolError),
}
