//! Counts recent attempts per key (an address, an account) in memory, in a sliding window.
//! One server process keeps its own counts; behind a load balancer each process limits
//! separately, which still stops a burst.
use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use app::ports::RateLimiter;

#[derive(Default)]
pub struct MemoryRateLimiter {
    attempts: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl RateLimiter for MemoryRateLimiter {
    fn allow(&self, key: &str, max: u32, window: Duration) -> bool {
        let now = Instant::now();
        let mut attempts = self.attempts.lock().unwrap_or_else(|p| p.into_inner());
        // Forget keys with nothing recent now and then, so memory stays bounded.
        if attempts.len() > 10_000 {
            attempts.retain(|_, times| times.back().is_some_and(|t| now.duration_since(*t) < window));
        }
        let times = attempts.entry(key.to_owned()).or_default();
        while times.front().is_some_and(|t| now.duration_since(*t) >= window) {
            times.pop_front();
        }
        if times.len() >= max as usize {
            return false;
        }
        times.push_back(now);
        true
    }

    fn forgive(&self, key: &str) {
        let mut attempts = self.attempts.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(times) = attempts.get_mut(key) {
            times.pop_back();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_beyond_the_limit_is_refused_per_key() {
        let limiter = MemoryRateLimiter::default();
        let minute = Duration::from_secs(60);
        for _ in 0..5 {
            assert!(limiter.allow("a", 5, minute));
        }
        assert!(!limiter.allow("a", 5, minute));
        assert!(limiter.allow("b", 5, minute));
    }

    #[test]
    fn a_forgiven_attempt_does_not_count() {
        let limiter = MemoryRateLimiter::default();
        let minute = Duration::from_secs(60);
        for _ in 0..10 {
            assert!(limiter.allow("a", 2, minute));
            limiter.forgive("a");
        }
    }

    #[test]
    fn attempts_older_than_the_window_no_longer_count() {
        let limiter = MemoryRateLimiter::default();
        assert!(limiter.allow("a", 1, Duration::from_millis(1)));
        std::thread::sleep(Duration::from_millis(5));
        assert!(limiter.allow("a", 1, Duration::from_millis(1)));
    }
}
