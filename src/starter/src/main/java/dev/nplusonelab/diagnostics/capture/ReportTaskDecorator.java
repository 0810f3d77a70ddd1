package dev.nplusonelab.diagnostics.capture;

import org.springframework.core.task.TaskDecorator;

/**
 * Carries the report of the thread that submits a task to the thread that runs it, so
 * that a request's {@code @Async} work counts for that request (each statement names its
 * thread). Spring Boot applies every {@code TaskDecorator} bean to the executor it
 * configures, composed in order with the application's own; an executor the application
 * builds itself can take {@link SqlCapture}'s decorator by hand.
 */
final class ReportTaskDecorator implements TaskDecorator {

	private final SqlCapture capture;

	ReportTaskDecorator(SqlCapture capture) {
		this.capture = capture;
	}

	@Override
	public Runnable decorate(Runnable task) {
		SqlCapture.Scope submitted = this.capture.scope();
		if (submitted == null) {
			return task;
		}
		return () -> {
			SqlCapture.Scope previous = this.capture.scope();
			this.capture.scope(submitted);
			try {
				task.run();
			}
			finally {
				this.capture.scope(previous);
			}
		};
	}

}
