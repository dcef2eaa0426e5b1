//! A carer's emergency plan as the portal keeps it, and each look-up a responder made.
use chrono::{DateTime, NaiveDate, Utc};

use super::{freshness, CardCode, EmergencyContact, EmergencyDetails, Freshness, LookupReason, LOOKUP_MINUTES};

/// A carer's emergency plan, without how to get in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmergencyPlan {
    pub carer_id: i64,
    pub carer_name: String,
    pub details: EmergencyDetails,
    pub contacts: Vec<EmergencyContact>,
    /// When how to get in was last written (the words themselves are not here).
    pub home_access_updated_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
    /// The card in use.
    pub card: Option<CardCode>,
}

impl EmergencyPlan {
    pub fn freshness(&self, today: NaiveDate) -> Freshness {
        freshness(self.confirmed_at.map(|c| c.date_naive()), today)
    }
}

/// One look-up by a responder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lookup {
    pub id: i64,
    pub carer_id: i64,
    pub responder_id: i64,
    pub responder_name: String,
    pub at: DateTime<Utc>,
    pub reason: LookupReason,
    pub note: Option<String>,
}

impl Lookup {
    /// Whether `responder` may still read the plan behind this look-up at `now`: their own, for
    /// `LOOKUP_MINUTES`.
    pub fn open_to(&self, responder: i64, now: DateTime<Utc>) -> bool {
        self.responder_id == responder && now - self.at <= chrono::Duration::minutes(LOOKUP_MINUTES)
    }
}
