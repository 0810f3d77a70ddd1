/**
 * Detection: what a report means. The {@link NPlusOneDetector} finds potential N+1s,
 * duplicates, unbatched writes and large values, and asks the {@link FixSuggester}s for a
 * fix in the terms of the code that issued the statements; {@link SqlDiagnostics} adds
 * the rules a request broke. It knows nothing of the Servlet API.
 */
@NullMarked
package dev.nplusonelab.diagnostics.detect;

import org.jspecify.annotations.NullMarked;
