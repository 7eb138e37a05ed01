package com.lotastro.shared.error;

/** Answers again with a response stored earlier (e.g. a CRM event's first outcome), exactly as it was. */
public class StoredResponseException extends RuntimeException {
    private final int status;
    private final String body;
    private final String mediaType;

    public StoredResponseException(int status, String body, String mediaType) {
        super("stored response " + status, null, false, false);
        this.status = status;
        this.body = body;
        this.mediaType = mediaType;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    public String mediaType() {
        return mediaType;
    }
}
