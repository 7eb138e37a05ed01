package com.lotastro.crm;

import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>}, where the key is the
 * base64-decoded part of a {@code whsec_} secret, and the timestamp at most five minutes off.
 */
public final class WebhookSignatures {
    public static final String SECRET_PREFIX = "whsec_";
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignatures() {
    }

    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    public static String sign(String secret, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses (401) unless one of the signatures was made with one of the secrets, at a timestamp close to now. */
    public static void verify(List<String> secrets, String id, String timestamp, String signatures, byte[] body, Instant now) {
        if (id == null || timestamp == null || signatures == null) {
            throw refused("webhook-id, webhook-timestamp and webhook-signature are required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw refused("webhook-timestamp must be Unix seconds");
        }
        if (Math.abs(seconds - now.getEpochSecond()) > TOLERANCE.toSeconds()) {
            throw refused("webhook-timestamp is more than 5 minutes off");
        }
        for (String secret : secrets) {
            byte[] expected = sign(secret, id, timestamp.trim(), body).getBytes(StandardCharsets.UTF_8);
            for (String given : signatures.trim().split(" +")) {
                if (MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
                    return;
                }
            }
        }
        throw refused("No signature matches the body with a current secret");
    }

    public static boolean isWellFormed(String secret) {
        try {
            return secret.startsWith(SECRET_PREFIX) && key(secret).length >= 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }

    private static ApiException refused(String detail) {
        return new ApiException(ErrorCode.INVALID_SIGNATURE, detail);
    }
}
