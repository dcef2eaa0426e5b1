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
                .ok_or_else(|| unknown("category", &self.category))?;
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

    /// `sql` with an entry's ten columns bound as $1…$10, in the order both the insert and the
    /// update name them; it returns the service's id.
    fn entry_query<'q>(
        sql: &'q str,
        entry: &'q ServiceEntry,
        at: DateTime<Utc>,
    ) -> sqlx::query::QueryScalar<'q, Db, i64, <Db as sqlx::Database>::Arguments<'q>> {
        sqlx::query_scalar(sql)
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
    }

    #[async_trait]
    impl DirectoryStore for DbStore {
        async fn services(&self, include_retired: bool) -> StoreResult<Vec<ListedService>> {
            let filter = if include_retired { "" } else { " WHERE retired_at IS NULL" };
            let rows: Vec<ServiceRow> = self.all(sqlx::query_as(&format!("{SELECT}{filter} ORDER BY name, id"))).await?;
            rows.into_iter().map(ServiceRow::into_service).collect()
        }

        async fn service(&self, id: i64) -> StoreResult<Option<ListedService>> {
            let sql = format!("{SELECT} WHERE id = $1");
            let row: Option<ServiceRow> = self.optional(sqlx::query_as(&sql).bind(id)).await?;
            row.map(ServiceRow::into_service).transpose()
        }

        async fn add_service(&self, entry: &ServiceEntry, at: DateTime<Utc>) -> StoreResult<i64> {
            let sql = "INSERT INTO support_services (organisation, name, description, category, url, email, phone, area, eligibility, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";
            entry_query(sql, entry, at).fetch_one(self.pool()).await.map_err(store_error)
        }

        async fn update_service(&self, id: i64, entry: &ServiceEntry, at: DateTime<Utc>) -> StoreResult<()> {
            let sql = "UPDATE support_services SET organisation = $1, name = $2, description = $3, category = $4, url = $5,
                    email = $6, phone = $7, area = $8, eligibility = $9, updated_at = $10 WHERE id = $11 RETURNING id";
            let updated: Option<i64> =
                entry_query(sql, entry, at).bind(id).fetch_optional(self.pool()).await.map_err(store_error)?;
            updated.map(drop).ok_or(StoreError::NotFound)
        }

        async fn retire_service(&self, id: i64, retired: bool, at: DateTime<Utc>) -> StoreResult<()> {
            let query = sqlx::query("UPDATE support_services SET retired_at = $1, updated_at = $2 WHERE id = $3")
                .bind(retired.then_some(at))
                .bind(at)
                .bind(id);
            self.change_one(query, StoreError::NotFound).await
        }
    }
}
