//! Slots for things a client holds open in this process (an upload being read into memory, an
//! event stream): a total, and a share per key (an account, a client address), so that a few
//! clients holding many cannot starve everybody else. A slot is given back when its guard drops,
//! however the request ends.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Which limit refused a slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Full {
    /// Every slot of the process is taken.
    Total,
    /// The key at this index of those asked for holds its share already.
    Key(usize),
}

#[derive(Default)]
struct Held {
    total: usize,
    by_key: HashMap<String, usize>,
}

/// A set of slots, shared by the workers of a process.
#[derive(Clone)]
pub struct Slots {
    total: usize,
    held: Arc<Mutex<Held>>,
}

impl Slots {
    /// `total` slots in all.
    pub fn new(total: usize) -> Slots {
        Slots {
            total,
            held: Arc::default(),
        }
    }

    /// One slot counted against the total and every one of `keys`, each with its own share
    /// (`(key, at most)`), or none at all.
    pub fn take(&self, keys: &[(String, usize)]) -> Result<Slot, Full> {
        let mut held = self.held.lock().unwrap_or_else(|e| e.into_inner());
        if held.total >= self.total {
            return Err(Full::Total);
        }
        if let Some(i) = keys
            .iter()
            .position(|(k, max)| held.by_key.get(k).copied().unwrap_or(0) >= *max)
        {
            return Err(Full::Key(i));
        }
        held.total += 1;
        for (key, _) in keys {
            *held.by_key.entry(key.clone()).or_default() += 1;
        }
        Ok(Slot {
            held: self.held.clone(),
            keys: keys.iter().map(|(k, _)| k.clone()).collect(),
        })
    }

    /// Slots taken now (for tests and metrics).
    pub fn in_use(&self) -> usize {
        self.held.lock().unwrap_or_else(|e| e.into_inner()).total
    }
}

/// A slot held; given back on drop.
pub struct Slot {
    held: Arc<Mutex<Held>>,
    keys: Vec<String>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut held = self.held.lock().unwrap_or_else(|e| e.into_inner());
        held.total = held.total.saturating_sub(1);
        for key in &self.keys {
            if let Some(n) = held.by_key.get_mut(key) {
                *n -= 1;
                if *n == 0 {
                    held.by_key.remove(key);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_gets_its_share_the_process_its_total_and_a_dropped_slot_comes_back() {
        let slots = Slots::new(3);
        let key = |k: &str| (k.to_owned(), 2);
        let a1 = slots.take(&[key("a"), key("x")]).expect("a1");
        let a2 = slots.take(&[key("a"), key("y")]).expect("a2");
        assert_eq!(slots.take(&[key("a")]).err(), Some(Full::Key(0)));
        let _b1 = slots.take(&[key("b"), key("x")]).expect("b1");
        assert_eq!(slots.take(&[key("c")]).err(), Some(Full::Total));
        drop(a1);
        assert_eq!(slots.in_use(), 2);
        let _c1 = slots
            .take(&[key("c"), key("x")])
            .expect("x has one of two again");
        drop(a2);
        // Refused on its second key: nothing is taken on the first.
        assert_eq!(slots.take(&[key("d"), key("x")]).err(), Some(Full::Key(1)));
        assert_eq!(slots.in_use(), 2);
        // Each key its own share.
        assert_eq!(slots.take(&[("e".to_owned(), 0)]).err(), Some(Full::Key(0)));
        let _d1 = slots.take(&[key("d")]).expect("d holds none");
    }
}
