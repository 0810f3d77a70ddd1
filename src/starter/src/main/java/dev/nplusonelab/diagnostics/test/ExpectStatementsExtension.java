package dev.nplusonelab.diagnostics.test;

import java.lang.reflect.Method;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import dev.nplusonelab.diagnostics.detect.NPlusOneDetector;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;

/**
 * Runs a test method annotated with {@link ExpectStatements} inside a report of its own,
 * through the {@link SqlCapture} of the test's Spring context, and checks the report
 * afterwards. A test that failed on its own fails with its own error.
 */
public class ExpectStatementsExtension implements InvocationInterceptor {

	@Override
	public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
			ExtensionContext context) throws Throwable {
		Optional<ExpectStatements> expected = AnnotationSupport
			.findAnnotation(context.getRequiredTestMethod(), ExpectStatements.class)
			.or(() -> AnnotationSupport.findAnnotation(context.getRequiredTestClass(), ExpectStatements.class));
		if (expected.isEmpty()) {
			invocation.proceed();
			return;
		}
		ApplicationContext application = SpringExtension.getApplicationContext(context);
		SqlCapture capture = application.getBeanProvider(SqlCapture.class).getIfAvailable();
		if (capture == null) {
			throw new IllegalStateException("@ExpectStatements needs the N+1 diagnostics in the test's context: "
					+ "is nplusone.enabled false, or is this a slice that does not import them?");
		}
		Throwable[] failure = new Throwable[1];
		RequestReport report = capture.observe(context.getDisplayName(), () -> {
			try {
				invocation.proceed();
			}
			catch (Throwable ex) {
				failure[0] = ex;
			}
			return null;
		});
		if (failure[0] != null) {
			throw failure[0];
		}
		check(report, expected.get(), application.getBeanProvider(NPlusOneDetector.class).getIfAvailable());
	}

	static void check(RequestReport report, ExpectStatements expected, @Nullable NPlusOneDetector detector) {
		ReportAssert assertion = SqlAssertions.assertThat(report);
		if (detector != null) {
			assertion.usingDetector(detector);
		}
		if (expected.exactly() >= 0) {
			assertion.ranExactly(expected.exactly());
		}
		assertion.ranAtMost(expected.atMost());
		if (!expected.nPlusOne()) {
			assertion.hasNoPotentialNPlusOne();
		}
		if (!expected.duplicates()) {
			assertion.hasNoDuplicates();
		}
		if (!expected.whileRendering()) {
			assertion.ranNothingWhileRendering();
		}
	}

}
