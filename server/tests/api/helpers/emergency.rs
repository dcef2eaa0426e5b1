//! An emergency plan for the tests that need one, and the code its card prints.

/// An emergency plan with everything "Save and confirm it is right" asks for.
pub const CONFIRMED_PLAN: [(&str, &str); 9] = [
    ("cared_for", "Pat"),
    ("routines", "Up at 7"),
    ("medication", "Metformin with breakfast"),
    ("contact1_name", "Jo Neighbour"),
    ("contact1_relationship", "neighbour"),
    ("contact1_phone", "01632 960 001"),
    ("contact1_agreed", "yes"),
    ("home_access", "Key safe 4321 by the back door"),
    ("confirm", "yes"),
];

/// The code printed on an emergency card page (12 characters and their two dashes).
pub fn card_code(card_page: &str) -> String {
    let marker = "class=\"portal-card__code\">";
    let start = card_page.find(marker).expect("a card code") + marker.len();
    card_page[start..start + 14].to_owned()
}
