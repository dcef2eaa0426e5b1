//! `server backup` while the portal runs and takes saves, then `server restore` into a new
//! data folder: the restored portal serves the same person, their plan and their picture.

use crate::helpers::uploads::{phone_photo, upload};
use crate::helpers::{location, spawn, spawn_configured, PASSWORD};
use app::domain::account::Role;
use server::config::Settings;

#[tokio::test]
async fn a_backup_taken_while_the_portal_runs_restores_everything_into_a_new_portal() {
    let portal = spawn().await;
    portal.signed_in_as("sam@example.org", Role::Carer).await;
    let fields = [("upload_section", "important"), ("alt_text", "Sunday lunch with my sister"), ("caption", "Sundays")];
    let response = upload(&portal, &fields, Some(("IMG_0001.jpg", phone_photo()))).await;
    assert_eq!(location(&response), "/plan?added=1#important");
    let (id, key): (i64, String) = sqlx::query_as("SELECT id, file_key FROM plan_contributions WHERE kind = 'picture'")
        .fetch_one(&portal.db)
        .await
        .unwrap();
    let picture = std::fs::read(portal.data.path().join("files").join(&key)).unwrap();

    // Saves keep arriving while the backup is taken; the backup is consistent all the same.
    let settings = portal.settings();
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("backup");
    let saving = async {
        for n in 0..20 {
            let text = format!("Mum's routine, draft {n}");
            let fields = [("page", "working"), ("intent", "stay"), ("working", text.as_str())];
            let response = portal.post_json("/api/assessment/save", &fields).await;
            assert_eq!(response.status(), 200, "{:?}", response.text().await);
        }
    };
    let (manifest, ()) = tokio::join!(server::backup::backup(&settings, &target), saving);
    let manifest = manifest.expect("the backup is taken");
    assert!(manifest.files.iter().any(|f| f.key == key), "{manifest:?}");
    assert!(target.join("manifest.json").exists());

    // A backup never overwrites anything.
    let again = server::backup::backup(&settings, &target).await.unwrap_err();
    assert!(again.to_string().contains("not empty"), "{again}");

    // Restore into a new, empty data folder, then serve from it.
    let elsewhere = tempfile::tempdir().unwrap();
    let mut restore_to = Settings::for_tests(elsewhere.path().to_path_buf());
    let new_database = crate::helpers::database::TestDatabase::create(elsewhere.path()).await;
    restore_to.database_url = new_database.postgres.then_some(new_database.url);
    server::backup::restore(&restore_to, &target, false).await.expect("the backup restores");
    let restored = spawn_configured(
        move |settings| {
            settings.data_dir = restore_to.data_dir;
            settings.database_url = restore_to.database_url;
        },
        |routes| routes,
    )
    .await;
    // (Not `sign_in`: the test's own handle on the database is not the restored one.)
    let fields = [("email", "sam@example.org"), ("password", PASSWORD), ("next", "")];
    restored.post_form("/api/account/sign-in", "/sign-in", &fields).await;
    let page = restored.page("/plan").await;
    assert!(page.contains(r#"alt="Sunday lunch with my sister""#), "{page}");
    let served = restored.client.get(restored.at(&format!("/plan/files/{id}/full"))).send().await.unwrap();
    assert_eq!(served.status(), 200);
    assert_eq!(served.bytes().await.unwrap().to_vec(), picture);
}

#[tokio::test]
async fn a_restore_checks_the_whole_backup_and_never_replaces_a_database_unasked() {
    let portal = spawn().await;
    portal.signed_in_as("sam@example.org", Role::Carer).await;
    upload(
        &portal,
        &[("upload_section", "important"), ("alt_text", "A note"), ("caption", "")],
        Some(("a.jpg", phone_photo())),
    )
    .await;
    let settings = portal.settings();
    let folder = tempfile::tempdir().unwrap();
    let backup = folder.path().join("backup");
    let manifest = server::backup::backup(&settings, &backup).await.unwrap();

    // The portal's own database is there: restoring over it needs --replace.
    let refused = server::backup::restore(&settings, &backup, false).await.unwrap_err();
    assert!(refused.to_string().contains("--replace"), "{refused}");

    // A damaged file in the backup stops the restore before anything changes.
    let elsewhere = tempfile::tempdir().unwrap();
    let mut fresh = Settings::for_tests(elsewhere.path().to_path_buf());
    let new_database = crate::helpers::database::TestDatabase::create(elsewhere.path()).await;
    fresh.database_url = new_database.postgres.then(|| new_database.url.clone());
    let first = &manifest.files[0].key;
    std::fs::write(backup.join("files").join(first), b"not the picture").unwrap();
    let damaged = server::backup::restore(&fresh, &backup, false).await.unwrap_err();
    assert!(damaged.to_string().contains("checksum"), "{damaged}");
    if new_database.postgres {
        let tables: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")
                .fetch_one(&new_database.open().await)
                .await
                .unwrap();
        assert_eq!(tables, 0, "nothing is restored from a damaged backup");
    } else {
        assert!(!elsewhere.path().join("portal.db").exists(), "nothing is restored from a damaged backup");
    }

    // A manifest naming a file outside the backup's folder is refused.
    let manifest_path = backup.join("manifest.json");
    let original = std::fs::read_to_string(&manifest_path).unwrap();
    std::fs::write(&manifest_path, original.replacen(first.as_str(), "../../outside.jpg", 1)).unwrap();
    let outside = server::backup::restore(&fresh, &backup, false).await.unwrap_err();
    assert!(outside.to_string().contains("outside its folder"), "{outside}");

    // An unfinished backup (no manifest) is never restored.
    std::fs::remove_file(backup.join("manifest.json")).unwrap();
    let unfinished = server::backup::restore(&fresh, &backup, false).await.unwrap_err();
    assert!(unfinished.to_string().contains("not a finished backup"), "{unfinished}");
}
