//! Pictures and clips added to a plan through the plain upload form, against a real SQLite
//! file and real files on disk: what is stored has no metadata, refusals keep what was typed,
//! and nobody outside the household can fetch a file.

use crate::helpers::uploads::{phone_photo, upload};
use crate::helpers::{location, spawn};
use app::domain::account::Role;
use reqwest::multipart::{Form, Part};

#[tokio::test]
async fn a_photo_is_stored_without_its_gps_and_shown_to_its_owner() {
    let portal = spawn().await;
    portal.signed_in_as("sam@example.org", Role::Carer).await;
    let photo = phone_photo();
    assert!(photo.windows(4).any(|w| w == b"Exif"));
    let fields = [("upload_section", "important"), ("alt_text", "My note about Sunday lunch"), ("caption", "Sundays")];
    let response = upload(&portal, &fields, Some(("IMG_0001.jpg", photo))).await;
    assert_eq!(location(&response), "/plan?added=1#important");

    let (id, key): (i64, String) = sqlx::query_as("SELECT id, file_key FROM plan_contributions WHERE kind = 'picture'")
        .fetch_one(&portal.db)
        .await
        .unwrap();
    let on_disk = std::fs::read(portal.data.path().join("files").join(&key)).unwrap();
    assert!(!on_disk.windows(4).any(|w| w == b"Exif"), "EXIF/GPS stored");
    let page = portal.page("/plan").await;
    assert!(page.contains(r#"alt="My note about Sunday lunch""#), "{page}");

    let served = portal.client.get(portal.at(&format!("/plan/files/{id}/full"))).send().await.unwrap();
    assert_eq!(served.status(), 200);
    assert_eq!(served.headers()["content-type"], "image/jpeg");
    assert_eq!(served.headers()["x-content-type-options"], "nosniff");
    assert_eq!(served.headers()["cache-control"], "private, no-store", "never kept on a shared computer");
    assert!(served.headers()["content-disposition"].to_str().unwrap().starts_with("inline; filename="));
    let thumb = portal.client.get(portal.at(&format!("/plan/files/{id}/thumb"))).send().await.unwrap();
    assert_eq!(thumb.status(), 200);

    // Someone in another household gets "not found".
    portal.sign_out().await;
    portal.signed_in_as("jo@example.org", Role::Carer).await;
    let response = portal.client.get(portal.at(&format!("/plan/files/{id}/full"))).send().await.unwrap();
    assert_eq!(response.status(), 404);
}

#[tokio::test]
async fn a_web_page_named_like_a_photo_is_refused_and_the_rest_is_kept() {
    let portal = spawn().await;
    portal.signed_in_as("sam@example.org", Role::Carer).await;
    let page = b"<!doctype html><script>alert(1)</script>".to_vec();
    let fields = [("upload_section", "important"), ("alt_text", "Not really a photo"), ("caption", "Kept caption")];
    let response = upload(&portal, &fields, Some(("photo.jpg", page))).await;
    assert_eq!(location(&response), "/plan#upload");
    let page = portal.page("/plan").await;
    assert!(page.contains("The file must be a photo (JPEG, PNG or WebP), a voice note or a video"), "{page}");
    assert!(page.contains(r#"value="Kept caption""#), "{page}");
    let stored: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM plan_contributions").fetch_one(&portal.db).await.unwrap();
    assert_eq!(stored, 0);
}

#[tokio::test]
async fn a_picture_needs_a_description_and_a_section() {
    let portal = spawn().await;
    portal.signed_in_as("sam@example.org", Role::Carer).await;
    upload(&portal, &[], Some(("IMG_0002.jpg", phone_photo()))).await;
    let page = portal.page("/plan").await;
    assert!(page.contains("Describe what is in the picture"), "{page}");
    assert!(page.contains("Choose which part of your plan this is for"), "{page}");
    upload(&portal, &[("upload_section", "important")], Some(("empty.jpg", Vec::new()))).await;
    assert!(portal.page("/plan").await.contains("The file you chose is empty"));
}

#[tokio::test]
async fn an_oversized_upload_is_refused_with_a_message() {
    let portal = spawn().await;
    portal.signed_in_as("sam@example.org", Role::Carer).await;
    let mut big = phone_photo();
    big.resize(51 * 1024 * 1024, 0);
    let response =
        upload(&portal, &[("upload_section", "important"), ("alt_text", "Big")], Some(("big.jpg", big))).await;
    assert_eq!(location(&response), "/plan#upload");
    assert!(portal.page("/plan").await.contains("The file must be smaller than 50 MB"));
}

#[tokio::test]
async fn a_cross_site_upload_is_refused() {
    let portal = spawn().await;
    portal.signed_in_as("sam@example.org", Role::Carer).await;
    let form = Form::new().text("upload_section", "important").part("file", Part::bytes(phone_photo()));
    let response = portal
        .client
        .post(portal.at("/plan/upload"))
        .header("Origin", "https://evil.example")
        .header("Sec-Fetch-Site", "cross-site")
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
}

#[tokio::test]
async fn a_pictures_caption_and_description_can_be_changed_but_the_description_not_emptied() {
    let portal = spawn().await;
    portal.signed_in_as("sam@example.org", Role::Carer).await;
    let fields = [("upload_section", "important"), ("alt_text", "A note"), ("caption", "")];
    upload(&portal, &fields, Some(("IMG_0003.jpg", phone_photo()))).await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM plan_contributions").fetch_one(&portal.db).await.unwrap();
    let change_page = format!("/plan/items/{id}");

    let emptied = [("id", id.to_string()), ("alt_text", " ".to_owned()), ("caption", "Sunday lunch".to_owned())];
    let emptied: Vec<(&str, &str)> = emptied.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(location(&portal.post_form("/api/plan/change", &change_page, &emptied).await), change_page);
    let page = portal.page(&change_page).await;
    assert!(page.contains("Describe what is in the picture") && page.contains("Sunday lunch"), "{page}");

    let changed = [
        ("id", id.to_string()),
        ("alt_text", "My note about Sunday lunch".to_owned()),
        ("caption", "Sundays".to_owned()),
    ];
    let changed: Vec<(&str, &str)> = changed.iter().map(|(k, v)| (*k, v.as_str())).collect();
    portal.post_form("/api/plan/change", &change_page, &changed).await;
    let (caption, alt_text, changed_at): (String, String, Option<String>) =
        sqlx::query_as("SELECT caption, alt_text, CAST(changed_at AS TEXT) FROM plan_contributions")
            .fetch_one(&portal.db)
            .await
            .unwrap();
    assert_eq!((caption.as_str(), alt_text.as_str()), ("Sundays", "My note about Sunday lunch"));
    assert!(changed_at.is_some());
}

#[tokio::test]
async fn the_pages_script_gets_field_messages_or_where_to_go_instead_of_redirects() {
    let portal = spawn().await;
    portal.signed_in_as("sam@example.org", Role::Carer).await;
    let send = |fields: Vec<(&'static str, &'static str)>, file: Vec<u8>| {
        let mut form = Form::new();
        for (name, value) in fields {
            form = form.text(name, value);
        }
        let form = form.part("file", Part::bytes(file).file_name("IMG_0004.jpg"));
        portal
            .client
            .post(portal.at("/plan/upload"))
            .header("Origin", &portal.url)
            .header("Accept", "application/json")
            .multipart(form)
            .send()
    };
    let refused = send(vec![("upload_section", "important")], b"<svg onload=alert(1)>".to_vec()).await.unwrap();
    assert_eq!(refused.status(), 422);
    let body: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(body["kind"], "validation");
    assert_eq!(body["fields"]["file"], "The file must be a photo (JPEG, PNG or WebP), a voice note or a video");

    let added = send(vec![("upload_section", "important"), ("alt_text", "A note")], phone_photo()).await.unwrap();
    assert_eq!(added.status(), 200);
    assert_eq!(added.headers()["location"], "/plan?added=1#important");
}

#[tokio::test]
async fn one_person_may_add_only_so_many_files_an_hour_and_what_they_typed_is_kept() {
    let portal = spawn().await;
    portal.signed_in_as("sam@example.org", Role::Carer).await;
    let fields = [("upload_section", "important"), ("alt_text", "A grey cat"), ("caption", "One too many")];
    for n in 0..server::files::pipeline::UPLOADS_PER_HOUR {
        let response = upload(&portal, &fields, Some(("cat.jpg", phone_photo()))).await;
        assert_eq!(location(&response), "/plan?added=1#important", "upload {n}");
    }
    let response = upload(&portal, &fields, Some(("cat.jpg", phone_photo()))).await;
    assert_eq!(location(&response), "/plan#upload");
    let page = portal.page("/plan").await;
    assert!(page.contains("You have added 30 files in the last hour"), "{page}");
    assert!(page.contains(r#"value="One too many""#), "{page}");
    let stored: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM plan_contributions").fetch_one(&portal.db).await.unwrap();
    assert_eq!(stored, i64::from(server::files::pipeline::UPLOADS_PER_HOUR));
    // Someone else is not held back by Sam's uploads.
    portal.sign_out().await;
    portal.signed_in_as("jo@example.org", Role::Carer).await;
    let response = upload(&portal, &fields, Some(("cat.jpg", phone_photo()))).await;
    assert_eq!(location(&response), "/plan?added=1#important");
}

#[tokio::test]
async fn a_voice_note_is_kept_as_recorded_so_it_is_served_only_as_a_download_and_the_form_says_why() {
    let portal = spawn().await;
    portal.signed_in_as("sam@example.org", Role::Carer).await;
    assert!(portal.page("/plan").await.contains("some phones put where they were recorded inside them"));
    let mut note = b"ID3\x04\0\0\0\0\0\0".to_vec();
    note.extend_from_slice(&[0u8; 2048]);
    let fields = [("upload_section", "important"), ("caption", "What I do on Sundays")];
    assert_eq!(location(&upload(&portal, &fields, Some(("note.mp3", note))).await), "/plan?added=1#important");
    let id: i64 = sqlx::query_scalar("SELECT id FROM plan_contributions WHERE kind = 'clip'")
        .fetch_one(&portal.db)
        .await
        .unwrap();
    let served = portal.client.get(portal.at(&format!("/plan/files/{id}/full"))).send().await.unwrap();
    assert_eq!(served.status(), 200);
    assert_eq!(served.headers()["content-type"], "audio/mpeg");
    assert_eq!(served.headers()["content-disposition"], format!("attachment; filename=\"plan-{id}.clip\""));
}
