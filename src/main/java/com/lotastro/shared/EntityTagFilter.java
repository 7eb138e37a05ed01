package com.lotastro.shared;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Sends {@code ETag: "<version>"} with every single resource that carries a version, so a client can send it back
 * in If-Match to change that resource safely.
 */
public class EntityTagFilter {
    private static final Map<Class<?>, Optional<Method>> VERSION_GETTERS = new ConcurrentHashMap<>();

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity == null || response.getStatus() >= 300 || response.getHeaders().containsKey("ETag")) {
            return;
        }
        Optional<Method> getter = VERSION_GETTERS.computeIfAbsent(entity.getClass(), EntityTagFilter::versionGetter);
        if (getter.isEmpty()) {
            return;
        }
        try {
            Object version = getter.get().invoke(entity);
            if (version != null) {
                response.getHeaders().putSingle("ETag", "\"" + version + "\"");
            }
        } catch (ReflectiveOperationException e) {
            // Not a versioned representation after all; no ETag.
        }
    }

    private static Optional<Method> versionGetter(Class<?> type) {
        if (!type.getPackageName().startsWith("com.lotastro.api.model")) {
            return Optional.empty();
        }
        try {
            Method getter = type.getMethod("getVersion");
            return Number.class.isAssignableFrom(getter.getReturnType()) ? Optional.of(getter) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }
}
