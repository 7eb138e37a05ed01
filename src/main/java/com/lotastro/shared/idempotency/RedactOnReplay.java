package com.lotastro.shared.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fields (dotted paths) of the response left out when it is stored for Idempotency-Key replays: secrets shown once
 * must not be kept. A replay says what was created, without the secret.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RedactOnReplay {
    String[] value();
}
