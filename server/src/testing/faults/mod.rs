//! Fault injection for tests and drills: a store and a file store that pass every call to the
//! real ones until a switch says to fail. A failure reads like a real driver's error, with a
//! marker (`FAULT_MARKER`) a test can look for in responses, where it must never appear.
//!
//! Each store method is listed once below as a read, a write or a session call, so a fault can
//! fail only writes, or everything but sessions (which keep refused forms), or everything; and
//! only after some calls have passed, to fail a request halfway. A new store trait is one more
//! block in `delegation.rs`.
use std::sync::{Arc, Mutex};

use app::backend::ports::*;
use async_trait::async_trait;

/// In every injected failure's text; no response may ever contain it.
pub const FAULT_MARKER: &str = "INTERNAL-FAULT-7f3a";

/// What kind of call a store method is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Call {
    Read,
    Write,
    /// Reading or writing a session (and the refused form kept in it).
    Session,
}

/// Which calls fail.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Fault {
    pub reads: bool,
    pub writes: bool,
    pub sessions: bool,
    /// How many calls that would fail pass first (to fail a request halfway).
    pub after: u32,
    /// How many calls fail before it clears by itself (0: until it is cleared).
    pub times: u32,
}

impl Fault {
    /// Nothing fails.
    pub const NONE: Fault = Fault { reads: false, writes: false, sessions: false, after: 0, times: 0 };

    /// Every write fails; reads and sessions work (a full disk, a lost lock).
    pub fn writes() -> Fault {
        Fault { writes: true, ..Fault::NONE }
    }

    /// Every read and write of records fails; sessions work.
    pub fn reads_and_writes() -> Fault {
        Fault { reads: true, writes: true, ..Fault::NONE }
    }

    /// Everything fails, sessions too (the database is gone).
    pub fn everything() -> Fault {
        Fault { reads: true, writes: true, sessions: true, ..Fault::NONE }
    }

    /// The same fault, once `calls` calls it covers have passed.
    pub fn after(self, calls: u32) -> Fault {
        Fault { after: calls, ..self }
    }

    /// The same fault, clearing by itself once `calls` calls have failed (a passing hiccup).
    pub fn times(self, calls: u32) -> Fault {
        Fault { times: calls, ..self }
    }

    fn covers(&self, call: Call) -> bool {
        match call {
            Call::Read => self.reads,
            Call::Write => self.writes,
            Call::Session => self.sessions,
        }
    }
}

#[derive(Default)]
struct SwitchState {
    fault: Fault,
    passed: u32,
    /// Failures under the current fault.
    failing: u32,
    failed: u64,
}

/// Turns faults on and off while the portal runs; clones share one switch.
#[derive(Clone, Default)]
pub struct FaultSwitch(Arc<Mutex<SwitchState>>);

impl FaultSwitch {
    pub fn set(&self, fault: Fault) {
        let mut state = self.lock();
        state.fault = fault;
        state.passed = 0;
        state.failing = 0;
    }

    pub fn clear(&self) {
        self.set(Fault::NONE);
    }

    /// How many calls have been failed so far (a test can tell the fault was reached).
    pub fn failures(&self) -> u64 {
        self.lock().failed
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, SwitchState> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn check(&self, call: Call, method: &str) -> Result<(), StoreError> {
        let mut state = self.lock();
        if !state.fault.covers(call) {
            return Ok(());
        }
        if state.passed < state.fault.after {
            state.passed += 1;
            return Ok(());
        }
        if state.fault.times > 0 && state.failing >= state.fault.times {
            return Ok(());
        }
        state.failing += 1;
        state.failed += 1;
        Err(StoreError::Unavailable(Box::new(std::io::Error::other(format!(
            "{FAULT_MARKER}: disk I/O error at /var/lib/carer-portal/portal.db (sqlx: SQLITE_IOERR_WRITE) in {method}"
        )))))
    }
}

/// The store behind a fault switch.
pub struct FaultyStore {
    inner: Arc<dyn Store>,
    switch: FaultSwitch,
}

impl FaultyStore {
    pub fn new(inner: Arc<dyn Store>, switch: FaultSwitch) -> FaultyStore {
        FaultyStore { inner, switch }
    }
}

/// Implements store traits for `FaultyStore`: each method checks the switch, then calls the
/// real store. Written `Trait { Read|Write|Session name(args) -> Result; … }`.
macro_rules! faulty {
    ($($store:ident { $($call:ident $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty;)* })*) => {$(
        #[async_trait]
        impl $store for FaultyStore {
            $(async fn $name(&self, $($arg: $ty),*) -> $ret {
                self.switch.check(Call::$call, stringify!($name))?;
                $store::$name(&*self.inner, $($arg),*).await
            })*
        }
    )*};
}

mod delegation;

/// The file store behind a fault switch: `put` and `delete` are writes, `get` a read.
pub struct FaultyFiles {
    inner: Arc<dyn FileStore>,
    switch: FaultSwitch,
}

impl FaultyFiles {
    pub fn new(inner: Arc<dyn FileStore>, switch: FaultSwitch) -> FaultyFiles {
        FaultyFiles { inner, switch }
    }
}

#[async_trait]
impl FileStore for FaultyFiles {
    async fn put(&self, key: &str, bytes: &[u8]) -> Result<(), StoreError> {
        self.switch.check(Call::Write, "put")?;
        self.inner.put(key, bytes).await
    }

    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        self.switch.check(Call::Read, "get")?;
        self.inner.get(key).await
    }

    async fn open(&self, key: &str) -> Result<Option<FileReader>, StoreError> {
        self.switch.check(Call::Read, "open")?;
        self.inner.open(key).await
    }

    async fn delete(&self, key: &str) -> Result<(), StoreError> {
        self.switch.check(Call::Write, "delete")?;
        self.inner.delete(key).await
    }
    async fn list(&self, folder: &str) -> Result<Vec<String>, StoreError> {
        self.switch.check(Call::Read, "list")?;
        self.inner.list(folder).await
    }
}

/// Puts the portal's store and file store behind two switches (returned: store, files).
pub fn wrap(services: Services) -> (Services, FaultSwitch, FaultSwitch) {
    let (store, files) = (FaultSwitch::default(), FaultSwitch::default());
    let wrapped = Services {
        store: Arc::new(FaultyStore::new(services.store.clone(), store.clone())),
        files: Arc::new(FaultyFiles::new(services.files.clone(), files.clone())),
        ..services
    };
    (wrapped, store, files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fault_can_wait_for_some_calls_to_pass() {
        let switch = FaultSwitch::default();
        switch.set(Fault::writes().after(1));
        assert!(switch.check(Call::Read, "r").is_ok());
        assert!(switch.check(Call::Write, "w").is_ok());
        let error = switch.check(Call::Write, "w").unwrap_err();
        assert!(format!("{:?}", error).contains(FAULT_MARKER));
        assert!(switch.check(Call::Session, "s").is_ok());
        assert_eq!(switch.failures(), 1);
        switch.clear();
        assert!(switch.check(Call::Write, "w").is_ok());
        switch.set(Fault::reads_and_writes().times(1));
        assert!(switch.check(Call::Read, "r").is_err());
        assert!(switch.check(Call::Read, "r").is_ok());
    }
}
