package dev.nplusonelab.system;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns what a user can get wrong into a page that says what happened and what to do,
 * with the right status and never a stack trace. Anything unexpected still goes to Spring
 * Boot's error page (our {@code error.html}), which shows no exception details either.
 */
@ControllerAdvice
class ErrorPages {

	private static final Logger logger = LoggerFactory.getLogger(ErrorPages.class);

	@ExceptionHandler(BadRequestException.class)
	ModelAndView badRequest(BadRequestException ex) {
		return page(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView typeMismatch(MethodArgumentTypeMismatchException ex) {
		if (ex.getValue() instanceof Object[] values) {
			return page(HttpStatus.BAD_REQUEST, "Send " + ex.getName() + " once, not " + values.length + " times.");
		}
		String value = BadRequestException.quote(String.valueOf(ex.getValue()));
		return page(HttpStatus.BAD_REQUEST, ex.getName() + " must be a whole number, not " + value + ".");
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ModelAndView missingParameter(MissingServletRequestParameterException ex) {
		return page(HttpStatus.BAD_REQUEST, "The parameter " + ex.getParameterName() + " is required.");
	}

	@ExceptionHandler(SwitchedOffException.class)
	ModelAndView switchedOff(SwitchedOffException ex) {
		return page(HttpStatus.FORBIDDEN, ex.getMessage());
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException ex) {
		return page(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	/**
	 * Actuator reports a bad request to an endpoint this way too; rethrown, it goes on to
	 * Spring Boot's error handling, which answers Actuator's clients with JSON.
	 */
	@ExceptionHandler(ResponseStatusException.class)
	ModelAndView status(ResponseStatusException ex, @Nullable HandlerMethod handler) {
		if (handler != null && !handler.getBeanType().getName().startsWith("dev.nplusonelab.")) {
			throw ex;
		}
		HttpStatus status = HttpStatus.resolve(ex.getStatusCode().value());
		return page((status != null) ? status : HttpStatus.BAD_REQUEST,
				(ex.getReason() != null) ? ex.getReason() : "The request could not be served as sent.");
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ModelAndView noSuchPage(NoResourceFoundException ex) {
		return page(HttpStatus.NOT_FOUND, "There is no page at this address.");
	}

	/**
	 * The database is down, the pool had no connection free in time, or a statement ran
	 * past its timeout: try again later, not a bug. A reader in a transaction fails to
	 * begin it ({@link CannotCreateTransactionException}) or, when the connection broke
	 * under it, to roll back ({@link TransactionSystemException}); a plain repository
	 * call fails to get a connection ({@code CannotGetJdbcConnectionException}).
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			CannotCreateTransactionException.class, TransactionSystemException.class })
	ModelAndView databaseUnavailable(RuntimeException ex) {
		logger.warn("Database unavailable: {}", ex.getMessage());
		return page(HttpStatus.SERVICE_UNAVAILABLE, DatabaseFailures.MESSAGE);
	}

	private static ModelAndView page(HttpStatus status, String message) {
		ModelAndView view = new ModelAndView("error", status);
		view.addObject("status", status.value());
		view.addObject("error", status.getReasonPhrase());
		view.addObject("message", message);
		return view;
	}

}
