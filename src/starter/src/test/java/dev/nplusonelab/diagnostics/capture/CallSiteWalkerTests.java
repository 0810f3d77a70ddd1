package dev.nplusonelab.diagnostics.capture;

import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.example.callsites.Caller;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.nplusonelab.diagnostics.capture.CallSiteWalker.CallSite;
import dev.nplusonelab.diagnostics.capture.CallSiteWalker.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The line a developer would change, read from the stack between the driver and the
 * application: which frames are the application's, which are passed over, what is named
 * when no frame qualifies, and whose code issued the statement. The stacks are written
 * out frame by frame, driver first, as the walk sees them.
 */
class CallSiteWalkerTests {

	private final CallSiteWalker walker = new CallSiteWalker(List.of("com.example.callsites"), List.of(), 256);

	private final Stack stack = new Stack();

	@Test
	void theFirstApplicationFrameWithASourceLineIsTheCallSite() {
		this.stack
			.frame(com.zaxxer.hikari.pool.HikariProxyPreparedStatement.class, "HikariProxyPreparedStatement.java", 1)
			.frame(org.springframework.jdbc.core.JdbcTemplate.class, "JdbcTemplate.java", 700)
			.frame(com.example.callsites.Caller.class, "Caller.java", 63)
			.frame(com.example.callsites.Books.class, "Books.java", 12);

		assertThat(walk()).isEqualTo(new CallSite("Caller.java:63", DataAccess.JDBC, List.of("Books.java:12")));
	}

	/**
	 * Above the call site, the application's own lines with a source, nearest first, and
	 * no more than {@value CallSiteWalker#CALLERS} (mutant: the bound off by one).
	 */
	@Test
	void theApplicationsLinesAboveTheCallSiteAreKeptUpToABound() {
		this.stack.frame(org.springframework.jdbc.core.JdbcTemplate.class, "JdbcTemplate.java", 700)
			.frame(com.example.callsites.Caller.class, "Caller.java", 1)
			.frame(org.springframework.aop.framework.ReflectiveMethodInvocation.class, "Reflective.java", 2)
			.frame(Generated$$SpringCGLIB$$0.class, "CallSiteWalkerTests.java", 3)
			.frame(com.example.callsites.Books.class, null, 4)
			.frame(com.example.callsites.Books.class, "Books.java", 5);
		for (int line = 6; line <= 11; line++) {
			this.stack.frame(com.example.callsites.Caller.class, "Caller.java", line);
		}

		assertThat(walk().callers()).containsExactly("Books.java:5", "Caller.java:6", "Caller.java:7", "Caller.java:8",
				"Caller.java:9");
	}

	/**
	 * After {@value CallSiteWalker#CALLER_GAP} frames without application code, the walk
	 * stops: that is the framework that called the application, and what lies below it (a
	 * servlet filter of the application's) is not how the statement came about.
	 */
	@Test
	void noCallerIsLookedForPastAGapOfFrameworkFrames() {
		this.stack.frame(com.example.callsites.Caller.class, "Caller.java", 1);
		frameworkFrames(CallSiteWalker.CALLER_GAP - 1);
		this.stack.frame(com.example.callsites.Books.class, "Books.java", 2);
		frameworkFrames(CallSiteWalker.CALLER_GAP);
		this.stack.frame(com.example.callsites.Books.class, "Books.java", 3);

		assertThat(walk().callers()).containsExactly("Books.java:2");
	}

	private void frameworkFrames(int count) {
		for (int i = 0; i < count; i++) {
			this.stack.frame(org.springframework.web.servlet.DispatcherServlet.class, "DispatcherServlet.java", i + 1);
		}
	}

	/**
	 * Spring Data's generated instantiators have no file or no line; line 1 is a line
	 * (mutants: the line test made {@code >= 0} or the {@code <} test dropped).
	 */
	@Test
	void anApplicationFrameWithoutAFileOrALineIsPassedOver() {
		this.stack.frame(com.example.callsites.Caller.class, null, 10)
			.frame(com.example.callsites.Caller.class, "<generated>", 11)
			.frame(com.example.callsites.Caller.class, "Caller.java", 0)
			.frame(com.example.callsites.Caller.class, "Caller.java", -1)
			.frame(com.example.callsites.Books.class, "Books.java", 1);

		assertThat(walk().line()).isEqualTo("Books.java:1");
	}

	@Test
	void theStarterSkippedPlumbingAndGeneratedClassesAreNeverTheCallSite() {
		CallSiteWalker walker = new CallSiteWalker(List.of("com.example"), List.of(" com.example.callsites.Books "),
				256);
		this.stack.frame(CallSiteWalker.class, "CallSiteWalker.java", 5)
			.frame(com.example.callsites.Books.class, "Books.java", 20)
			.frame(Generated$$SpringCGLIB$$0.class, "CallSiteWalkerTests.java", 30)
			.frame(com.example.callsites.Caller.class, "Caller.java", 40);

		assertThat(walker.callSite(this.stack.frames()).line()).isEqualTo("Caller.java:40");
	}

	/** A blank entry in the skip list skips nothing (mutant: blank entries kept). */
	@Test
	void blankEntriesInTheListsAreIgnored() {
		CallSiteWalker walker = new CallSiteWalker(List.of(" ", "com.example.callsites"), List.of("", "  "), 256);
		this.stack.frame(com.example.callsites.Caller.class, "Caller.java", 7);

		assertThat(walker.callSite(this.stack.frames()).line()).isEqualTo("Caller.java:7");
		assertThat(walker.classify("org.example.Other")).isEqualTo(Kind.OTHER);
	}

	/**
	 * Application packages given only as blanks are no packages at all (mutant: blank
	 * entries kept, which would make nothing the application).
	 */
	@Test
	void blankApplicationPackagesAreTheSameAsNone() {
		CallSiteWalker walker = new CallSiteWalker(List.of(" "), List.of(), 256);

		assertThat(walker.classify("io.github.someone.Library")).isEqualTo(Kind.APPLICATION);
	}

	/** {@code com.example.callsites} does not own {@code com.example.callsitesx}. */
	@Test
	void aPackageOwnsItsSubpackagesButNotPackagesThatStartWithItsName() {
		assertThat(this.walker.classify("com.example.callsites.web.Books")).isEqualTo(Kind.APPLICATION);
		assertThat(this.walker.classify("com.example.callsitesx.Cart")).isEqualTo(Kind.OTHER);
		assertThat(new CallSiteWalker(List.of("com.example.callsites."), List.of(), 1)
			.classify("com.example.callsites.Books")).isEqualTo(Kind.APPLICATION);
	}

	@Test
	void framesAreClassifiedByTheirNames() {
		assertThat(this.walker.classify("java.util.ArrayList")).isEqualTo(Kind.PASSED);
		assertThat(this.walker.classify("org.postgresql.jdbc.PgPreparedStatement")).isEqualTo(Kind.PASSED);
		assertThat(this.walker.classify("com.zaxxer.hikari.pool.HikariProxyConnection")).isEqualTo(Kind.PASSED);
		assertThat(this.walker.classify("org.springframework.jdbc.core.JdbcTemplate")).isEqualTo(Kind.FRAMEWORK);
		assertThat(this.walker.classify("org.hibernate.internal.SessionImpl")).isEqualTo(Kind.FRAMEWORK);
		assertThat(this.walker.classify("io.github.someone.Library")).isEqualTo(Kind.OTHER);
		assertThat(this.walker.classify("com.example.callsites.Books$$Lambda/0x1")).isEqualTo(Kind.PASSED);
		assertThat(this.walker.classify("dev.nplusonelab.diagnostics.capture.StatementListener"))
			.isEqualTo(Kind.PASSED);
	}

	/**
	 * With no application packages given, anything outside the JDBC plumbing and the
	 * frameworks is the application.
	 */
	@Test
	void withoutApplicationPackagesEveryOtherCodeIsTheApplication() {
		CallSiteWalker walker = new CallSiteWalker(List.of(), List.of(), 256);

		assertThat(walker.classify("io.github.someone.Library")).isEqualTo(Kind.APPLICATION);
		assertThat(walker.classify("org.springframework.jdbc.core.JdbcTemplate")).isEqualTo(Kind.FRAMEWORK);
		assertThat(walker.classify("org.postgresql.Driver")).isEqualTo(Kind.PASSED);
	}

	@Test
	void withoutAnApplicationFrameTheNearestOtherFrameIsNamed() {
		this.stack.frame(org.springframework.jdbc.core.JdbcTemplate.class, "JdbcTemplate.java", 700)
			.frame(com.example.elsewhere.Library.class, null, 3)
			.frame(com.example.elsewhere.Library.class, "Library.java", 9)
			.frame(org.springframework.jdbc.core.JdbcTemplate.class, "JdbcTemplate.java", 4);

		assertThat(walk().line())
			.isEqualTo("(no application frame; nearest: " + "com.example.elsewhere.Library.run(Library.java:9))");
	}

	@Test
	void withOnlyFrameworksTheNearestFrameworkFrameIsNamed() {
		this.stack.frame(java.lang.Thread.class, "Thread.java", 1)
			.frame(org.springframework.jdbc.core.JdbcTemplate.class, null, 5)
			.frame(org.springframework.jdbc.core.JdbcTemplate.class, "JdbcTemplate.java", 700)
			.frame(org.springframework.jdbc.core.JdbcTemplate.class, "JdbcTemplate.java", 800);

		assertThat(walk().line()).isEqualTo("(no application frame; nearest: "
				+ "org.springframework.jdbc.core.JdbcTemplate.run(JdbcTemplate.java:700))");
	}

	@Test
	void withNothingButPlumbingNothingIsNamed() {
		this.stack.frame(java.lang.Thread.class, "Thread.java", 1);

		assertThat(walk()).isEqualTo(new CallSite("(no application frame)", DataAccess.JDBC));
	}

	/**
	 * The first framework on the way from the driver issued it; a framework below the
	 * call site (the caller's caller) did not.
	 */
	@Test
	void theIssuerIsTheFirstDataAccessFrameworkAboveTheCallSite() {
		this.stack.frame(com.zaxxer.hikari.pool.HikariProxyPreparedStatement.class, "Hikari.java", 1)
			.frame(org.springframework.data.jdbc.core.JdbcAggregateTemplate.class, "JdbcAggregateTemplate.java", 2)
			.frame(org.hibernate.internal.SessionImpl.class, "SessionImpl.java", 3)
			.frame(com.example.callsites.Caller.class, "Caller.java", 4);
		Stack below = new Stack().frame(org.springframework.jdbc.core.JdbcTemplate.class, "JdbcTemplate.java", 1)
			.frame(com.example.callsites.Caller.class, "Caller.java", 5)
			.frame(org.hibernate.internal.SessionImpl.class, "SessionImpl.java", 6);

		assertThat(walk().issuer()).isEqualTo(DataAccess.SPRING_DATA_JDBC);
		assertThat(this.walker.callSite(below.frames())).isEqualTo(new CallSite("Caller.java:5", DataAccess.JDBC));
	}

	@Test
	void onARealStackTheApplicationsLineIsFound() {
		CallSiteWalker walker = new CallSiteWalker(List.of("com.example.callsites"), List.of(), 256);

		CallSite site = Caller.ask(walker::current);

		assertThat(site.line()).matches("Caller\\.java:\\d+");
	}

	/**
	 * The walk looks no further than its depth: the caller is the second frame, found at
	 * a depth of 2 and out of reach at 1.
	 */
	@Test
	void noFrameBeyondTheDepthIsLookedAt() {
		CallSiteWalker two = new CallSiteWalker(List.of("com.example.callsites"), List.of(), 2);
		CallSiteWalker one = new CallSiteWalker(List.of("com.example.callsites"), List.of(), 1);

		assertThat(Caller.ask(two::current).line()).startsWith("Caller.java:");
		assertThat(Caller.ask(one::current).line()).isEqualTo("(no application frame)");
	}

	private CallSite walk() {
		return this.walker.callSite(this.stack.frames());
	}

	/** A class whose name is generated, as CGLIB names its proxies. */
	static final class Generated$$SpringCGLIB$$0 {

	}

	/** A stack written out by hand, from the driver up. */
	static final class Stack {

		private final List<StackWalker.StackFrame> frames = new ArrayList<>();

		Stack frame(Class<?> type, @Nullable String file, int line) {
			this.frames.add(new Frame(type, file, line));
			return this;
		}

		Stream<StackWalker.StackFrame> frames() {
			return this.frames.stream();
		}

	}

	private record Frame(Class<?> type, @Nullable String file, int line) implements StackWalker.StackFrame {

		@Override
		public String getClassName() {
			return this.type.getName();
		}

		@Override
		public String getMethodName() {
			return "run";
		}

		@Override
		public Class<?> getDeclaringClass() {
			return this.type;
		}

		@Override
		public MethodType getMethodType() {
			return MethodType.methodType(void.class);
		}

		@Override
		public String getDescriptor() {
			return "()V";
		}

		@Override
		public int getByteCodeIndex() {
			return 0;
		}

		@Override
		public @Nullable String getFileName() {
			return this.file;
		}

		@Override
		public int getLineNumber() {
			return this.line;
		}

		@Override
		public boolean isNativeMethod() {
			return false;
		}

		@Override
		public StackTraceElement toStackTraceElement() {
			return new StackTraceElement(getClassName(), getMethodName(), this.file, this.line);
		}

	}

}
