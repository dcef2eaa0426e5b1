//! Messages sent from the contact page, the staff inbox that deals with them, and the
//! conversation that follows with the person they are about.
for_each_backend! {
    use app::backend::ports::{ContactReference, ContactStore, ReceivedMessage, StoreError, StoreResult};
    use app::domain::contact::{ContactMessage, Reply, ReplyEmail, Side};
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
        person_id: Option<i64>,
        person_name: Option<String>,
        last_from_staff: Option<bool>,
        last_reply_at: Option<DateTime<Utc>>,
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
                person: self.person_id.map(|id| (id, self.person_name.unwrap_or_default())),
                last_reply: self.last_from_staff.zip(self.last_reply_at).map(|(staff, at)| (side(staff), at)),
            }
        }
    }

    const MESSAGE: &str = "SELECT m.id, m.name, m.reply_to, m.body, m.locale, m.received_at, m.done_at,
                                  u.display_name AS done_by, m.person_id, p.display_name AS person_name,
                                  l.from_staff AS last_from_staff, l.sent_at AS last_reply_at
                           FROM contact_messages m
                           LEFT JOIN users u ON u.id = m.done_by
                           LEFT JOIN users p ON p.id = m.person_id
                           LEFT JOIN contact_replies l ON l.id = (
                               SELECT r.id FROM contact_replies r WHERE r.message_id = m.id
                               ORDER BY r.sent_at DESC, r.id DESC LIMIT 1)";

    /// Which side wrote a reply, from its `from_staff` column.
    fn side(from_staff: bool) -> Side {
        if from_staff { Side::Council } else { Side::Person }
    }

    #[derive(FromRow)]
    struct ReplyRow {
        id: i64,
        from_staff: bool,
        author: Option<String>,
        body: String,
        sent_at: DateTime<Utc>,
        email: Option<String>,
    }

    #[async_trait]
    impl ContactStore for DbStore {
        #[tracing::instrument(skip(self, message))]
        async fn add_contact_message(
            &self,
            message: &ContactMessage,
            person_id: Option<i64>,
            locale: Locale,
            received_at: DateTime<Utc>,
        ) -> StoreResult<ContactReference> {
            let query = sqlx::query_scalar(
                "INSERT INTO contact_messages (name, reply_to, body, locale, received_at, person_id)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(message.name.as_ref().map(|n| n.as_str()))
            .bind(message.reply_to.as_ref().map(|e| e.as_str()))
            .bind(message.body.as_str())
            .bind(locale.tag())
            .bind(received_at)
            .bind(person_id);
            let id: i64 = self.value(query).await?;
            Ok(ContactReference(id))
        }

        async fn contact_messages(&self) -> StoreResult<Vec<ReceivedMessage>> {
            // Every open message, however many; the last 100 done ones.
            let sql = format!("{MESSAGE} WHERE m.done_at IS NULL ORDER BY m.received_at, m.id");
            let open: Vec<MessageRow> = self.all(sqlx::query_as(&sql)).await?;
            let sql = format!("{MESSAGE} WHERE m.done_at IS NOT NULL ORDER BY m.done_at DESC, m.id DESC LIMIT 100");
            let done: Vec<MessageRow> = self.all(sqlx::query_as(&sql)).await?;
            Ok(open.into_iter().chain(done).map(MessageRow::into_message).collect())
        }

        async fn contact_message(&self, id: i64) -> StoreResult<Option<ReceivedMessage>> {
            let sql = format!("{MESSAGE} WHERE m.id = $1");
            let row: Option<MessageRow> = self.optional(sqlx::query_as(&sql).bind(id)).await?;
            Ok(row.map(MessageRow::into_message))
        }

        async fn messages_of(&self, person_id: i64) -> StoreResult<Vec<ReceivedMessage>> {
            let sql = format!("{MESSAGE} WHERE m.person_id = $1 ORDER BY m.received_at DESC, m.id DESC");
            let rows: Vec<MessageRow> = self.all(sqlx::query_as(&sql).bind(person_id)).await?;
            Ok(rows.into_iter().map(MessageRow::into_message).collect())
        }

        async fn contact_replies(&self, message_id: i64) -> StoreResult<Vec<Reply>> {
            let query = sqlx::query_as(
                "SELECT r.id, r.from_staff, u.display_name AS author, r.body, r.sent_at, r.email
                 FROM contact_replies r LEFT JOIN users u ON u.id = r.author_id
                 WHERE r.message_id = $1 ORDER BY r.sent_at, r.id",
            )
            .bind(message_id);
            let rows: Vec<ReplyRow> = self.all(query).await?;
            rows.into_iter()
                .map(|row| {
                    let email = match row.email {
                        Some(code) => Some(ReplyEmail::parse(&code).ok_or_else(|| unknown("reply email", &code))?),
                        None => None,
                    };
                    Ok(Reply {
                        id: row.id,
                        side: side(row.from_staff),
                        author: row.author.unwrap_or_default(),
                        body: row.body,
                        sent_at: row.sent_at,
                        email,
                    })
                })
                .collect()
        }

        async fn add_contact_reply(
            &self,
            message_id: i64,
            author_id: i64,
            side: Side,
            body: &str,
            at: DateTime<Utc>,
        ) -> StoreResult<i64> {
            let mut tx = self.pool.begin().await.map_err(store_error)?;
            let reopen = if side == Side::Person { ", done_at = NULL, done_by = NULL" } else { "" };
            // Touching the message first locks it and tells whether it exists.
            let found = sqlx::query(&format!("UPDATE contact_messages SET id = id{reopen} WHERE id = $1"))
                .bind(message_id)
                .execute(&mut *tx)
                .await
                .map_err(store_error)?;
            if found.rows_affected() == 0 {
                return Err(StoreError::NotFound);
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO contact_replies (message_id, author_id, from_staff, body, sent_at)
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(message_id)
            .bind(author_id)
            .bind(side == Side::Council)
            .bind(body)
            .bind(at)
            .fetch_one(&mut *tx)
            .await
            .map_err(store_error)?;
            tx.commit().await.map_err(store_error)?;
            Ok(id)
        }

        async fn set_reply_email(&self, reply_id: i64, email: ReplyEmail) -> StoreResult<()> {
            let query = sqlx::query("UPDATE contact_replies SET email = $1 WHERE id = $2")
                .bind(email.code())
                .bind(reply_id);
            self.run(query).await
        }

        async fn link_contact_message(&self, id: i64, person_id: i64) -> StoreResult<()> {
            let linked = sqlx::query("UPDATE contact_messages SET person_id = $1 WHERE id = $2")
                .bind(person_id)
                .bind(id)
                .execute(&self.pool)
                .await
                .map_err(store_error)?;
            if linked.rows_affected() == 0 {
                return Err(StoreError::NotFound);
            }
            Ok(())
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
