package com.lotastro.shared.error;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Names a Bean Validation violation the way the caller wrote it: {@code rolls[0].meters} for a body field,
 * {@code limit} or {@code X-Actor} for a parameter.
 */
final class ValidationPaths {
    record Resolved(String field, boolean inBody) {
    }

    private ValidationPaths() {
    }

    static Resolved resolve(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        boolean inBody = true;
        String methodName = null;
        List<Class<?>> parameterTypes = List.of();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                methodName = node.getName();
                parameterTypes = node.as(Path.MethodNode.class).getParameterTypes();
            } else if (node.getKind() == ElementKind.PARAMETER) {
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                Optional<String> httpName = httpParameterName(violation.getRootBeanClass(), methodName, parameterTypes, index);
                inBody = httpName.isEmpty();
                httpName.ifPresent(field::append);
            } else {
                if (node.isInIterable()) {
                    field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                }
                String name = node.getName();
                if (name != null && !name.startsWith("<")) {
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(snakeCase(name));
                }
            }
        }
        return new Resolved(field.isEmpty() ? "body" : field.toString(), inBody);
    }

    /** JAX-RS annotations sit on the generated interface, not on the resource class that implements it. */
    private static Optional<String> httpParameterName(Class<?> resource, String methodName, List<Class<?>> types, int index) {
        if (resource == null || methodName == null) {
            return Optional.empty();
        }
        List<Class<?>> candidates = new java.util.ArrayList<>();
        for (Class<?> type = resource; type != null && type != Object.class; type = type.getSuperclass()) {
            candidates.add(type);
            candidates.addAll(List.of(type.getInterfaces()));
        }
        for (Class<?> type : candidates) {
            try {
                Method method = type.getMethod(methodName, types.toArray(Class<?>[]::new));
                Optional<String> name = Arrays.stream(method.getParameterAnnotations()[index])
                        .map(ValidationPaths::nameOf)
                        .flatMap(Optional::stream)
                        .findFirst();
                if (name.isPresent()) {
                    return name;
                }
            } catch (NoSuchMethodException e) {
                // not declared here; try the next candidate
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nameOf(Annotation a) {
        if (a instanceof QueryParam q) {
            return Optional.of(q.value());
        }
        if (a instanceof HeaderParam h) {
            return Optional.of(h.value());
        }
        if (a instanceof PathParam p) {
            return Optional.of(p.value());
        }
        return Optional.empty();
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
