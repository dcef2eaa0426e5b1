//! Data rights against a real SQLite file and real files on disk: a carer downloads everything
//! held about them, nobody else can, staff export, an admin erases under the retention rules
//! (and nobody else may), and every table of the schema is classified.

use std::collections::BTreeMap;
use std::io::Read;

use crate::helpers::{location, spawn, TestPortal, PASSWORD};
use app::domain::account::Role;
use server::store::data_rights::tables::{Erasure, Rule, TABLES};

const SAM: &str = "sam@example.org";

/// Sam, a carer in Lee's caseload, with something in every part of the portal: an assessment
/// sent, a plan with words and a picture signed off (reviews planned), a review asked for, an
/// emergency plan with how to get in and a responder's look-up, a link to Pat and a message
/// from the contact page. Returns Sam's id, Lee's id and the card code.
async fn sam_with_records(portal: &TestPortal) -> (i64, i64) {
    let sam = portal.add_account(SAM, Role::Carer, PASSWORD).await;
    let pat = portal.add_account("pat@example.org", Role::Customer, PASSWORD).await;
    let lee = portal.add_account("lee@council.example", Role::Practitioner, PASSWORD).await;
    portal.allocate(lee, sam).await;
    portal.store.link_carer(sam, pat, chrono::Utc::now()).await.unwrap();

    portal.sign_in(SAM, PASSWORD).await;
    let saved = [("page", "age-band"), ("intent", "continue"), ("age_band", "25_64")];
    portal.post_form("/api/assessment/save", "/assessment/questions/age-band", &saved).await;
    portal.post_form("/api/assessment/send", "/assessment/check", &[]).await;
    portal.post_form("/api/plan/add", "/plan", &[("section", "important"), ("text", "My garden and my cat")]).await;
    let fields =
        [("upload_section", "important"), ("caption", "Our cat"), ("alt_text", "A grey cat asleep on a chair")];
    let uploaded =
        crate::helpers::uploads::upload(portal, &fields, Some(("cat.jpg", crate::helpers::uploads::phone_photo())))
            .await;
    assert_eq!(uploaded.status(), 303);
    portal.post_form("/api/plan/send", "/plan", &[]).await;
    let emergency = crate::helpers::emergency::CONFIRMED_PLAN;
    assert_eq!(
        location(&portal.post_form("/api/emergency/save", "/emergency/edit", &emergency).await),
        "/emergency?confirmed=1"
    );
    let card = portal.page("/emergency/card").await;
    let code = crate::helpers::emergency::card_code(&card);
    portal
        .post_form("/api/contact", "/contact", &[("name", "Sam"), ("email", SAM), ("message", "Please call me")])
        .await;
    portal.sign_out().await;

    let plan: i64 = sqlx::query_scalar("SELECT MAX(id) FROM plan_versions").fetch_one(&portal.db).await.unwrap();
    crate::helpers::plans::sign_off_as(portal, "lee@council.example", plan).await;

    portal.sign_in(SAM, PASSWORD).await;
    portal.ask_for_review("needs_changed", "My back is worse").await;
    portal.sign_out().await;

    portal.signed_in_as("rory@council.example", Role::Responder).await;
    portal.post_form("/api/emergency/look-up", "/responder", &[("code", &code), ("reason", "carer_unwell")]).await;
    portal.sign_out().await;
    (sam, lee)
}

/// The ZIP's files by name.
fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP file");
    let mut files = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        files.insert(file.name().to_owned(), content);
    }
    files
}

fn rows(files: &BTreeMap<String, Vec<u8>>, table: &str) -> Vec<serde_json::Value> {
    serde_json::from_slice(files.get(&format!("{table}.json")).unwrap_or_else(|| panic!("{table}.json"))).unwrap()
}

async fn download(portal: &TestPortal, path: &str) -> reqwest::Response {
    portal.client.get(portal.at(path)).send().await.unwrap()
}

/// A staff member's copy of a person's data, asked for with the form on their data page.
async fn staff_download(portal: &TestPortal, person: i64) -> reqwest::Response {
    let path = format!("/people/{person}/data.zip");
    portal.form_post(&portal.client, &path, &format!("/people/{person}/data")).send().await.unwrap()
}

/// How many rows of each personal table are about the person.
async fn counts(portal: &TestPortal, id: i64, email: &str) -> BTreeMap<&'static str, i64> {
    let mut counts = BTreeMap::new();
    for table in TABLES {
        if let Rule::Personal { rows, .. } = &table.rule {
            counts.insert(table.name, portal.count_rows(table.name, rows, id, email).await.unwrap());
        }
    }
    counts
}

#[tokio::test]
async fn every_table_of_the_schema_is_classified_for_export_and_erasure() {
    let portal = spawn().await;
    let schema = portal.table_names().await.unwrap();
    let missing: Vec<_> = schema.iter().filter(|name| !TABLES.iter().any(|t| t.name == name.as_str())).collect();
    assert!(missing.is_empty(), "tables not classified in server/src/store/data_rights/tables.rs: {missing:?}");
    let stale: Vec<_> = TABLES.iter().map(|t| t.name).filter(|name| !schema.iter().any(|s| s == name)).collect();
    assert!(stale.is_empty(), "classified tables the schema does not have: {stale:?}");
}

#[tokio::test]
async fn a_carer_downloads_everything_held_about_them_with_their_picture() {
    let portal = spawn().await;
    let (sam, _) = sam_with_records(&portal).await;
    portal.sign_in(SAM, PASSWORD).await;
    assert!(portal.page("/home").await.contains("href=\"/account/my-data\""), "the account page links to the download");

    let response = download(&portal, "/account/my-data").await;
    assert_eq!(response.status(), 200);
    let header = |name: &str| response.headers().get(name).unwrap().to_str().unwrap().to_owned();
    assert_eq!(header("content-type"), "application/zip");
    assert!(header("content-disposition").starts_with("attachment; filename=\"carer-portal-data-"));
    assert!(header("cache-control").contains("no-store"));
    // Written while it is sent (no length known ahead), never whole in the server's memory.
    assert!(response.headers().get("content-length").is_none(), "streamed");
    let files = unzip(&response.bytes().await.unwrap());
    // Compressed as browsers ask, it is still sent to the end (the compression layer reads the
    // stream once more after it ends).
    let compressed = portal.client.get(portal.at("/account/my-data")).header("Accept-Encoding", "gzip").send();
    let compressed = compressed.await.unwrap();
    assert_eq!(compressed.headers()["content-encoding"], "gzip");
    let gzip = compressed.bytes().await.expect("the whole download");
    assert!(gzip.starts_with(&[0x1f, 0x8b]) && gzip.len() > 100, "{} bytes", gzip.len());

    assert!(String::from_utf8_lossy(&files["README.txt"]).contains("right of access"));
    let users = rows(&files, "users");
    assert_eq!(users.len(), 1);
    assert_eq!(users[0]["email"], SAM);
    assert!(users[0].get("password_hash").is_none(), "never the password hash");
    assert!(rows(&files, "sessions").iter().all(|s| s.get("digest").is_none()), "never a session digest");
    assert_eq!(rows(&files, "assessment_versions")[0]["answers"]["age_band"], "25_64", "answers nested as JSON");
    assert_eq!(rows(&files, "plan_versions")[0]["record"]["fields"]["needs"], "Help at home");
    assert_eq!(rows(&files, "emergency_home_access")[0]["instructions"], "Key safe 4321 by the back door");
    // Sam's own sign-ins keep their address; the practitioner's and the responder's do not.
    let events = rows(&files, "audit_events");
    assert!(events.iter().any(|e| e["actor_id"] == sam && e.get("client_ip").is_some()), "{events:?}");
    assert!(events.iter().filter(|e| e["actor_id"] != sam).all(|e| e.get("client_ip").is_none()), "{events:?}");
    assert!(events.iter().any(|e| e["actor_id"] != sam), "others' events about Sam are there");
    assert_eq!(rows(&files, "emergency_lookups").len(), 1);
    assert_eq!(rows(&files, "contact_messages")[0]["body"], "Please call me");
    assert!(rows(&files, "emergency_cards").iter().all(|c| c.get("code").is_none()));

    // Every row about Sam is in the copy (the download itself is audited after it is counted).
    let held = counts(&portal, sam, SAM).await;
    for (table, count) in &held {
        let in_zip = rows(&files, table).len() as i64;
        assert!(in_zip == *count || (*table == "audit_events" && in_zip + 1 == *count), "{table}: {in_zip} of {count}");
    }
    assert!(held["plan_contributions"] == 2 && held["reviews"] == 3 && held["care_links"] == 1, "{held:?}");

    // The picture and its thumbnail, exactly as stored.
    let key: String = sqlx::query_scalar("SELECT file_key FROM plan_contributions WHERE kind = 'picture'")
        .fetch_one(&portal.db)
        .await
        .unwrap();
    let on_disk = std::fs::read(portal.data.path().join("files").join(&key)).unwrap();
    assert_eq!(files[&server::routes::data_rights::export::zip_name(&key)], on_disk);
    assert!(image::load_from_memory(&on_disk).is_ok());
    assert!(files.contains_key(&server::routes::data_rights::export::zip_name(&key.replace(".jpg", "-thumb.jpg"))));
    assert!(portal.audit_actions().await.contains(&"downloaded own data".to_owned()));
}

#[tokio::test]
async fn nobody_else_gets_a_persons_data() {
    let portal = spawn().await;
    let (sam, _) = sam_with_records(&portal).await;
    let path = format!("/people/{sam}/data.zip");

    // Signed out: asked to sign in, given nothing.
    assert_eq!(location(&download(&portal, "/account/my-data").await), "/sign-in?next=/account/my-data");
    assert_eq!(staff_download(&portal, sam).await.status(), 404);

    // Pat, linked to Sam, and a practitioner without Sam in their caseload.
    portal.sign_in("pat@example.org", PASSWORD).await;
    assert_eq!(staff_download(&portal, sam).await.status(), 404);
    assert_eq!(portal.client.get(portal.at(&format!("/people/{sam}/data"))).send().await.unwrap().status(), 404);
    portal.signed_in_as("kim@council.example", Role::Practitioner).await;
    assert_eq!(staff_download(&portal, sam).await.status(), 404);
    // A link, a prefetch or another site cannot ask for it: only the portal's own form.
    portal.sign_in("lee@council.example", PASSWORD).await;
    assert_eq!(download(&portal, &path).await.status(), 405);
    let cross_site =
        portal.client.post(portal.at(&path)).header("Origin", "https://evil.example").send().await.unwrap();
    assert_eq!(cross_site.status(), 403);
    // Pat's own copy holds nothing of Sam's plan.
    portal.sign_in("pat@example.org", PASSWORD).await;
    let pats = unzip(&download(&portal, "/account/my-data").await.bytes().await.unwrap());
    assert!(rows(&pats, "plan_contributions").is_empty() && rows(&pats, "emergency_home_access").is_empty());
    assert!(!pats.keys().any(|name| name.starts_with("files/")));
    assert!(portal.audit_actions().await.iter().filter(|a| *a == "permission refused").count() >= 3);
}

#[tokio::test]
async fn a_practitioner_exports_their_caseloads_data_but_cannot_erase_it() {
    let portal = spawn().await;
    let (sam, _) = sam_with_records(&portal).await;
    portal.sign_in("lee@council.example", PASSWORD).await;
    assert!(portal.page(&format!("/people/{sam}")).await.contains(&format!("href=\"/people/{sam}/data\"")));
    let page = portal.page(&format!("/people/{sam}/data")).await;
    assert!(page.contains(&format!("action=\"/people/{sam}/data.zip\"")) && !page.contains("confirm_name"), "{page}");
    let response = staff_download(&portal, sam).await;
    assert_eq!(response.status(), 200);
    let files = unzip(&response.bytes().await.unwrap());
    assert_eq!(rows(&files, "users")[0]["id"], sam);
    // How to get into Sam's home is for a responder's audited look-up, and nobody's address
    // from the audit log is in a staff copy.
    let home = rows(&files, "emergency_home_access");
    assert!(home.len() == 1 && home[0].get("instructions").is_none(), "{home:?}");
    assert!(rows(&files, "audit_events").iter().all(|e| e.get("client_ip").is_none()));

    let erase = [("person_id", sam.to_string()), ("confirm_name", "Someone".into()), ("reason", "Asked".into())];
    let erase: Vec<(&str, &str)> = erase.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(portal.post_json("/api/people/data/erase", &erase).await.status(), 404);
    assert!(portal.audit_actions().await.contains(&"exported personal data".to_owned()));
    assert_eq!(counts(&portal, sam, SAM).await["emergency_plans"], 1, "nothing erased");
}

#[tokio::test]
async fn an_admin_erases_a_person_under_the_retention_rules() {
    let portal = spawn().await;
    let (sam, _) = sam_with_records(&portal).await;
    let folder = portal.data.path().join("files").join(format!("plan/{sam}"));
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 2, "a picture and its thumbnail");
    // Sam is signed in elsewhere.
    let sams_phone = portal.another_browser();
    let signed_in = sams_phone
        .post(portal.at("/api/account/sign-in"))
        .header("Origin", &portal.url)
        .form(&[("email", SAM), ("password", PASSWORD), ("next", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), 303);
    let before = counts(&portal, sam, SAM).await;
    let without_audit = |mut counts: BTreeMap<&'static str, i64>| {
        counts.remove("audit_events");
        counts
    };

    portal.signed_in_as("ada@council.example", Role::Admin).await;
    assert!(portal.page("/staff/data-requests?email=sam%40example.org").await.contains(&format!("/people/{sam}/data")));
    let page_path = format!("/people/{sam}/data");
    assert!(portal.page(&page_path).await.contains("confirm_name"));
    let sam_text = sam.to_string();

    // The wrong name is refused next to the field, and nothing is erased.
    let wrong = [("person_id", sam_text.as_str()), ("confirm_name", "Pat"), ("reason", "Request DR-1")];
    assert_eq!(location(&portal.post_form("/api/people/data/erase", &page_path, &wrong).await), page_path);
    assert!(portal.page(&page_path).await.contains("The name does not match"));
    assert_eq!(without_audit(counts(&portal, sam, SAM).await), without_audit(before.clone()));

    let confirmed = [("person_id", sam_text.as_str()), ("confirm_name", "someone"), ("reason", "Request DR-1")];
    let response = portal.post_form("/api/people/data/erase", &page_path, &confirmed).await;
    assert_eq!(location(&response), format!("{page_path}?erased=1"));
    assert!(portal.page(&format!("{page_path}?erased=1")).await.contains("has been erased"));

    // Every table as the rules say.
    for table in TABLES {
        let Rule::Personal { rows, erasure, .. } = &table.rule else { continue };
        let left = |condition| portal.count_rows(table.name, condition, sam, SAM);
        match erasure {
            Erasure::Delete => assert_eq!(left(rows).await.unwrap(), 0, "{} should be deleted", table.name),
            Erasure::Anonymise { gone, .. } | Erasure::Partly { gone, .. } => {
                assert_eq!(left(gone).await.unwrap(), 0, "{} should be erased", table.name)
            }
            Erasure::Keep(_) if table.name == "audit_events" => assert!(left(rows).await.unwrap() > before[table.name]),
            Erasure::Keep(_) => assert_eq!(left(rows).await.unwrap(), before[table.name], "{} is kept", table.name),
        }
    }
    let kept = counts(&portal, sam, SAM).await;
    assert!(kept["assessment_versions"] == 1 && kept["plan_versions"] == 1 && kept["reviews"] == 0, "{kept:?}");
    assert!(!folder.exists() || std::fs::read_dir(&folder).unwrap().count() == 0, "files gone from disk");
    let audit = portal.audit_actions().await;
    assert!(audit.contains(&"erased personal data".to_owned()) && audit.contains(&"erased personal files".to_owned()));

    // Sam can no longer sign in, and the session on their phone has ended.
    portal.sign_out().await;
    assert_eq!(location(&portal.sign_in(SAM, PASSWORD).await), "/sign-in");
    let home = sams_phone.get(portal.at("/home")).send().await.unwrap();
    assert!(location(&home).starts_with("/sign-in"), "the old session is over");
}

#[tokio::test]
async fn an_admin_cannot_erase_their_own_account_and_cross_site_erasure_is_refused() {
    let portal = spawn().await;
    let (sam, _) = sam_with_records(&portal).await;
    let ada = portal.signed_in_as("ada@council.example", Role::Admin).await;
    let ada_text = ada.to_string();
    let own = [("person_id", ada_text.as_str()), ("confirm_name", "Someone"), ("reason", "Leaving")];
    assert_eq!(portal.post_json("/api/people/data/erase", &own).await.status(), 404);

    let sam_text = sam.to_string();
    let fields = [("person_id", sam_text.as_str()), ("confirm_name", "Someone"), ("reason", "Request DR-2")];
    let forged = portal
        .client
        .post(portal.at("/api/people/data/erase"))
        .header("Origin", "https://evil.example")
        .header("Sec-Fetch-Site", "cross-site")
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);
    assert_eq!(portal.count_rows("emergency_plans", "carer_id = $1", sam, SAM).await.unwrap(), 1);
}
