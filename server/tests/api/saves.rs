//! Autosaves are committed together (group commit) but each is acknowledged only once it is on
//! disk, with its own result.

use crate::helpers::*;
use app::domain::account::Role;

const PASSWORD: &str = "a long enough password";

#[tokio::test]
async fn concurrent_saves_are_all_kept_and_a_bad_one_fails_alone() {
    let portal = spawn().await;
    let mut carers = Vec::new();
    for n in 0..8 {
        carers.push(portal.add_account(&format!("carer{n}@example.org"), Role::Carer, PASSWORD).await);
    }
    let now = chrono::Utc::now();
    let mut saves = tokio::task::JoinSet::new();
    for round in 0..25 {
        for &carer in &carers {
            let store = portal.store.clone();
            saves.spawn(async move {
                let answers = vec![(format!("q{round}"), format!("answer {round} from {carer}"))];
                store.save_page(carer, &format!("page{round}"), &answers, now).await
            });
        }
    }
    // A carer who does not exist: refused by the database's foreign key, in the same batch.
    let store = portal.store.clone();
    let bad = tokio::spawn(async move { store.save_page(999_999, "page", &[("q".into(), "x".into())], now).await });
    while let Some(result) = saves.join_next().await {
        result.unwrap().expect("every good save is acknowledged");
    }
    assert!(bad.await.unwrap().is_err(), "the bad save fails");
    for &carer in &carers {
        let draft = portal.store.draft(carer).await.unwrap();
        assert_eq!(draft.answers.len(), 25, "every answer of carer {carer} is there");
        assert_eq!(draft.answers.get("q7").map(String::as_str), Some(format!("answer 7 from {carer}").as_str()));
        assert_eq!(draft.seen_pages.len(), 25);
    }
}
