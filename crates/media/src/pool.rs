//! A bounded pool for photo processing. Decoding and resizing run on blocking threads, at most as
//! many at once as the machine has cores, with a short queue; beyond that an upload is refused at
//! once (`media_busy`, to be retried) instead of memory growing without bound.

use std::sync::Arc;

use bytes::Bytes;

use crate::Rejection as Error;
use tokio::sync::Semaphore;

use crate::pipeline::{Limits, Processed, process};

#[derive(Clone)]
pub struct ProcessingPool {
    /// Uploads admitted (running or queued).
    admitted: Arc<Semaphore>,
    /// Uploads being processed.
    running: Arc<Semaphore>,
    pub limits: Limits,
}

impl ProcessingPool {
    /// `workers` photos processed at once, and as many again waiting for a turn.
    pub fn new(workers: usize, limits: Limits) -> ProcessingPool {
        let workers = workers.max(1);
        ProcessingPool {
            admitted: Arc::new(Semaphore::new(workers * 2)),
            running: Arc::new(Semaphore::new(workers)),
            limits,
        }
    }

    /// One worker per core.
    pub fn sized_to_machine(limits: Limits) -> ProcessingPool {
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2);
        ProcessingPool::new(cores, limits)
    }

    /// Processes one photo, or refuses at once with [`Error::Busy`] when the pool is full.
    pub async fn process(&self, bytes: Bytes) -> Result<Processed, Error> {
        let _admitted = self
            .admitted
            .clone()
            .try_acquire_owned()
            .map_err(|_| Error::Busy)?;
        let _running = self
            .running
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| Error::Busy)?;
        let limits = self.limits;
        // The permits go with the work: if the request is cancelled (the client hung up), the
        // blocking decode still runs to its end and keeps its slot until then.
        tokio::task::spawn_blocking(move || {
            let _slots = (_admitted, _running);
            process(&bytes, &limits)
        })
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "photo processing panicked");
            Error::Corrupt
        })?
    }
}
