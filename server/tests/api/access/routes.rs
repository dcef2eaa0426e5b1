//! The plain routes (files, PDF copies, FHIR records, data copies) as the server functions
//! are: every one classified, and none reaches another household's record by its id.
use super::lists::{RouteId, ROUTES_WITHOUT_AN_ID, ROUTES_WITH_AN_ID};
use super::{people, Person};
use crate::helpers::faults::browser;
use crate::helpers::spawn;

#[test]
fn every_plain_route_is_classified() {
    let served = server::routes::plain_paths();
    let unknown: Vec<_> = served
        .iter()
        .filter(|(method, path)| {
            !ROUTES_WITHOUT_AN_ID.contains(&(*method, *path))
                && !ROUTES_WITH_AN_ID.iter().any(|(m, p, _)| m == method && p == path)
        })
        .collect();
    assert!(unknown.is_empty(), "classify these routes in tests/api/access/lists.rs: {unknown:?}");
    let listed = ROUTES_WITHOUT_AN_ID.iter().copied().chain(ROUTES_WITH_AN_ID.iter().map(|(m, p, _)| (*m, *p)));
    for route in listed {
        assert!(served.contains(&route), "{route:?} is listed but not served");
    }
}

fn id_of(person: &Person, kind: RouteId) -> Option<i64> {
    match kind {
        RouteId::Person => Some(person.id),
        RouteId::Assessment => person.assessment,
        RouteId::Contribution => person.contribution,
        RouteId::Plan => person.plan,
    }
}

#[tokio::test]
async fn nobody_reaches_a_record_in_another_household_through_a_plain_route() {
    let portal = spawn().await;
    let people = people(&portal).await;
    let mut tried = 0;
    for actor in &people {
        let client = browser(&portal, &actor.email).await;
        let admin = actor.email == "admin@example.org";
        for target in people.iter().filter(|t| t.household != actor.household) {
            for (method, path, kind) in ROUTES_WITH_AN_ID {
                let Some(id) = id_of(target, *kind) else { continue };
                if admin && matches!(kind, RouteId::Person) {
                    continue;
                }
                let url = portal.at(&path.replace("{id}", &id.to_string()).replace("{variant}", "full"));
                let request = match *method {
                    "POST" => client.post(url).header("Origin", &portal.url),
                    _ => client.get(url),
                };
                let response = request.send().await.unwrap();
                let status = response.status().as_u16();
                let body = response.text().await.unwrap();
                assert_eq!(
                    status, 404,
                    "{} reached {}'s record through {method} {path}: {body}",
                    actor.email, target.email
                );
                assert!(!body.contains("secret of household"), "{body}");
                tried += 1;
            }
        }
    }
    assert!(tried > 100, "only {tried} tries");
}
