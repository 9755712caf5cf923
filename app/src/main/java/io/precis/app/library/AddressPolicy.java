package io.precis.app.library;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which network addresses the server may connect to when it fetches a URL on a user's behalf (SSRF protection).
 *
 * <p>Refused: unspecified ({@code 0.0.0.0/8}, {@code ::}), loopback ({@code 127.0.0.0/8}, {@code ::1}), private
 * ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}), shared address space / CGNAT ({@code 100.64/10}),
 * link-local ({@code 169.254/16}, {@code fe80::/10}), IETF protocol assignments ({@code 192.0.0/24}),
 * documentation and benchmarking ranges, multicast ({@code 224/4}, {@code ff00::/8}), reserved and broadcast
 * ({@code 240/4}), IPv6 unique-local ({@code fc00::/7}) and site-local ({@code fec0::/10}), discard-only, Teredo,
 * local-use NAT64, and IPv6 addresses that embed an IPv4 address (mapped, compatible, NAT64, 6to4), which are judged
 * by the IPv4 address inside.
 *
 * <p>An allowlist of networks (CIDR) lifts the refusal, for instance for loopback in tests or an intranet wiki; the
 * cloud metadata endpoints stay refused whatever the allowlist says.
 */
public final class AddressPolicy {
    /** Instance metadata services of the large clouds (AWS, GCP, Azure, Alibaba, Oracle, ECS tasks). */
    private static final Set<String> METADATA = Set.of("169.254.169.254", "169.254.170.2", "168.63.129.16",
            "100.100.100.200", "192.0.0.192", "fd00:ec2:0:0:0:0:0:254");
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata.goog",
            "metadata", "instance-data", "instance-data.ec2.internal");

    private final List<Cidr> allow;

    public AddressPolicy(List<String> allowCidrs) {
        this.allow = allowCidrs == null ? List.of() : allowCidrs.stream().filter(c -> c != null && !c.isBlank()).map(Cidr::parse).toList();
    }

    /** Nothing allowlisted: only public addresses. */
    public static AddressPolicy publicOnly() {
        return new AddressPolicy(List.of());
    }

    /** Why connecting to {@code address} is refused, or empty when it is allowed. */
    public Optional<String> refusal(InetAddress address) {
        String metadata = metadataReason(address);
        if (metadata != null) return Optional.of(metadata);
        String reason = classify(address);
        if (reason == null) return Optional.empty();
        for (Cidr cidr : allow) {
            if (cidr.contains(address)) return Optional.empty();
        }
        return Optional.of(reason);
    }

    /** Why a host name is refused before it is even resolved (cloud metadata names), or empty. */
    public Optional<String> refusal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        return METADATA_HOSTS.contains(h) ? Optional.of("a cloud metadata service") : Optional.empty();
    }

    private static String metadataReason(InetAddress address) {
        InetAddress v4 = embeddedIpv4(address);
        InetAddress a = v4 != null ? v4 : address;
        return METADATA.contains(a.getHostAddress().toLowerCase(Locale.ROOT).replaceAll("%.*$", ""))
                ? "a cloud metadata service" : null;
    }

    /** The reason an address is not public, or null when it is an ordinary public address. */
    static String classify(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) return classifyV4(b);
        if (address instanceof Inet6Address) return classifyV6(b);
        return "an address of unknown kind";
    }

    private static String classifyV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 0) return "an unspecified address (0.0.0.0/8)";
        if (a0 == 127) return "a loopback address";
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) return "a private address";
        if (a0 == 100 && (a1 & 0xc0) == 64) return "a shared (CGNAT) address";
        if (a0 == 169 && a1 == 254) return "a link-local address";
        if (a0 == 192 && a1 == 0 && a2 == 0) return "an IETF protocol address (192.0.0.0/24)";
        if ((a0 == 192 && a1 == 0 && a2 == 2) || (a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return "a documentation address";
        }
        if (a0 == 198 && (a1 == 18 || a1 == 19)) return "a benchmarking address (198.18.0.0/15)";
        if (a0 >= 224 && a0 <= 239) return "a multicast address";
        if (a0 >= 240) return "a reserved or broadcast address";
        return null;
    }

    private static String classifyV6(byte[] b) {
        InetAddress v4 = embeddedIpv4FromBytes(b);
        if (v4 != null) {
            String inner = classifyV4(v4.getAddress());
            if (isPrefix(b, new byte[12], 96)) {
                // ::a.b.c.d (IPv4-compatible, deprecated) and :: itself
                if (allZero(b)) return "an unspecified address (::)";
                if (b[15] == 1 && allZero(java.util.Arrays.copyOf(b, 15))) return "a loopback address";
                return "an IPv4-compatible IPv6 address";
            }
            return inner == null ? null : inner + " (inside an IPv6 address)";
        }
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 0xff) return "a multicast address";
        if ((a0 & 0xfe) == 0xfc) return "a unique-local address (fc00::/7)";
        if (a0 == 0xfe && (a1 & 0xc0) == 0x80) return "a link-local address";
        if (a0 == 0xfe && (a1 & 0xc0) == 0xc0) return "a site-local address";
        if (a0 == 0x01 && a1 == 0x00 && allZero(java.util.Arrays.copyOfRange(b, 2, 8))) return "a discard-only address (100::/64)";
        if (a0 == 0x20 && a1 == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) return "a documentation address";
        if (a0 == 0x20 && a1 == 0x01 && b[2] == 0 && b[3] == 0) return "a Teredo address";
        if (a0 == 0x00 && a1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && b[4] == 0 && b[5] == 1) {
            return "a local-use NAT64 address";
        }
        if (a0 == 0 && allZero(b)) return "an unspecified address (::)";
        return null;
    }

    /** The IPv4 address inside an IPv4-mapped, -compatible, NAT64 or 6to4 IPv6 address, or null. */
    static InetAddress embeddedIpv4(InetAddress address) {
        return address instanceof Inet6Address ? embeddedIpv4FromBytes(address.getAddress()) : null;
    }

    private static InetAddress embeddedIpv4FromBytes(byte[] b) {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};
        byte[] nat64 = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
        if (isPrefix(b, mapped, 96) || isPrefix(b, new byte[12], 96) || isPrefix(b, nat64, 96)) {
            return v4(b[12], b[13], b[14], b[15]);
        }
        if ((b[0] & 0xff) == 0x20 && b[1] == 0x02) return v4(b[2], b[3], b[4], b[5]); // 6to4
        return null;
    }

    private static InetAddress v4(byte a, byte b, byte c, byte d) {
        try {
            return InetAddress.getByAddress(new byte[]{a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isPrefix(byte[] address, byte[] prefix, int bits) {
        for (int i = 0; i < bits / 8; i++) {
            if (address[i] != prefix[i]) return false;
        }
        return true;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    /** A network in CIDR notation; a bare address is a network of one. */
    record Cidr(byte[] network, int bits) {
        static Cidr parse(String text) {
            String t = text.strip();
            int slash = t.indexOf('/');
            String host = slash < 0 ? t : t.substring(0, slash);
            if (!host.matches("[0-9a-fA-F:.\\[\\]%]+")) {
                throw new IllegalArgumentException("precis.library.fetch.allow: '" + text + "' is not an IP network (use CIDR, e.g. 10.0.0.0/8)");
            }
            byte[] address;
            try {
                address = InetAddress.getByName(host.replace("[", "").replace("]", "")).getAddress(); // a literal: no DNS
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("precis.library.fetch.allow: '" + text + "' is not an IP network", e);
            }
            int bits = slash < 0 ? address.length * 8 : Integer.parseInt(t.substring(slash + 1));
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("precis.library.fetch.allow: prefix length out of range in '" + text + "'");
            }
            return new Cidr(address, bits);
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                InetAddress v4 = embeddedIpv4(address);
                if (v4 == null || network.length != 4) return false;
                a = v4.getAddress();
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) return false;
            }
            int rest = bits % 8;
            if (rest == 0) return true;
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }
    }
}
