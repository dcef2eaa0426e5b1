//! The local support directory.
for_each_backend! {
    use app::backend::ports::{DirectoryStore, ListedService, StoreError, StoreResult};
    use app::domain::directory::{Category, ServiceEntry};
    use async_trait::async_trait;
    use chrono::{DateTime, Utc};

    #[derive(sqlx::FromRow)]
    struct ServiceRow {
        id: i64,
        organisation: String,
        name: String,
        description: String,
        category: String,
        url: Option<String>,
        email: Option<String>,
        phone: Option<String>,
        area: String,
        eligibility: String,
        updated_at: DateTime<Utc>,
        retired_at: Option<DateTime<Utc>>,
    }

    const SELECT: &str = "SELECT id, organisation, name, description, category, url, email, phone, area, eligibility,
            updated_at, retired_at FROM support_services";

    impl ServiceRow {
        fn into_service(self) -> StoreResult<ListedService> {
            let category = Category::parse(&self.category)
                .ok_or_else(|| StoreError::Unavailable(format!("unknown category: {}", self.category).into()))?;
            Ok(ListedService {
                id: self.id,
                entry: ServiceEntry {
                    organisation: self.organisation,
                    name: self.name,
                    description: self.description,
                    category,
                    url: self.url,
                    email: self.email,
                    phone: self.phone,
                    area: self.area,
                    eligibility: self.eligibility,
                },
                updated_at: self.updated_at,
                retired_at: self.retired_at,
            })
        }
    }

    #[async_trait]
    impl DirectoryStore for DbStore {
        async fn services(&self, include_retired: bool) -> StoreResult<Vec<ListedService>> {
            let filter = if include_retired { "" } else { " WHERE retired_at IS NULL" };
            let rows: Vec<ServiceRow> = sqlx::query_as(&format!("{SELECT}{filter} ORDER BY name, id"))
                .fetch_all(self.pool())
                .await
                .map_err(store_error)?;
            rows.into_iter().map(ServiceRow::into_service).collect()
        }

        async fn service(&self, id: i64) -> StoreResult<Option<ListedService>> {
            let row: Option<ServiceRow> = sqlx::query_as(&format!("{SELECT} WHERE id = $1"))
                .bind(id)
                .fetch_optional(self.pool())
                .await
                .map_err(store_error)?;
            row.map(ServiceRow::into_service).transpose()
        }

        async fn add_service(&self, entry: &ServiceEntry, at: DateTime<Utc>) -> StoreResult<i64> {
            sqlx::query_scalar(
                "INSERT INTO support_services (organisation, name, description, category, url, email, phone, area, eligibility, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            )
            .bind(&entry.organisation)
            .bind(&entry.name)
            .bind(&entry.description)
            .bind(entry.category.code())
            .bind(&entry.url)
            .bind(&entry.email)
            .bind(&entry.phone)
            .bind(&entry.area)
            .bind(&entry.eligibility)
            .bind(at)
            .fetch_one(self.pool())
            .await
            .map_err(store_error)
        }

        async fn update_service(&self, id: i64, entry: &ServiceEntry, at: DateTime<Utc>) -> StoreResult<()> {
            let done = sqlx::query(
                "UPDATE support_services SET organisation = $1, name = $2, description = $3, category = $4, url = $5,
                    email = $6, phone = $7, area = $8, eligibility = $9, updated_at = $10 WHERE id = $11",
            )
            .bind(&entry.organisation)
            .bind(&entry.name)
            .bind(&entry.description)
            .bind(entry.category.code())
            .bind(&entry.url)
            .bind(&entry.email)
            .bind(&entry.phone)
            .bind(&entry.area)
            .bind(&entry.eligibility)
            .bind(at)
            .bind(id)
            .execute(self.pool())
            .await
            .map_err(store_error)?;
            changed(done.rows_affected(), StoreError::NotFound)
        }

        async fn retire_service(&self, id: i64, retired: bool, at: DateTime<Utc>) -> StoreResult<()> {
            let done = sqlx::query("UPDATE support_services SET retired_at = $1, updated_at = $2 WHERE id = $3")
                .bind(retired.then_some(at))
                .bind(at)
                .bind(id)
                .execute(self.pool())
                .await
                .map_err(store_error)?;
            changed(done.rows_affected(), StoreError::NotFound)
        }
    }
}
