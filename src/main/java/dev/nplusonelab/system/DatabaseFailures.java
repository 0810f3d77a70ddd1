package dev.nplusonelab.system;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that is not answering (down, or no pooled connection free in time)
 * from a bug. The first is a 503 that the client may retry; it can surface wrapped, for
 * instance inside a template error when the view triggered the query, or inside a JSON
 * write when a serializer did.
 */
public final class DatabaseFailures {

	/** What a person is told when the database fails: a 503, try again, not a bug. */
	public static final String MESSAGE = "The database is not answering right now. Try again in a few seconds.";

	private DatabaseFailures() {
	}

	/** The database failure in the cause chain, if there is one. */
	public static @Nullable Throwable causeOf(@Nullable Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof CannotCreateTransactionException
					|| cause instanceof TransactionSystemException) {
				return cause;
			}
		}
		return null;
	}

}
