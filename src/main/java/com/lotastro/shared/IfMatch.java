package com.lotastro.shared;

import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;

/**
 * The one rule for changing a versioned resource: send {@code If-Match} with the version read (the resource's
 * {@code ETag}, e.g. {@code "3"}). Missing is a 428 {@code precondition_required}, not a version a 400
 * {@code invalid_parameter}, another version than the current one a 412 {@code stale_version}. Every PATCH follows it
 * ({@link IfMatchFilter} refuses a PATCH without the header before anything else is read).
 */
public final class IfMatch {
    public static final String HEADER = "If-Match";

    private IfMatch() {
    }

    /** The version the caller read, from its If-Match header ({@code "3"}, {@code W/"3"} or {@code 3}). */
    public static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(ErrorCode.PRECONDITION_REQUIRED, "Send If-Match with the version you read (the ETag)");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(ErrorCode.INVALID_PARAMETER, "If-Match must be a version such as \"3\"");
    }

    /** Refuses the change (412) unless the caller read the current version of the resource. */
    public static void requireCurrent(long expected, long current, String resource) {
        if (expected != current) {
            throw new ApiException(ErrorCode.STALE_VERSION, "The " + resource + " is at version " + current + ", not " + expected);
        }
    }

    /** Parses the header and checks it against the current version in one go. */
    public static void requireCurrent(String ifMatch, long current, String resource) {
        requireCurrent(expectedVersion(ifMatch), current, resource);
    }
}
