package dev.nplusonelab.guide;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Reads tagged regions of this application's own Java source, which the build copies onto
 * the classpath under {@code source/}. A region is marked the way Asciidoctor includes
 * are:
 *
 * <pre>
 * // tag::list[]
 * ...code shown in the lesson...
 * // end::list[]
 * </pre>
 *
 * What a lesson shows is therefore the code that runs, never a copy that can drift from
 * it.
 */
@Component
public class SourceSnippets {

	private static final Pattern MARKER = Pattern.compile("^\\s*// (tag|end)::[a-z0-9-]+\\[\\]\\s*$");

	private final Map<SourceRef, Snippet> cache = new ConcurrentHashMap<>();

	/** The region, dedented; fails if the file or the tag does not exist. */
	public Snippet get(SourceRef ref) {
		return this.cache.computeIfAbsent(ref, SourceSnippets::read);
	}

	private static Snippet read(SourceRef ref) {
		List<String> lines = lines(ref.path());
		String start = "// tag::" + ref.tag() + "[]";
		String end = "// end::" + ref.tag() + "[]";
		int from = -1;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).trim();
			if (line.equals(start)) {
				from = i + 1;
			}
			else if (line.equals(end) && from >= 0) {
				List<String> region = new ArrayList<>();
				for (String each : lines.subList(from, i)) {
					if (!MARKER.matcher(each).matches()) {
						region.add(each);
					}
				}
				return new Snippet(ref, from + 1, i, dedent(region));
			}
		}
		throw new IllegalStateException("No region tagged '" + ref.tag() + "' in " + ref.path());
	}

	private static List<String> lines(String path) {
		ClassPathResource resource = new ClassPathResource("source/" + path);
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Source file " + path + " is not on the classpath", ex);
		}
	}

	private static String dedent(List<String> lines) {
		int indent = lines.stream()
			.filter((line) -> !line.isBlank())
			.mapToInt((line) -> line.length() - line.stripLeading().length())
			.min()
			.orElse(0);
		StringBuilder code = new StringBuilder();
		for (String line : lines) {
			String stripped = line.isBlank() ? "" : line.substring(indent);
			code.append(stripped.replace("\t", "    ")).append('\n');
		}
		return code.toString().stripTrailing();
	}

	/**
	 * A tagged region of a source file.
	 *
	 * @param ref where it comes from
	 * @param firstLine its first line in the file, from 1
	 * @param lastLine its last line in the file
	 * @param code the region's text, dedented
	 */
	public record Snippet(SourceRef ref, int firstLine, int lastLine, String code) {

		/** {@code src/main/java/dev/nplusonelab/book/NaiveBookReader.java:42-60} */
		public String location() {
			return "src/main/java/" + this.ref.path() + ":" + this.firstLine + "-" + this.lastLine;
		}

	}

}
