//! The fault cases of independent advocacy: the practitioner reads and records it for Pat.
use super::cases::{change, read, Case};
use super::household::{Household, ALEX};

pub fn advocacy(h: &Household) -> Vec<Case> {
    let pat = h.pat.to_string();
    vec![
        read("/api/advocacy/of", ALEX, &[("person_id", pat.clone())]),
        change(
            "/api/advocacy/record",
            ALEX,
            format!("/people/{pat}/advocacy"),
            &[
                ("person_id", &pat),
                ("answer", "accepted"),
                ("advocate_name", "Ola Advocate"),
                ("advocate_email", "ola@advocacy.example"),
            ],
        )
        .typed("Ola Advocate"),
    ]
}
