package dev.nplusonelab.diagnostics.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The remote addresses that may see what a request ran
 * ({@code nplusone.web.allowed-addresses}): {@code loopback}, literal IP addresses, CIDR
 * ranges, or {@code *}. Only literals are accepted, so that checking an address never
 * asks a name server.
 */
final class AllowedAddresses {

	private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

	private final boolean everyone;

	private final boolean loopback;

	private final List<Range> ranges;

	private AllowedAddresses(boolean everyone, boolean loopback, List<Range> ranges) {
		this.everyone = everyone;
		this.loopback = loopback;
		this.ranges = ranges;
	}

	static AllowedAddresses parse(List<String> entries) {
		boolean everyone = false;
		boolean loopback = false;
		List<Range> ranges = new ArrayList<>();
		for (String raw : entries) {
			String entry = raw.strip().toLowerCase(Locale.ROOT);
			if (entry.isEmpty()) {
				continue;
			}
			if (entry.equals("*")) {
				everyone = true;
			}
			else if (entry.equals("loopback")) {
				loopback = true;
			}
			else {
				ranges.add(Range.parse(entry));
			}
		}
		return new AllowedAddresses(everyone, loopback, List.copyOf(ranges));
	}

	boolean allows(@Nullable String remoteAddress) {
		if (this.everyone) {
			return true;
		}
		InetAddress address = literal(remoteAddress);
		if (address == null) {
			return false;
		}
		if (this.loopback && address.isLoopbackAddress()) {
			return true;
		}
		for (Range range : this.ranges) {
			if (range.contains(address)) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable InetAddress literal(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String address = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
		int zone = address.indexOf('%');
		if (zone >= 0) {
			address = address.substring(0, zone);
		}
		if (address.isEmpty() || !LITERAL.matcher(address).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(address);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private record Range(byte[] network, int prefix) {

		static Range parse(String entry) {
			int slash = entry.indexOf('/');
			String address = (slash < 0) ? entry : entry.substring(0, slash);
			InetAddress network = literal(address);
			if (network == null) {
				throw new IllegalArgumentException(
						"nplusone.web.allowed-addresses takes loopback, *, IP addresses and CIDR ranges, not '" + entry
								+ "'");
			}
			int bits = network.getAddress().length * 8;
			int prefix;
			try {
				prefix = (slash < 0) ? bits : Integer.parseInt(entry.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				prefix = -1;
			}
			if (prefix < 0 || prefix > bits) {
				throw new IllegalArgumentException("The prefix of '" + entry + "' must be from 0 to " + bits);
			}
			return new Range(network.getAddress(), prefix);
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != this.network.length) {
				return false;
			}
			int full = this.prefix / 8;
			for (int i = 0; i < full; i++) {
				if (bytes[i] != this.network[i]) {
					return false;
				}
			}
			int rest = this.prefix % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xFF << (8 - rest)) & 0xFF;
			return (bytes[full] & mask) == (this.network[full] & mask);
		}

	}

}
