//! Each test's own database: a SQLite file in its folder, or, when `PORTAL_TEST_POSTGRES` names
//! a PostgreSQL server (`make test` starts one), a new database on that server.
use std::path::Path;

pub struct TestDatabase {
    pub url: String,
    pub postgres: bool,
}

impl TestDatabase {
    pub async fn create(folder: &Path) -> TestDatabase {
        match std::env::var("PORTAL_TEST_POSTGRES") {
            Ok(server) if !server.is_empty() => {
                use sqlx::Connection;
                let name = format!("portal_test_{}", uuid::Uuid::new_v4().simple());
                let mut admin = sqlx::PgConnection::connect(&server).await.expect("the test PostgreSQL server answers");
                sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut admin).await.expect("a new database");
                let (base, _) = server.rsplit_once('/').expect("a database URL ends with /<database>");
                TestDatabase { url: format!("{base}/{name}"), postgres: true }
            }
            _ => TestDatabase {
                url: format!("sqlite://{}?mode=rwc", folder.join("portal.db").display()),
                postgres: false,
            },
        }
    }

    /// A pool for the test's own queries.
    pub async fn open(&self) -> sqlx::AnyPool {
        sqlx::any::install_default_drivers();
        sqlx::AnyPool::connect(&self.url).await.expect("the test database opens")
    }
}
