package dev.nplusonelab.sql;

import java.lang.StackWalker.StackFrame;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import dev.nplusonelab.query.Relations;
import dev.nplusonelab.store.Lazy;

/**
 * Where in the application a statement was asked for: the first frame of application code
 * on the stack, the line a developer would change.
 * <ul>
 * <li>Application code is a class of the application's packages with a source file and a
 * line. Spring Data generates instantiators and property accessors into the entities'
 * packages ({@code Book__Instantiator_…}, {@code …_Accessor_…}) without either, and a
 * CGLIB proxy ({@code …$$SpringCGLIB$$0}) reports a generated one: none of them is a line
 * anybody can change.</li>
 * <li>The lab's own plumbing is never a call site: the listeners, the capture, the query
 * layer and {@link Lazy}. The code that called the query layer is.</li>
 * <li>When no frame qualifies, it says so, and names the nearest frame outside the JDBC
 * plumbing instead, never {@code null}.</li>
 * </ul>
 * It runs once per statement, so it walks the stack lazily and stops at the first frame
 * that qualifies.
 */
final class CallSites {

	private static final StackWalker STACK = StackWalker.getInstance();

	/**
	 * What lies between the code that asked and the database: never a call site, and not
	 * the nearest frame worth naming either.
	 */
	private static final List<String> JDBC_PLUMBING = List.of("java.", "javax.", "jdk.", "sun.", "net.ttddyy.dsproxy.",
			"com.zaxxer.hikari.", "org.postgresql.");

	private static final List<String> LAB_PLUMBING = List.of(CallSites.class.getName(),
			StatementListener.class.getName(), ResultSetListener.class.getName(), SqlCapture.class.getName(),
			Relations.class.getPackageName() + ".", Lazy.class.getName());

	private final String applicationPackage;

	/**
	 * @param applicationPackage the package that holds the application's code, e.g.
	 * {@code com.example.shop}; its sub-packages belong to it too
	 */
	CallSites(String applicationPackage) {
		this.applicationPackage = applicationPackage.endsWith(".") ? applicationPackage : applicationPackage + ".";
	}

	/**
	 * The caller of the statement running now, as {@code File.java:123}, or
	 * {@code (no application frame; nearest: …)}.
	 */
	String current() {
		return STACK.walk(this::callSite);
	}

	String callSite(Stream<StackFrame> frames) {
		@Nullable StackFrame nearest = null;
		for (Iterator<StackFrame> iterator = frames.iterator(); iterator.hasNext();) {
			StackFrame frame = iterator.next();
			if (isLabPlumbing(frame.getClassName()) || !hasSource(frame)) {
				continue;
			}
			if (frame.getClassName().startsWith(this.applicationPackage)) {
				return frame.getFileName() + ":" + frame.getLineNumber();
			}
			if (nearest == null && !startsWithAny(frame.getClassName(), JDBC_PLUMBING)) {
				nearest = frame;
			}
		}
		return (nearest != null) ? "(no application frame; nearest: " + describe(nearest) + ")"
				: "(no application frame)";
	}

	/**
	 * A frame someone can open: a real file and line, not a generated class or proxy.
	 */
	private static boolean hasSource(StackFrame frame) {
		String file = frame.getFileName();
		return file != null && !file.startsWith("<") && frame.getLineNumber() > 0
				&& !frame.getClassName().contains("$$");
	}

	private static boolean isLabPlumbing(String className) {
		return startsWithAny(className, LAB_PLUMBING);
	}

	private static boolean startsWithAny(String className, List<String> prefixes) {
		for (String prefix : prefixes) {
			if (className.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static String describe(StackFrame frame) {
		return frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
				+ frame.getLineNumber() + ")";
	}

}
