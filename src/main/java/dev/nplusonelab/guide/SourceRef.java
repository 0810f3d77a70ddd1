package dev.nplusonelab.guide;

/**
 * A tagged region of one of this application's source files.
 *
 * @param type the class whose file holds the region
 * @param tag the region's tag
 */
public record SourceRef(Class<?> type, String tag) {

	/** The file's path under {@code src/main/java}. */
	public String path() {
		Class<?> outer = this.type;
		while (outer.getEnclosingClass() != null) {
			outer = outer.getEnclosingClass();
		}
		return outer.getName().replace('.', '/') + ".java";
	}

}
