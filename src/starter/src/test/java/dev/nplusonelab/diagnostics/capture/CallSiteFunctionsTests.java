package dev.nplusonelab.diagnostics.capture;

import java.util.List;

import com.example.callsites.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The method behind a call site, noted by the walker for the trace: the class and method
 * of the frame it named, nothing for a line seen from two methods, nothing when the
 * walker was not asked to note them.
 */
class CallSiteFunctionsTests {

	@AfterEach
	void forget() {
		CallSiteFunctions.forget();
	}

	@Test
	void theWalkerNotesTheClassAndMethodOfTheFrameItNames() {
		CallSiteWalker walker = new CallSiteWalker(List.of("com.example.callsites"), List.of(), 256, true);

		String callSite = Caller.ask(() -> walker.current().line());

		assertThat(callSite).startsWith("Caller.java:");
		assertThat(CallSiteFunctions.of(callSite))
			.isEqualTo(new CallSiteFunctions.Function("com.example.callsites.Caller", "ask"));
		assertThat(CallSiteFunctions.of(callSite).qualifiedName()).isEqualTo("com.example.callsites.Caller.ask");
	}

	@Test
	void aWalkerNotToldToNoteThemNotesNothing() {
		CallSiteWalker walker = new CallSiteWalker(List.of("com.example.callsites"), List.of(), 256);

		String callSite = Caller.ask(() -> walker.current().line());

		assertThat(callSite).startsWith("Caller.java:");
		assertThat(CallSiteFunctions.of(callSite)).isNull();
	}

	@Test
	void aCallSiteSeenAgainFromTheSameMethodKeepsIt() {
		CallSiteFunctions.note("Owners.java:12", "com.example.a.Owners", "list");
		CallSiteFunctions.note("Owners.java:12", "com.example.a.Owners", "list");

		assertThat(CallSiteFunctions.of("Owners.java:12"))
			.isEqualTo(new CallSiteFunctions.Function("com.example.a.Owners", "list"));
	}

	/**
	 * Two classes of different packages in files of the same name: which one a finding's
	 * line is cannot be told, so none is named.
	 */
	@Test
	void aCallSiteSeenFromAnotherClassOrMethodNamesNone() {
		CallSiteFunctions.note("Owners.java:12", "com.example.a.Owners", "list");
		CallSiteFunctions.note("Owners.java:12", "com.example.b.Owners", "list");
		CallSiteFunctions.note("Owners.java:20", "com.example.a.Owners", "list");
		CallSiteFunctions.note("Owners.java:20", "com.example.a.Owners", "show");
		// Once ambiguous, always: the first again does not bring it back.
		CallSiteFunctions.note("Owners.java:12", "com.example.a.Owners", "list");

		assertThat(CallSiteFunctions.of("Owners.java:12")).isNull();
		assertThat(CallSiteFunctions.of("Owners.java:20")).isNull();
	}

	@Test
	void pastTheBoundNewCallSitesAreNotNoted() {
		for (int line = 1; line <= CallSiteFunctions.MAX_CALL_SITES; line++) {
			CallSiteFunctions.note("Owners.java:" + line, "com.example.a.Owners", "list");
		}
		CallSiteFunctions.note("Pets.java:1", "com.example.a.Pets", "list");

		assertThat(CallSiteFunctions.of("Owners.java:" + CallSiteFunctions.MAX_CALL_SITES)).isNotNull();
		assertThat(CallSiteFunctions.of("Pets.java:1")).isNull();
	}

	@Test
	void aCallSiteNeverSeenNamesNone() {
		assertThat(CallSiteFunctions.of("Owners.java:12")).isNull();
	}

}
