package ch.frontdesk.queue;

/**
 * Handles one row whose work happens outside the database (sending a mail), so no lock may be held meanwhile. The
 * row is leased instead: marked as taken until a deadline, which another worker respects, and takes over only
 * when it has run out (the first worker crashed).
 *
 * @param <W> what the work needs, read in the claiming transaction
 */
public interface LeasedHandler<W> {

    /** In the claiming transaction, the row locked: take the lease and read what {@link #perform} needs. */
    W lease(long id);

    /** Outside any transaction. Throwing counts a failure. */
    void perform(W work);

    /** In a new transaction: whether the lease is still this worker's (it ran out and another took over). */
    boolean stillLeased(W work);

    /** In that transaction, after {@link #perform} succeeded and the lease still stands. */
    void done(W work);

    /** In that transaction, after {@link #perform} failed and the lease still stands. */
    void failed(W work, QueueFailure failure);
}
