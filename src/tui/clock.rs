//! The interface's time. The screens ask it rather than `Instant::now()`,
//! so a test of something that happens after a while (a save the file
//! watcher missed, noticed 1.5 s later) moves time on instead of sleeping,
//! and does not depend on how loaded the machine is.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The system's clock, or one that moves only when told.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// `None`: the system's clock; else the time a test has set.
    manual: Option<Arc<Mutex<Instant>>>,
}

impl Clock {
    /// The real time.
    pub fn system() -> Clock {
        Clock::default()
    }

    /// A clock that stands still until [`Clock::advance`] moves it; its
    /// clones share its time.
    pub fn manual() -> Clock {
        Clock {
            manual: Some(Arc::new(Mutex::new(Instant::now()))),
        }
    }

    #[must_use]
    pub fn now(&self) -> Instant {
        match &self.manual {
            Some(at) => *at.lock().unwrap_or_else(|p| p.into_inner()),
            None => Instant::now(),
        }
    }

    /// Moves a manual clock on by `by`; the system's clock cannot be moved,
    /// so on it this does nothing.
    pub fn advance(&self, by: Duration) {
        if let Some(at) = &self.manual {
            let mut at = at.lock().unwrap_or_else(|p| p.into_inner());
            *at += by;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manual_clock_moves_only_when_told_and_its_clones_follow() {
        let clock = Clock::manual();
        let copy = clock.clone();
        let start = clock.now();
        assert_eq!(copy.now(), start);
        clock.advance(Duration::from_millis(1500));
        assert_eq!(copy.now() - start, Duration::from_millis(1500));
    }

    #[test]
    fn the_system_clock_goes_on_by_itself() {
        let clock = Clock::system();
        let before = clock.now();
        clock.advance(Duration::from_secs(3600));
        assert!(clock.now() - before < Duration::from_secs(3600));
    }
}
