//! Faults in the plain routes: the picture upload form (with or without the page's script)
//! and the downloads (pictures, the plan's PDF copy, the budget letter, the emergency card).
use app::domain::plan::SentContribution;
use reqwest::multipart::{Form, Part};
use server::testing::faults::{Fault, FaultSwitch};

use crate::helpers::faults::{browser, get, post_form, Answer};
use crate::helpers::uploads::phone_photo;
use crate::helpers::{spawn_faulty, TestPortal};

const SAM: &str = "carer@example.org";
const CAPTION: &str = "Sunday lunch";
const DESCRIPTION: &str = "My dad carving the roast at the kitchen table";

async fn upload(portal: &TestPortal, client: &reqwest::Client, script: bool) -> Answer {
    let form = Form::new()
        .text("upload_section", "important")
        .text("caption", CAPTION)
        .text("alt_text", DESCRIPTION)
        .part("file", Part::bytes(phone_photo()).file_name("IMG_0001.jpg").mime_str("image/jpeg").unwrap());
    let accept = if script { "application/json" } else { "text/html" };
    let response = client
        .post(portal.at("/plan/upload"))
        .header("Origin", &portal.url)
        .header("Referer", portal.at("/plan"))
        .header("Accept", accept)
        .multipart(form)
        .send()
        .await
        .unwrap();
    Answer::read(format!("upload (script: {script})"), response).await
}

async fn pictures(portal: &TestPortal) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM plan_contributions WHERE kind = 'picture'")
        .fetch_one(&portal.db)
        .await
        .unwrap()
}

/// Every file kept on disk, wherever it is.
fn files_on_disk(portal: &TestPortal) -> Vec<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, found)
            } else {
                found.push(path)
            }
        }
    }
    let mut found = Vec::new();
    walk(&portal.data.path().join("files"), &mut found);
    found
}

/// A failed upload under `fault`: the script hears of a fault, the form comes back with what
/// was typed, and nothing is half kept (no record, no file).
async fn upload_fails_cleanly(portal: &TestPortal, client: &reqwest::Client, switch: &FaultSwitch, fault: Fault) {
    switch.set(fault);
    let script = upload(portal, client, true).await;
    script.assert_plain_fault();
    assert!(script.body.starts_with(r#"{"kind":"internal""#), "{}", script.body);
    switch.set(fault);
    let form = upload(portal, client, false).await;
    assert_eq!(form.location().as_deref(), Some("/plan#upload"), "{}", form.body);
    switch.clear();
    let page = get(portal, client, "/plan").await;
    assert!(page.body.contains("Sorry, there is a problem with the service"), "{}", page.body);
    assert!(page.body.contains(CAPTION) && page.body.contains(DESCRIPTION), "what was typed was lost: {}", page.body);
    assert_eq!(pictures(portal).await, 0, "a picture was recorded");
    assert_eq!(files_on_disk(portal), Vec::<std::path::PathBuf>::new(), "a file was left behind");
}

#[tokio::test]
async fn a_picture_that_cannot_be_stored_adds_nothing_and_keeps_what_was_typed() {
    let (portal, switches) = spawn_faulty().await;
    let sam = browser(&portal, SAM).await;
    upload_fails_cleanly(&portal, &sam, &switches.files, Fault::writes()).await;
    // The thumbnail is stored, the picture itself is not (and the thumbnail is removed; were the
    // removal to fail too, the file would stay, unused, and the log would say so).
    upload_fails_cleanly(&portal, &sam, &switches.files, Fault::writes().after(1).times(1)).await;
    let added = upload(&portal, &sam, false).await;
    assert_eq!(added.location().as_deref(), Some("/plan?added=1#important"));
    assert_eq!(pictures(&portal).await, 1);
}

#[tokio::test]
async fn a_picture_whose_record_cannot_be_written_leaves_no_file_behind() {
    let (portal, switches) = spawn_faulty().await;
    let sam = browser(&portal, SAM).await;
    upload_fails_cleanly(&portal, &sam, &switches.store, Fault::writes()).await;
    upload_fails_cleanly(&portal, &sam, &switches.store, Fault::reads_and_writes()).await;
    let added = upload(&portal, &sam, false).await;
    assert_eq!(added.location().as_deref(), Some("/plan?added=1#important"));
    assert_eq!((pictures(&portal).await, files_on_disk(&portal).len()), (1, 2), "the picture and its thumbnail");
}

#[tokio::test]
async fn downloads_that_cannot_be_read_answer_plainly() {
    let (portal, switches) = spawn_faulty().await;
    let sam = browser(&portal, SAM).await;
    upload(&portal, &sam, false).await;
    let sam_id = portal.user_id(SAM).await;
    let picture = portal.store.contributions(sam_id).await.unwrap().into_iter().find(|c| c.file_key.is_some()).unwrap();
    let sent =
        portal.store.send_plan(sam_id, &[SentContribution::from(picture.clone())], chrono::Utc::now()).await.unwrap();
    let jo = browser(&portal, "jo@example.org").await;
    let downloads = [
        (&sam, format!("/plan/files/{}/full", picture.id)),
        (&sam, format!("/plan/files/{}/thumb", picture.id)),
        (&sam, format!("/plan/versions/{sent}/copy.pdf")),
        (&jo, "/budget/letter.pdf".to_owned()),
    ];
    for (client, path) in &downloads {
        assert_eq!(get(&portal, client, path).await.status, 200, "{path} without a fault");
    }
    switches.files.set(Fault::reads_and_writes());
    for (client, path) in &downloads[..3] {
        get(&portal, client, path).await.assert_plain_fault();
    }
    switches.files.clear();
    switches.store.set(Fault::reads_and_writes());
    for (client, path) in &downloads {
        get(&portal, client, path).await.assert_plain_fault();
    }
    // A person's reads of their own records are not audited, so failing writes stop none.
    switches.store.set(Fault::writes());
    for (client, path) in &downloads {
        assert_eq!(get(&portal, client, path).await.status, 200, "{path} with writes failing");
    }
    switches.store.clear();
    // The emergency card: Sam has no plan yet, so "not found"; with the store down, a fault.
    switches.store.set(Fault::reads_and_writes());
    get(&portal, &sam, "/emergency/card.pdf").await.assert_plain_fault();
    switches.store.clear();
}

#[tokio::test]
async fn copies_of_records_that_cannot_be_read_answer_plainly() {
    let (portal, switches) = spawn_faulty().await;
    let sam = browser(&portal, SAM).await;
    upload(&portal, &sam, false).await;
    let jo = portal.user_id("jo@example.org").await;
    let jo_plan: i64 = sqlx::query_scalar("SELECT MAX(id) FROM plan_versions WHERE person_id = $1")
        .bind(jo)
        .fetch_one(&portal.db)
        .await
        .unwrap();
    let jo_assessment: i64 = sqlx::query_scalar("SELECT MAX(id) FROM assessment_versions WHERE carer_id = $1")
        .bind(jo)
        .fetch_one(&portal.db)
        .await
        .unwrap();
    let practitioner = browser(&portal, "practitioner@example.org").await;
    let admin = browser(&portal, "admin@example.org").await;
    let sam_id = portal.user_id(SAM).await;
    let copies = [
        (&sam, "/account/my-data".to_owned()),
        (&admin, format!("/people/{sam_id}/data.zip")),
        (&practitioner, format!("/staff/plans/{jo_plan}/fhir")),
        (&practitioner, format!("/staff/assessments/{jo_assessment}/fhir")),
    ];
    // A staff member's copy of someone's data is asked for with a form (it is audited).
    let copy = |client: &reqwest::Client, path: &str| {
        let (client, path) = (client.clone(), path.to_owned());
        let portal = &portal;
        async move {
            match path.ends_with("data.zip") {
                true => post_form(portal, &client, &path, &format!("/people/{sam_id}/data"), &[]).await,
                false => get(portal, &client, &path).await,
            }
        }
    };
    for (client, path) in &copies {
        assert_eq!(copy(client, path).await.status, 200, "{path} without a fault");
    }
    // Sam's copy holds Sam's picture: with the file store down it cannot be made whole.
    switches.files.set(Fault::reads_and_writes());
    for (client, path) in &copies[..2] {
        copy(client, path).await.assert_plain_fault();
    }
    switches.files.clear();
    // Every copy is audited: with writes failing, or nothing readable, none is given out.
    for fault in [Fault::writes(), Fault::reads_and_writes()] {
        switches.store.set(fault);
        for (client, path) in &copies {
            copy(client, path).await.assert_plain_fault();
        }
        switches.store.clear();
    }
}
