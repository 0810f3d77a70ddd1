package dev.nplusonelab.api;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.nplusonelab.system.BadRequestException;
import dev.nplusonelab.system.DatabaseFailures;
import dev.nplusonelab.system.NotFoundException;
import dev.nplusonelab.system.SwitchedOffException;

/**
 * Errors of the API as RFC 9457 problem details ({@code application/problem+json}): a
 * client that asked for JSON gets JSON, with the right status and never a stack trace.
 * <p>
 * Limited to this package's controllers and ordered first, so that it wins over the
 * site's HTML error pages for the API and leaves them alone everywhere else. Spring MVC's
 * own exceptions (a missing parameter, an unsupported method) come from
 * {@link ResponseEntityExceptionHandler}.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiProblems.class);

	@ExceptionHandler(BadRequestException.class)
	ProblemDetail badRequest(BadRequestException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.valueOf(ex.getMessage()));
	}

	@ExceptionHandler(SwitchedOffException.class)
	ProblemDetail switchedOff(SwitchedOffException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, String.valueOf(ex.getMessage()));
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, String.valueOf(ex.getMessage()));
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			CannotCreateTransactionException.class, TransactionSystemException.class })
	ProblemDetail databaseUnavailable(RuntimeException ex) {
		logger.warn("Database unavailable: {}", ex.getMessage());
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DatabaseFailures.MESSAGE);
	}

	/**
	 * In naive mode the relations load while Jackson writes the response, so a database
	 * that stops answering (no pooled connection free in time) surfaces as a failed
	 * write: that is a 503 like any other database failure, not a 500.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotWritable(HttpMessageNotWritableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (DatabaseFailures.causeOf(ex) == null) {
			return super.handleHttpMessageNotWritable(ex, headers, status, request);
		}
		return handleExceptionInternal(ex, databaseUnavailable(ex), headers, HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	/** {@code /api/books/abc}: says what an id looks like, without echoing the input. */
	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex.getPropertyName() != null) ? ex.getPropertyName() : "The value";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				name + " must be a whole number.");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

}
