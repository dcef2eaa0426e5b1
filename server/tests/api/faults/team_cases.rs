//! The fault cases of teams, intake and allocation.
use super::cases::{change, read, Case};
use super::household::{Household, ADMIN, ALEX, MORGAN};

pub fn teams(h: &Household) -> Vec<Case> {
    let id = |n: i64| n.to_string();
    vec![
        // Teams, intake and allocation: Wren waits in intake; Morgan allocates them to Alex, ends
        // it, and Alex takes them on.
        read("/api/teams/list", ALEX, &[]),
        change(
            "/api/teams/create",
            ADMIN,
            "/staff/teams",
            &[("name", "Carers north"), ("covers", "carers"), ("areas", "LS")],
        )
        .typed("Carers north"),
        read("/api/teams/one", ALEX, &[("id", id(h.team))]),
        change(
            "/api/teams/place",
            ADMIN,
            format!("/staff/teams/{}", h.team),
            &[("id", &id(h.team)), ("user_id", &id(h.leaver)), ("place", "member")],
        ),
        read("/api/allocation/intake", MORGAN, &[]),
        read("/api/allocation/person", MORGAN, &[("person_id", id(h.wren))]),
        change(
            "/api/allocation/allocate",
            MORGAN,
            format!("/staff/allocations/{}", h.wren),
            &[("person_id", &id(h.wren)), ("practitioner", &id(h.alex)), ("note", "Prefers calls after 3pm")],
        )
        .typed("Prefers calls after 3pm"),
        change("/api/allocation/end", MORGAN, format!("/staff/allocations/{}", h.wren), &[("person_id", &id(h.wren))]),
        change("/api/allocation/take", ALEX, format!("/staff/allocations/{}", h.wren), &[("person_id", &id(h.wren))]),
        // Last: the team then covers only LS6 and LS7.
        change(
            "/api/teams/rule",
            ADMIN,
            format!("/staff/teams/{}", h.team),
            &[("id", &id(h.team)), ("covers", "everyone"), ("areas", "LS6, LS7")],
        )
        .typed("LS6, LS7"),
    ]
}
