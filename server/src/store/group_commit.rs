//! Group commit for autosaves. Every answer a carer types is saved durably (`synchronous=FULL`:
//! the commit waits for the disk), and a disk flush costs far more than the write itself. So
//! autosaves go through one writer task: it takes every save waiting at that moment, applies
//! each inside its own savepoint of one transaction, commits once, and only then acknowledges
//! each save with its own result. Nothing is acknowledged before it is on disk, one bad save
//! does not undo the others, and many saves share one flush.
for_each_backend! {
    use chrono::{DateTime, Utc};
    use sqlx::Acquire;
    use tokio::sync::{mpsc, oneshot};

    use app::backend::ports::{StoreError, StoreResult};
    use app::domain::assessment::PageAnswers;

    /// The most saves committed together; more wait for the next commit.
    const MOST_IN_ONE_COMMIT: usize = 256;

    /// One page of assessment answers to save.
    pub struct PageSave {
        pub carer_id: i64,
        pub answers: PageAnswers,
        pub at: DateTime<Utc>,
    }

    type Pending = (PageSave, oneshot::Sender<StoreResult<()>>);

    /// The handle the store keeps; cloning it shares the one writer.
    #[derive(Clone)]
    pub struct Saves {
        queue: mpsc::Sender<Pending>,
    }

    impl Saves {
        /// Starts the writer task on the current Tokio runtime. It ends when every handle is gone.
        pub fn start(pool: DbPool) -> Saves {
            let (queue, waiting) = mpsc::channel(4 * MOST_IN_ONE_COMMIT);
            tokio::spawn(writer(pool, waiting));
            Saves { queue }
        }

        /// Saves one page, returning once it is durable (or has failed).
        pub async fn save(&self, save: PageSave) -> StoreResult<()> {
            let (done, result) = oneshot::channel();
            self.queue
                .send((save, done))
                .await
                .map_err(|_| StoreError::Unavailable("the save writer has stopped".into()))?;
            result.await.map_err(|_| StoreError::Unavailable("the save writer stopped before committing".into()))?
        }
    }

    async fn writer(pool: DbPool, mut waiting: mpsc::Receiver<Pending>) {
        let mut batch = Vec::with_capacity(MOST_IN_ONE_COMMIT);
        while waiting.recv_many(&mut batch, MOST_IN_ONE_COMMIT).await > 0 {
            let results = commit_together(&pool, &batch).await;
            for ((_, done), result) in batch.drain(..).zip(results) {
                // The person may have gone (a closed connection): nothing to tell them.
                let _ = done.send(result);
            }
        }
    }

    /// Applies every save in one transaction, each in its own savepoint, and commits. Each save's
    /// own result, or, if the commit itself failed, that failure for all of them.
    async fn commit_together(pool: &DbPool, batch: &[Pending]) -> Vec<StoreResult<()>> {
        let mut tx = match pool.begin().await {
            Ok(tx) => tx,
            Err(error) => return batch.iter().map(|_| Err(store_error_again(&error))).collect(),
        };
        let mut results = Vec::with_capacity(batch.len());
        for (save, _) in batch {
            let result = match tx.begin().await {
                Ok(mut savepoint) => match write_page(&mut savepoint, save).await {
                    Ok(()) => savepoint.commit().await.map_err(store_error),
                    // Dropping the savepoint rolls back just this save.
                    Err(error) => Err(error),
                },
                Err(error) => Err(store_error(error)),
            };
            results.push(result);
        }
        match tx.commit().await {
            Ok(()) => results,
            Err(error) => batch.iter().map(|_| Err(store_error_again(&error))).collect(),
        }
    }

    /// The same failure, for each of the saves it stopped.
    fn store_error_again(error: &sqlx::Error) -> StoreError {
        StoreError::Unavailable(error.to_string().into())
    }

    async fn write_page(conn: &mut DbConnection, save: &PageSave) -> StoreResult<()> {
        for (question, answer) in save.answers.iter() {
            // A question left unanswered removes what was saved for it.
            match answer {
                Some(answer) => sqlx::query(
                    "INSERT INTO assessment_answers (carer_id, question, value, saved_at) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (carer_id, question) DO UPDATE SET value = excluded.value, saved_at = excluded.saved_at",
                )
                .bind(save.carer_id)
                .bind(question)
                .bind(answer.stored().into_owned())
                .bind(save.at),
                None => sqlx::query("DELETE FROM assessment_answers WHERE carer_id = $1 AND question = $2")
                    .bind(save.carer_id)
                    .bind(question),
            }
            .execute(&mut *conn)
            .await
            .map_err(store_error)?;
        }
        sqlx::query(
            "INSERT INTO assessment_pages_seen (carer_id, page, seen_at) VALUES ($1, $2, $3)
             ON CONFLICT (carer_id, page) DO UPDATE SET seen_at = excluded.seen_at",
        )
        .bind(save.carer_id)
        .bind(save.answers.page())
        .bind(save.at)
        .execute(&mut *conn)
        .await
        .map_err(store_error)?;
        Ok(())
    }
}
