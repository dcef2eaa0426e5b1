//! Messages sent from the contact page, and the staff inbox that deals with them.
for_each_backend! {
    use app::backend::ports::{ContactReference, ContactStore, ReceivedMessage, StoreError, StoreResult};
    use app::domain::contact::ContactMessage;
    use app::kit::i18n::Locale;
    use async_trait::async_trait;
    use chrono::{DateTime, Utc};
    use sqlx::FromRow;

    #[derive(FromRow)]
    struct MessageRow {
        id: i64,
        name: Option<String>,
        reply_to: Option<String>,
        body: String,
        locale: String,
        received_at: DateTime<Utc>,
        done_at: Option<DateTime<Utc>>,
        done_by: Option<String>,
    }

    impl MessageRow {
        fn into_message(self) -> ReceivedMessage {
            ReceivedMessage {
                id: self.id,
                name: self.name,
                reply_to: self.reply_to,
                body: self.body,
                locale: Locale::parse(&self.locale).unwrap_or_default(),
                received_at: self.received_at,
                done: self.done_at.map(|at| (self.done_by.unwrap_or_default(), at)),
            }
        }
    }

    const MESSAGE: &str = "SELECT m.id, m.name, m.reply_to, m.body, m.locale, m.received_at, m.done_at,
                                  u.display_name AS done_by
                           FROM contact_messages m LEFT JOIN users u ON u.id = m.done_by";

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

        async fn contact_messages(&self) -> StoreResult<Vec<ReceivedMessage>> {
            // Every open message, however many; the last 100 done ones.
            let open: Vec<MessageRow> =
                sqlx::query_as(&format!("{MESSAGE} WHERE m.done_at IS NULL ORDER BY m.received_at, m.id"))
                    .fetch_all(&self.pool)
                    .await
                    .map_err(store_error)?;
            let done: Vec<MessageRow> = sqlx::query_as(&format!(
                "{MESSAGE} WHERE m.done_at IS NOT NULL ORDER BY m.done_at DESC, m.id DESC LIMIT 100"
            ))
            .fetch_all(&self.pool)
            .await
            .map_err(store_error)?;
            Ok(open.into_iter().chain(done).map(MessageRow::into_message).collect())
        }

        async fn contact_message(&self, id: i64) -> StoreResult<Option<ReceivedMessage>> {
            let row: Option<MessageRow> = sqlx::query_as(&format!("{MESSAGE} WHERE m.id = $1"))
                .bind(id)
                .fetch_optional(&self.pool)
                .await
                .map_err(store_error)?;
            Ok(row.map(MessageRow::into_message))
        }

        async fn mark_contact_done(&self, id: i64, by: i64, at: DateTime<Utc>) -> StoreResult<()> {
            let done =
                sqlx::query("UPDATE contact_messages SET done_at = $1, done_by = $2 WHERE id = $3 AND done_at IS NULL")
                    .bind(at)
                    .bind(by)
                    .bind(id)
                    .execute(&self.pool)
                    .await
                    .map_err(store_error)?;
            if done.rows_affected() == 1 {
                return Ok(());
            }
            match self.contact_message(id).await? {
                Some(_) => Err(StoreError::Conflict),
                None => Err(StoreError::NotFound),
            }
        }
    }
}
