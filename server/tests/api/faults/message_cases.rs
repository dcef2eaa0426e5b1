//! The fault cases of the contact page's messages: the staff inbox, replies, linking a message
//! to a person, and the person's own messages.
use super::cases::{change, read, Case};
use super::household::{Household, ALEX, SAM};

pub fn messages(h: &Household) -> Vec<Case> {
    let id = |n: i64| n.to_string();
    vec![
        read("/api/contact/inbox", ALEX, &[]),
        read("/api/contact/message", ALEX, &[("id", id(h.message))]),
        change(
            "/api/contact/link",
            ALEX,
            format!("/staff/messages/{}", h.message),
            &[("id", &id(h.message)), ("email", SAM)],
        )
        .typed(SAM),
        read("/api/contact/mine", SAM, &[]),
        read("/api/contact/my-message", SAM, &[("id", id(h.sam_message))]),
        change(
            "/api/contact/reply",
            ALEX,
            format!("/staff/messages/{}", h.message),
            &[("id", &id(h.message)), ("reply", "Call the carers' centre on Monday")],
        )
        .typed("Call the carers' centre on Monday"),
        change(
            "/api/contact/answer",
            SAM,
            format!("/messages/{}", h.sam_message),
            &[("id", &id(h.sam_message)), ("reply", "Thank you, I will call them")],
        )
        .typed("Thank you, I will call them"),
        change("/api/contact/done", ALEX, format!("/staff/messages/{}", h.message), &[("id", &id(h.message))]),
    ]
}
