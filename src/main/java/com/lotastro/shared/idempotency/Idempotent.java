package com.lotastro.shared.idempotency;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A creating POST that honours Idempotency-Key. Sent with a key, it runs in one transaction: the key's claim, the
 * change, the answer built from it and the answer stored for replays commit together or not at all (see
 * {@link IdempotencyInterceptor}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {
}
