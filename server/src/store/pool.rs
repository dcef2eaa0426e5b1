//! How a query meets the pool: each way written once, with the driver's error turned into the
//! store's (`store_error`) in one place. Queries inside a transaction run on it directly.
for_each_backend! {
    use app::backend::ports::{StoreError, StoreResult};
    use sqlx::query::{Query, QueryAs, QueryScalar};
    use sqlx::{Database, FromRow};

    type Arguments<'q> = <Db as Database>::Arguments<'q>;
    type Row = <Db as Database>::Row;

    impl DbStore {
        /// Every row the query finds.
        pub(crate) async fn all<'q, T>(&self, query: QueryAs<'q, Db, T, Arguments<'q>>) -> StoreResult<Vec<T>>
        where
            T: Send + Unpin + for<'r> FromRow<'r, Row>,
        {
            query.fetch_all(&self.pool).await.map_err(store_error)
        }

        /// The row the query finds, if any.
        pub(crate) async fn optional<'q, T>(&self, query: QueryAs<'q, Db, T, Arguments<'q>>) -> StoreResult<Option<T>>
        where
            T: Send + Unpin + for<'r> FromRow<'r, Row>,
        {
            query.fetch_optional(&self.pool).await.map_err(store_error)
        }

        /// The one value the query gives (an inserted row's id, a count).
        pub(crate) async fn value<'q, T>(&self, query: QueryScalar<'q, Db, T, Arguments<'q>>) -> StoreResult<T>
        where
            T: Send + Unpin,
            (T,): for<'r> FromRow<'r, Row>,
        {
            query.fetch_one(&self.pool).await.map_err(store_error)
        }

        /// Runs a statement, however many rows it changes.
        pub(crate) async fn run<'q>(&self, statement: Query<'q, Db, Arguments<'q>>) -> StoreResult<()> {
            statement.execute(&self.pool).await.map_err(store_error)?;
            Ok(())
        }

        /// Runs a statement meant to change a row: `otherwise` when none matched.
        pub(crate) async fn change_one<'q>(
            &self,
            statement: Query<'q, Db, Arguments<'q>>,
            otherwise: StoreError,
        ) -> StoreResult<()> {
            let done = statement.execute(&self.pool).await.map_err(store_error)?;
            changed(done.rows_affected(), otherwise)
        }
    }
}
