//! Messages sent from the contact page.
for_each_backend! {
    use app::backend::ports::{ContactReference, ContactStore, StoreResult};
    use app::domain::contact::ContactMessage;
    use app::kit::i18n::Locale;
    use async_trait::async_trait;
    use chrono::{DateTime, Utc};

    #[async_trait]
    impl ContactStore for DbStore {
        #[tracing::instrument(skip(self, message))]
        async fn add_contact_message(
            &self,
            message: &ContactMessage,
            locale: Locale,
            received_at: DateTime<Utc>,
        ) -> StoreResult<ContactReference> {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO contact_messages (name, reply_to, body, locale, received_at)
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(message.name.as_ref().map(|n| n.as_str()))
            .bind(message.reply_to.as_ref().map(|e| e.as_str()))
            .bind(message.body.as_str())
            .bind(locale.tag())
            .bind(received_at)
            .fetch_one(&self.pool)
            .await
            .map_err(store_error)?;
            Ok(ContactReference(id))
        }
    }
}
