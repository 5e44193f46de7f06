use hientruong_domain as domain;

/// What a storage operation can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A rule of the domain refused the operation (unknown category, outside Huế...).
    #[error("{0}")]
    Domain(#[from] domain::Error),
    /// An abuse limit refused (`rate_limited`, `account_locked`): try again in so many seconds.
    #[error("{error} (again in {retry_after_secs} s)")]
    Limited {
        error: domain::Error,
        retry_after_secs: u64,
    },
    /// The account was locked by staff, for this reason (told to its user).
    #[error("the account is locked by staff")]
    LockedByStaff { reason: String },
    #[error("database query failed: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("could not connect to the database: {0}")]
    Connect(#[from] diesel::ConnectionError),
    #[error("no database connection available: {0}")]
    Pool(#[from] diesel::r2d2::PoolError),
}

impl Error {
    /// A row that was asked for by its key does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(
            self,
            Error::Query(diesel::result::Error::NotFound) | Error::Domain(domain::Error::NotFound)
        )
    }
}
