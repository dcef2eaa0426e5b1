//! Autosaves are committed together (group commit) but each is acknowledged only once it is on
//! disk, with its own result.

use crate::helpers::*;
use app::domain::account::Role;
use app::domain::assessment::questions::{pages, Kind};
use app::domain::assessment::{Answers, Page, PageAnswers};

/// The pages that ask for the carer's own words, each with its question for them.
fn own_words_pages() -> Vec<(Page, String)> {
    let pages = pages(&Answers::new()).into_iter();
    pages
        .filter_map(|page| {
            let question = page.questions.iter().find(|q| matches!(q.kind, Kind::Short | Kind::Long))?.id.clone();
            Some((page, question))
        })
        .collect()
}

/// The page's answers when `words` are written in its own-words question.
fn written(page: &Page, question: &str, words: &str) -> PageAnswers {
    page.read(&[(question.to_owned(), words.to_owned())]).expect("short words are a good answer")
}

#[tokio::test]
async fn concurrent_saves_are_all_kept_and_a_bad_one_fails_alone() {
    let portal = spawn().await;
    let mut carers = Vec::new();
    for n in 0..8 {
        carers.push(portal.add_account(&format!("carer{n}@example.org"), Role::Carer, PASSWORD).await);
    }
    let now = chrono::Utc::now();
    let pages = own_words_pages();
    assert!(pages.len() > 10, "enough pages to save many at once");
    let mut saves = tokio::task::JoinSet::new();
    for (round, (page, question)) in pages.iter().enumerate() {
        for &carer in &carers {
            let store = portal.store.clone();
            let answers = written(page, question, &format!("answer {round} from {carer}"));
            saves.spawn(async move { store.save_page(carer, &answers, now).await });
        }
    }
    // A carer who does not exist: refused by the database's foreign key, in the same batch.
    let store = portal.store.clone();
    let (page, question) = &pages[0];
    let answers = written(page, question, "x");
    let bad = tokio::spawn(async move { store.save_page(999_999, &answers, now).await });
    while let Some(result) = saves.join_next().await {
        result.unwrap().expect("every good save is acknowledged");
    }
    assert!(bad.await.unwrap().is_err(), "the bad save fails");
    let (_, seventh) = &pages[7];
    for &carer in &carers {
        let draft = portal.store.draft(carer).await.unwrap();
        assert_eq!(draft.answers.len(), pages.len(), "every answer of carer {carer} is there");
        assert_eq!(draft.answers.text(seventh), Some(format!("answer 7 from {carer}").as_str()));
        assert_eq!(draft.seen_pages.len(), pages.len());
    }
}
