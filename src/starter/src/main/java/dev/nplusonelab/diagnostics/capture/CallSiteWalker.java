package dev.nplusonelab.diagnostics.capture;

import java.lang.StackWalker.StackFrame;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Where in the application a statement was asked for: the first frame of application code
 * on the stack, the line a developer would change.
 * <ul>
 * <li>Application code is a class of the application's packages with a source file and a
 * line. Spring Data generates instantiators and property accessors into the entities'
 * packages ({@code Book__Instantiator_…}, {@code …_Accessor_…}) without either, and a
 * CGLIB proxy ({@code …$$SpringCGLIB$$0}) reports a generated one: none of them is a line
 * anybody can change.</li>
 * <li>The starter itself is never a call site, nor is the application's own plumbing
 * named in {@code nplusone.call-sites.skip} (a query layer, a lazy loader): the code that
 * called it is.</li>
 * <li>When no frame qualifies, it says so, and names the nearest frame outside the JDBC
 * plumbing and the frameworks instead (or, failing that, the nearest framework frame),
 * never {@code null}.</li>
 * </ul>
 * On the way down from the driver, it notes the code that issued the statement
 * ({@link DataAccess}): Hibernate's frames, Spring Data JDBC's, or neither, which is
 * plain JDBC. Frames below the call site do not count: a {@code JdbcTemplate} call from a
 * method that Hibernate happens to call is still plain JDBC.
 * <p>
 * It runs once per statement, so it walks the stack lazily, stops soon after the first
 * frame that qualifies (once the few application lines above it are read) and never looks
 * further than {@code nplusone.call-sites.max-depth} frames.
 */
final class CallSiteWalker {

	/**
	 * Class references, so that a frame is classified by its class, once per class, and
	 * reflection frames shown rather than filtered out one check per frame: they are JDK
	 * frames, which the walk passes over anyway. No depth estimate: the VM decodes every
	 * frame of a batch it hands over, and the first application frame is usually a few
	 * dozen frames down, so small first batches waste the least.
	 */
	private static final StackWalker STACK = StackWalker
		.getInstance(Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_REFLECT_FRAMES));

	/**
	 * What lies between the code that asked and the database: never a call site, and not
	 * the nearest frame worth naming either.
	 */
	private static final List<String> JDBC_PLUMBING = List.of("java.", "javax.", "jdk.", "sun.", "net.ttddyy.dsproxy.",
			"com.zaxxer.hikari.", "org.postgresql.", "com.github.gavlyukovskiy.");

	/**
	 * Frameworks, which are never application code when the application's packages are
	 * unknown.
	 */
	private static final List<String> FRAMEWORKS = List.of("org.springframework.", "org.hibernate.", "org.apache.",
			"jakarta.", "io.micrometer.", "org.junit.", "org.assertj.", "com.fasterxml.", "tools.jackson.", "org.h2.",
			"com.mysql.", "org.mariadb.", "oracle.", "org.flywaydb.", "org.jooq.", "kotlin.", "scala.");

	private static final String STARTER = CallSiteWalker.class.getPackageName() + ".";

	/** The most lines of the application kept above a call site. */
	static final int CALLERS = 5;

	/** Frames without application code after which no caller is looked for. */
	static final int CALLER_GAP = 24;

	private final List<String> applicationPackages;

	private final List<String> skipped;

	private final int maxDepth;

	/** Whether the method of each call site is noted in {@link CallSiteFunctions}. */
	private final boolean functions;

	/**
	 * What each class on a stack is, worked out from its name the first time it is seen:
	 * a walk then costs a lookup per frame, and the file and line (which the VM builds on
	 * demand, and which cost more than the rest of the walk) are read only for the frames
	 * that may be named.
	 */
	private final ClassValue<Frame> kinds = new ClassValue<>() {

		@Override
		protected Frame computeValue(Class<?> type) {
			String name = type.getName();
			return new Frame(classify(name), DataAccess.marking(name));
		}

	};

	/**
	 * @param applicationPackages the packages that hold the application's code, e.g.
	 * {@code com.example.shop}; their sub-packages belong to them too. Empty: any frame
	 * outside the frameworks.
	 * @param skipped class name prefixes of application code that is never a call site
	 * @param maxDepth the most frames examined
	 */
	CallSiteWalker(List<String> applicationPackages, List<String> skipped, int maxDepth) {
		this(applicationPackages, skipped, maxDepth, false);
	}

	/**
	 * @param functions whether to note the method of each call site in
	 * {@link CallSiteFunctions}: one lookup per statement, for applications that trace
	 */
	CallSiteWalker(List<String> applicationPackages, List<String> skipped, int maxDepth, boolean functions) {
		this.applicationPackages = applicationPackages.stream()
			.map(String::strip)
			.filter((name) -> !name.isEmpty())
			.map((name) -> name.endsWith(".") ? name : name + ".")
			.toList();
		List<String> skip = new ArrayList<>(skipped.stream().map(String::strip).filter((s) -> !s.isEmpty()).toList());
		skip.add(STARTER);
		this.skipped = List.copyOf(skip);
		this.maxDepth = maxDepth;
		this.functions = functions;
	}

	/**
	 * The caller of the statement running now, as {@code File.java:123}, or
	 * {@code (no application frame; nearest: …)}, and the code that issued it.
	 */
	CallSite current() {
		return STACK.walk((frames) -> callSite(frames.limit(this.maxDepth)));
	}

	CallSite callSite(Stream<StackFrame> frames) {
		@Nullable StackFrame nearest = null;
		@Nullable StackFrame nearestFramework = null;
		DataAccess issuer = DataAccess.JDBC;
		for (Iterator<StackFrame> iterator = frames.iterator(); iterator.hasNext();) {
			StackFrame frame = iterator.next();
			Frame kind = this.kinds.get(frame.getDeclaringClass());
			if (issuer == DataAccess.JDBC) {
				issuer = kind.marks();
			}
			switch (kind.kind()) {
				case APPLICATION -> {
					if (hasSource(frame)) {
						String line = line(frame);
						if (this.functions) {
							CallSiteFunctions.note(line, frame.getClassName(), frame.getMethodName());
						}
						return new CallSite(line, issuer, callers(iterator));
					}
				}
				case OTHER -> {
					if (nearest == null && hasSource(frame)) {
						nearest = frame;
					}
				}
				case FRAMEWORK -> {
					if (nearestFramework == null && hasSource(frame)) {
						nearestFramework = frame;
					}
				}
				case PASSED -> {
				}
			}
		}
		StackFrame named = (nearest != null) ? nearest : nearestFramework;
		return new CallSite(
				(named != null) ? "(no application frame; nearest: " + describe(named) + ")" : "(no application frame)",
				issuer);
	}

	/**
	 * The application's lines that led to the call site, nearest first, read on in the
	 * same walk: at most {@value #CALLERS}, and none past {@value #CALLER_GAP} frames
	 * without one, which is where the framework that called the application begins (a
	 * transaction proxy between a controller and its reader is about half as deep).
	 */
	private List<String> callers(Iterator<StackFrame> frames) {
		List<String> callers = null;
		int gap = 0;
		while (gap < CALLER_GAP && frames.hasNext() && (callers == null || callers.size() < CALLERS)) {
			StackFrame frame = frames.next();
			if (this.kinds.get(frame.getDeclaringClass()).kind() == Kind.APPLICATION && hasSource(frame)) {
				callers = (callers != null) ? callers : new ArrayList<>(CALLERS);
				callers.add(line(frame));
				gap = 0;
			}
			else {
				gap++;
			}
		}
		return (callers != null) ? List.copyOf(callers) : List.of();
	}

	private static String line(StackFrame frame) {
		return frame.getFileName() + ":" + frame.getLineNumber();
	}

	/** What a frame of this class can be, by its name alone. */
	Kind classify(String className) {
		if (startsWithAny(className, this.skipped) || className.contains("$$")) {
			// The starter, the application's plumbing, and generated classes and proxies
			// ({@code …$$SpringCGLIB$$0}, {@code …$$Lambda}), which no one can open.
			return Kind.PASSED;
		}
		if (isApplication(className)) {
			return Kind.APPLICATION;
		}
		if (startsWithAny(className, JDBC_PLUMBING)) {
			return Kind.PASSED;
		}
		return startsWithAny(className, FRAMEWORKS) ? Kind.FRAMEWORK : Kind.OTHER;
	}

	private boolean isApplication(String className) {
		if (this.applicationPackages.isEmpty()) {
			return !startsWithAny(className, JDBC_PLUMBING) && !startsWithAny(className, FRAMEWORKS);
		}
		return startsWithAny(className, this.applicationPackages);
	}

	/**
	 * A frame someone can open: a real file and line. Spring Data's generated
	 * instantiators and accessors have neither.
	 */
	private static boolean hasSource(StackFrame frame) {
		String file = frame.getFileName();
		return file != null && !file.startsWith("<") && frame.getLineNumber() > 0;
	}

	private static boolean startsWithAny(String className, List<String> prefixes) {
		for (String prefix : prefixes) {
			if (className.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Where a statement was asked for.
	 *
	 * @param line the application's line, {@code File.java:123}, or what stands for it
	 * @param issuer the code between that line and the driver that sent the statement
	 * @param callers the application's lines that led to {@code line}, nearest first
	 */
	record CallSite(String line, DataAccess issuer, List<String> callers) {

		CallSite(String line, DataAccess issuer) {
			this(line, issuer, List.of());
		}

	}

	/**
	 * A class on the stack: what the walk does with it, and what it says of the issuer.
	 */
	private record Frame(Kind kind, DataAccess marks) {
	}

	/** What the walk does with a frame of a class. */
	enum Kind {

		/** The line a developer would change, if it has a source line. */
		APPLICATION,

		/**
		 * Outside the frameworks and the JDBC plumbing: the nearest frame worth naming.
		 */
		OTHER,

		/** A framework: named only when nothing else is. */
		FRAMEWORK,

		/** Never named: the JDK, the JDBC plumbing, skipped and generated classes. */
		PASSED

	}

	private static String describe(StackFrame frame) {
		return frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
				+ frame.getLineNumber() + ")";
	}

}
