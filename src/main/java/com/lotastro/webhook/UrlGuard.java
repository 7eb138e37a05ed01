package com.lotastro.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhooks from reaching into our own network (SSRF): a URL must be https and every address its host resolves
 * to must be public, unless the host (or a CIDR holding its address) is in {@code lotastro.webhooks.allowed-hosts};
 * allowed hosts may use plain http. Checked when an endpoint is saved and again before every attempt, because DNS
 * answers change.
 */
@ApplicationScoped
public class UrlGuard {
    @Inject
    WebhookConfig config;

    /** Why the URL may not be called now, or empty when it may. A host that does not resolve is no refusal here. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!scheme.equals("https") && !scheme.equals("http") || host == null || !uri.isAbsolute()) {
            return Optional.of("must be an absolute https URL");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry credentials; the signature authenticates us");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return scheme.equals("https") || hostAllowed(host) ? Optional.empty() : Optional.of("must be https");
        }
        boolean allowed = hostAllowed(host) || addresses.length > 0 && List.of(addresses).stream().allMatch(this::addressAllowed);
        if (!scheme.equals("https") && !allowed) {
            return Optional.of("must be https (plain http only for hosts in LOTASTRO_WEBHOOKS_ALLOWED_HOSTS)");
        }
        if (!allowed) {
            for (InetAddress address : addresses) {
                if (isInternal(address)) {
                    return Optional.of("resolves to " + address.getHostAddress()
                            + ", a loopback, link-local or private address (allow it in LOTASTRO_WEBHOOKS_ALLOWED_HOSTS)");
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the host resolves at all, for the error of an attempt. */
    public static boolean resolves(String url) {
        try {
            InetAddress.getAllByName(URI.create(url).getHost());
            return true;
        } catch (UnknownHostException | IllegalArgumentException e) {
            return false;
        }
    }

    private boolean hostAllowed(String host) {
        String normalized = stripBrackets(host).toLowerCase(Locale.ROOT);
        return allowList().stream().anyMatch(entry -> !entry.contains("/") && stripBrackets(entry).equalsIgnoreCase(normalized));
    }

    private boolean addressAllowed(InetAddress address) {
        for (String entry : allowList()) {
            if (entry.contains("/") ? inCidr(address, entry) : entryMatchesAddress(entry, address)) {
                return true;
            }
        }
        return false;
    }

    private List<String> allowList() {
        return config.allowedHosts().orElse(List.of()).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean entryMatchesAddress(String entry, InetAddress address) {
        String literal = stripBrackets(entry);
        return (Character.isDigit(literal.charAt(0)) || literal.contains(":")) && literal.equalsIgnoreCase(address.getHostAddress());
    }

    static boolean inCidr(InetAddress address, String cidr) {
        try {
            String[] parts = cidr.split("/", 2);
            byte[] network = InetAddress.getByName(stripBrackets(parts[0])).getAddress();
            byte[] candidate = address.getAddress();
            if (network.length != candidate.length) {
                return false;
            }
            int bits = Integer.parseInt(parts[1].trim());
            int total = network.length * 8;
            if (bits < 0 || bits > total) {
                return false;
            }
            BigInteger mask = bits == 0 ? BigInteger.ZERO
                    : BigInteger.ONE.shiftLeft(total).subtract(BigInteger.ONE).shiftRight(total - bits).shiftLeft(total - bits);
            return new BigInteger(1, network).and(mask).equals(new BigInteger(1, candidate).and(mask));
        } catch (UnknownHostException | RuntimeException e) {
            return false;
        }
    }

    /** Loopback, link-local (cloud metadata lives there), private, carrier-grade NAT, unique-local, unspecified. */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] raw = address.getAddress();
        if (raw.length == 4) {
            int first = raw[0] & 0xff;
            int second = raw[1] & 0xff;
            return first == 0 || first == 100 && second >= 64 && second < 128 || first == 198 && (second == 18 || second == 19);
        }
        return (raw[0] & 0xfe) == 0xfc;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
