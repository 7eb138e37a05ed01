package com.lotastro.shared.idempotency;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Carries a request's Idempotency-Key from the filter that reads it to the interceptor that claims it, and the exact
 * answer back to the filter that sends it.
 */
@RequestScoped
public class IdempotentRequest {
    /** The key, a fingerprint of the request it was sent with, and the path problems name as their instance. */
    public record Key(String value, String fingerprint, String path) {
    }

    private Key key;
    private StoredResponse answer;
    private boolean replayed;

    public void keyed(Key key) {
        this.key = key;
    }

    public Optional<Key> key() {
        return Optional.ofNullable(key);
    }

    public void answerWith(StoredResponse answer, boolean replayed) {
        this.answer = answer;
        this.replayed = replayed;
    }

    public Optional<StoredResponse> answer() {
        return Optional.ofNullable(answer);
    }

    public boolean replayed() {
        return replayed;
    }
}
