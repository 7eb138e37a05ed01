package com.lotastro.shared;

import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path and query parameters never carry control characters (a NUL byte cannot even be stored): such a request is a
 * 400 {@code invalid_parameter} before anything runs, rather than a database error further in.
 */
public class ControlCharacterFilter {

    @ServerRequestFilter(preMatching = true)
    public void refuseControlCharacters(UriInfo uri) {
        check(uri.getPathParameters(), "path");
        check(uri.getQueryParameters(), "query parameter");
        String path = uri.getPath();
        if (hasControlCharacter(path)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The path contains a control character");
        }
    }

    private static void check(MultivaluedMap<String, String> parameters, String kind) {
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            boolean bad = hasControlCharacter(entry.getKey()) || entry.getValue().stream().anyMatch(ControlCharacterFilter::hasControlCharacter);
            if (bad) {
                throw new ApiException(ErrorCode.INVALID_PARAMETER,
                        "The " + kind + " " + printable(entry.getKey()) + " contains a control character");
            }
        }
    }

    /** Whether the text holds a C0 control character or DEL (tab included: no parameter of ours takes one). */
    public static boolean hasControlCharacter(String text) {
        return text != null && text.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    }

    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
