package dev.nplusonelab.diagnostics.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Who may see the diagnostics, by the socket's address: ranges are compared bit by bit,
 * also where a prefix ends inside a byte.
 */
class AllowedAddressesTests {

	/**
	 * {@code /20} ends four bits into the third byte: 10.1.16.0 to 10.1.31.255. Leaving
	 * the partial byte uncompared would admit all of 10.1.0.0/16.
	 */
	@Test
	void aPrefixThatEndsInsideAByteComparesThatBytesLeadingBits() {
		AllowedAddresses allowed = AllowedAddresses.parse(List.of("10.1.16.0/20"));

		assertThat(allowed.allows("10.1.16.0")).isTrue();
		assertThat(allowed.allows("10.1.31.255")).isTrue();
		assertThat(allowed.allows("10.1.0.7")).isFalse();
		assertThat(allowed.allows("10.1.15.255")).isFalse();
		assertThat(allowed.allows("10.1.32.0")).isFalse();
		assertThat(allowed.allows("10.2.16.1")).isFalse();
	}

	@Test
	void aPrefixOfOneBitSplitsTheAddressSpaceInTwo() {
		AllowedAddresses allowed = AllowedAddresses.parse(List.of("128.0.0.0/1"));

		assertThat(allowed.allows("200.1.2.3")).isTrue();
		assertThat(allowed.allows("127.255.255.255")).isFalse();
	}

	@Test
	void ipv6RangesEndingInsideAByteAreComparedTheSameWay() {
		AllowedAddresses allowed = AllowedAddresses.parse(List.of("2001:db8:8000::/33"));

		assertThat(allowed.allows("2001:db8:8000::1")).isTrue();
		assertThat(allowed.allows("2001:db8:ffff::1")).isTrue();
		assertThat(allowed.allows("2001:db8:7fff::1")).isFalse();
	}

	@Test
	void wholeBytePrefixesAndSingleAddresses() {
		AllowedAddresses allowed = AllowedAddresses.parse(List.of(" 203.0.113.0/24 ", "198.51.100.7", ""));

		assertThat(allowed.allows("203.0.113.200")).isTrue();
		assertThat(allowed.allows("203.0.114.1")).isFalse();
		assertThat(allowed.allows("198.51.100.7")).isTrue();
		assertThat(allowed.allows("198.51.100.8")).isFalse();
	}

	@Test
	void aZeroPrefixAdmitsEveryAddressOfItsFamilyOnly() {
		AllowedAddresses allowed = AllowedAddresses.parse(List.of("0.0.0.0/0"));

		assertThat(allowed.allows("192.0.2.1")).isTrue();
		assertThat(allowed.allows("2001:db8::1")).isFalse();
	}

	@Test
	void loopbackMeansThisMachineInBothFamilies() {
		AllowedAddresses allowed = AllowedAddresses.parse(List.of("LOOPBACK"));

		assertThat(allowed.allows("127.0.0.1")).isTrue();
		assertThat(allowed.allows("127.8.9.10")).isTrue();
		assertThat(allowed.allows("::1")).isTrue();
		assertThat(allowed.allows("[::1]")).isTrue();
		assertThat(allowed.allows("0:0:0:0:0:0:0:1%lo")).isTrue();
		assertThat(allowed.allows("192.0.2.1")).isFalse();
	}

	@Test
	void nothingIsAllowedWhenTheListIsEmpty() {
		AllowedAddresses allowed = AllowedAddresses.parse(List.of());

		assertThat(allowed.allows("127.0.0.1")).isFalse();
	}

	@Test
	void aStarAllowsAnyoneEvenWithoutAnAddress() {
		AllowedAddresses allowed = AllowedAddresses.parse(List.of("*"));

		assertThat(allowed.allows("192.0.2.1")).isTrue();
		assertThat(allowed.allows(null)).isTrue();
	}

	/** A name is never looked up, so it never matches, nor does garbage. */
	@Test
	void namesAndGarbageAreNeverAllowed() {
		AllowedAddresses allowed = AllowedAddresses.parse(List.of("loopback", "0.0.0.0/0"));

		assertThat(allowed.allows("localhost")).isFalse();
		assertThat(allowed.allows("")).isFalse();
		assertThat(allowed.allows(null)).isFalse();
		assertThat(allowed.allows("[]")).isFalse();
		assertThat(allowed.allows("%eth0")).isFalse();
	}

	@Test
	void entriesThatAreNotAddressesOrRangesAreRejectedWithTheEntry() {
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedAddresses.parse(List.of("intranet.example")))
			.withMessage("nplusone.web.allowed-addresses takes loopback, *, IP addresses and CIDR ranges, "
					+ "not 'intranet.example'");
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedAddresses.parse(List.of("10.0.0.0/33")))
			.withMessage("The prefix of '10.0.0.0/33' must be from 0 to 32");
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedAddresses.parse(List.of("10.0.0.0/-1")))
			.withMessage("The prefix of '10.0.0.0/-1' must be from 0 to 32");
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedAddresses.parse(List.of("10.0.0.0/x")))
			.withMessage("The prefix of '10.0.0.0/x' must be from 0 to 32");
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedAddresses.parse(List.of("::/129")))
			.withMessage("The prefix of '::/129' must be from 0 to 128");
		assertThat(AllowedAddresses.parse(List.of("::/128", "10.0.0.0/32", "::/0")).allows("::")).isTrue();
	}

}
