package com.lotastro.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Derives hostile variants of every request the contract allows: one parameter or one body field at a time made
 * missing, null, of the wrong JSON type, empty, oversized, out of range, of an unknown enum value, an array holding
 * null, an object with an unknown member; and bodies that are not JSON or not sent as JSON. Everything comes from the
 * contract, so a new operation or field is probed without touching the test.
 */
public final class HostileRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 3;

    /** One request: what was changed, and how to send it. */
    public record Variant(String description, boolean mustBeRefused, Map<String, String> pathParams,
                          Map<String, String> queryParams, Map<String, String> headers, String contentType, String body) {

        public String uri(String pathTemplate) {
            String path = pathTemplate;
            for (Map.Entry<String, String> p : pathParams.entrySet()) {
                path = path.replace("{" + p.getKey() + "}", encode(p.getValue()));
            }
            if (queryParams.isEmpty()) {
                return path;
            }
            StringBuilder query = new StringBuilder();
            queryParams.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(encode(name)).append('=').append(encode(value)));
            return path + query;
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /** A field of a body: its JSON path (as segments) and the schema it must match. */
    private record Field(List<Object> path, Schema<?> schema, boolean required) {
        String name() {
            StringBuilder sb = new StringBuilder();
            for (Object segment : path) {
                if (segment instanceof Integer index) {
                    sb.append('[').append(index).append(']');
                } else {
                    sb.append(sb.isEmpty() ? "" : ".").append(segment);
                }
            }
            return sb.toString();
        }
    }

    private HostileRequests() {
    }

    public static List<Variant> of(Operation operation) {
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        for (Parameter p : parameters) {
            String valid = validParameter(p);
            switch (p.getIn()) {
                case "path" -> path.put(p.getName(), valid);
                case "query" -> {
                    if (Boolean.TRUE.equals(p.getRequired())) {
                        query.put(p.getName(), valid);
                    }
                }
                case "header" -> {
                    if (Boolean.TRUE.equals(p.getRequired()) || p.getName().equalsIgnoreCase("If-Match")) {
                        headers.put(p.getName(), valid);
                    }
                }
                default -> { }
            }
        }
        Optional<Schema<?>> bodySchema = bodySchema(operation);
        String validBody = bodySchema.map(schema -> write(validBody(operation, schema))).orElse(null);
        String contentType = validBody == null ? null : "application/json";
        Variant base = new Variant("", false, path, query, headers, contentType, validBody);

        List<Variant> variants = new ArrayList<>();
        for (Parameter p : parameters) {
            for (Map.Entry<String, String> bad : badParameterValues(p).entrySet()) {
                variants.add(withParameter(base, p, bad.getKey(), bad.getValue(), !bad.getKey().equals("empty") || emptyIsInvalid(p)));
            }
            if (Boolean.TRUE.equals(p.getRequired()) && !"path".equals(p.getIn())) {
                variants.add(withParameter(base, p, "missing", null, true));
            }
        }
        if (bodySchema.isPresent()) {
            JsonNode body = readTree(validBody);
            for (Field field : fields(bodySchema.get(), body)) {
                fieldVariants(base, body, field).stream().filter(java.util.Objects::nonNull).forEach(variants::add);
            }
            variants.addAll(bodyVariants(base, body));
        }
        return variants;
    }

    // ---------------------------------------------------------------- parameters

    private static String validParameter(Parameter p) {
        if (p.getExample() != null) {
            return String.valueOf(p.getExample());
        }
        Schema<?> schema = p.getSchema();
        if (schema != null && schema.getExample() != null) {
            return String.valueOf(schema.getExample());
        }
        return scalar(schema).asText();
    }

    private static Map<String, String> badParameterValues(Parameter p) {
        Schema<?> schema = p.getSchema();
        Map<String, String> bad = new LinkedHashMap<>();
        boolean header = "header".equals(p.getIn());
        if (!"path".equals(p.getIn())) {
            bad.put("empty", ""); // an empty path segment is another URL
        }
        bad.put("4,000 characters", "a".repeat(4000));
        if (!header) {
            // HTTP cannot carry these in a header value; in a path or query they arrive percent-encoded.
            bad.put("NUL byte", "a\u0000b");
            bad.put("control character", "a\u0007b");
            bad.put("longer than a URI may be", "a".repeat(5000));
        }
        if (schema == null) {
            return bad;
        }
        if (schema.getMaxLength() != null) {
            bad.put("over maxLength", "a".repeat(schema.getMaxLength() + 1));
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            bad.put("unknown enum value", "no_such_value");
        }
        String type = schema.getType() == null ? "string" : schema.getType();
        switch (type) {
            case "integer", "number" -> {
                bad.put("not a number", "abc");
                if ("integer".equals(type)) {
                    bad.put("a fraction", "1.5");
                }
                bad.put("negative", "-1");
                bad.put("huge", "99999999999999999999999");
                if (schema.getMaximum() != null) {
                    bad.put("over maximum", schema.getMaximum().add(BigDecimal.ONE).toPlainString());
                }
            }
            case "boolean" -> {
                bad.put("not a boolean", "maybe");
                bad.put("a number for a boolean", "1");
                bad.put("capitalized boolean", "TRUE");
            }
            default -> formatValues(schema.getFormat()).forEach(bad::put);
        }
        return bad;
    }

    private static Map<String, String> formatValues(String format) {
        Map<String, String> bad = new LinkedHashMap<>();
        if ("uuid".equals(format)) {
            bad.put("short UUID form", "1-1-1-1-1");
            bad.put("not a UUID", "not-a-uuid");
            bad.put("blank UUID", " ");
        } else if ("date-time".equals(format)) {
            bad.put("epoch seconds", "1700000000");
            bad.put("six-digit year", "+275760-09-13T00:00:00Z");
            bad.put("negative year", "-0001-01-01T00:00:00Z");
            bad.put("date for a date-time", "2026-11-21");
            bad.put("impossible date-time", "2026-13-45T99:00:00Z");
            bad.put("year before 1900", "0001-01-01T00:00:00Z");
        } else if ("date".equals(format)) {
            bad.put("date-time for a date", "2026-11-21T09:00:00Z");
            bad.put("negative year", "-0001-01-01");
            bad.put("compact date", "20261121");
            bad.put("year before 1900", "0001-01-01");
        }
        return bad;
    }

    /**
     * An empty query parameter ({@code ?limit=}) counts as not given; an empty header only where the contract
     * asks for at least one character.
     */
    private static boolean emptyIsInvalid(Parameter p) {
        return "header".equals(p.getIn()) && p.getSchema() != null && p.getSchema().getMinLength() != null
                && p.getSchema().getMinLength() > 0;
    }

    private static Variant withParameter(Variant base, Parameter p, String what, String value, boolean mustBeRefused) {
        Map<String, String> path = new LinkedHashMap<>(base.pathParams());
        Map<String, String> query = new LinkedHashMap<>(base.queryParams());
        Map<String, String> headers = new LinkedHashMap<>(base.headers());
        Map<String, String> target = switch (p.getIn()) {
            case "path" -> path;
            case "query" -> query;
            default -> headers;
        };
        if (value == null) {
            target.remove(p.getName());
        } else {
            target.put(p.getName(), value);
        }
        return new Variant(p.getIn() + " " + p.getName() + ": " + what, mustBeRefused, path, query, headers, base.contentType(), base.body());
    }

    // ---------------------------------------------------------------- bodies

    private static Optional<Schema<?>> bodySchema(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return Optional.empty();
        }
        MediaType json = operation.getRequestBody().getContent().get("application/json");
        return json == null ? Optional.empty() : Optional.ofNullable(json.getSchema());
    }

    private static JsonNode validBody(Operation operation, Schema<?> schema) {
        MediaType json = operation.getRequestBody().getContent().get("application/json");
        Object example = json.getExample();
        if (example == null && json.getExamples() != null && !json.getExamples().isEmpty()) {
            example = json.getExamples().values().iterator().next().getValue();
        }
        return example != null ? JSON.valueToTree(example) : valid(schema, 0);
    }

    private static JsonNode valid(Schema<?> schema, int depth) {
        schema = effective(schema);
        if (schema.getExample() != null) {
            return JSON.valueToTree(schema.getExample());
        }
        String type = typeOf(schema);
        if ("object".equals(type)) {
            ObjectNode node = NODES.objectNode();
            if (schema.getProperties() != null && depth < MAX_DEPTH) {
                schema.getProperties().forEach((name, property) -> node.set(name, valid(property, depth + 1)));
            }
            return node;
        }
        if ("array".equals(type)) {
            ArrayNode node = NODES.arrayNode();
            if (schema.getItems() != null && depth < MAX_DEPTH) {
                node.add(valid(schema.getItems(), depth + 1));
            }
            return node;
        }
        return scalar(schema);
    }

    private static JsonNode scalar(Schema<?> schema) {
        if (schema == null) {
            return NODES.textNode("x");
        }
        schema = effective(schema);
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return JSON.valueToTree(schema.getEnum().get(0));
        }
        String type = typeOf(schema);
        return switch (type) {
            case "integer" -> NODES.numberNode(schema.getMinimum() == null ? 1 : schema.getMinimum().intValue() + 1);
            case "number" -> NODES.numberNode(new BigDecimal("1.5"));
            case "boolean" -> NODES.booleanNode(true);
            default -> switch (String.valueOf(schema.getFormat())) {
                case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                case "date-time" -> NODES.textNode("2026-11-21T09:00:00Z");
                case "date" -> NODES.textNode("2026-11-21");
                case "email" -> NODES.textNode("someone@example.com");
                default -> NODES.textNode("x".repeat(Math.max(1, schema.getMinLength() == null ? 1 : schema.getMinLength())));
            };
        };
    }

    /** Every field the body may hold, at most {@value #MAX_DEPTH} levels deep, with the first element of arrays. */
    private static List<Field> fields(Schema<?> schema, JsonNode body) {
        List<Field> fields = new ArrayList<>();
        collect(effective(schema), body, new ArrayList<>(), fields, 0);
        return fields;
    }

    private static void collect(Schema<?> schema, JsonNode node, List<Object> path, List<Field> out, int depth) {
        if (depth >= MAX_DEPTH || schema == null) {
            return;
        }
        String type = typeOf(schema);
        if ("object".equals(type) && schema.getProperties() != null) {
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                List<Object> child = append(path, property.getKey());
                Schema<?> propertySchema = effective(property.getValue());
                out.add(new Field(child, propertySchema, required.contains(property.getKey())));
                JsonNode value = node == null ? null : node.get(property.getKey());
                collect(propertySchema, value, child, out, depth + 1);
            }
        } else if ("array".equals(type) && schema.getItems() != null && node != null && node.size() > 0) {
            List<Object> child = append(path, 0);
            Schema<?> items = effective(schema.getItems());
            out.add(new Field(child, items, true));
            collect(items, node.get(0), child, out, depth + 1);
        }
    }

    private static List<Variant> fieldVariants(Variant base, JsonNode body, Field field) {
        List<Variant> variants = new ArrayList<>();
        String name = field.name();
        Schema<?> schema = field.schema();
        String type = typeOf(schema);

        if (!(field.path().get(field.path().size() - 1) instanceof Integer)) {
            variants.add(bodyVariant(base, name + " missing", field.required(), body, field, parent -> ((ObjectNode) parent)
                    .remove((String) last(field))));
        }
        variants.add(set(base, name + " null", field.required() || isArrayElement(field), body, field, NODES.nullNode()));
        switch (type) {
            case "string" -> {
                variants.add(set(base, name + " as a number", true, body, field, NODES.numberNode(12345)));
                variants.add(set(base, name + " as a boolean", true, body, field, NODES.booleanNode(true)));
                variants.add(set(base, name + " as an object", true, body, field, NODES.objectNode()));
                variants.add(set(base, name + " empty", isStrictFormat(schema) || schema.getMinLength() != null, body, field, NODES.textNode("")));
                variants.add(set(base, name + " blank", isStrictFormat(schema), body, field, NODES.textNode(" ")));
                int length = schema.getMaxLength() == null ? 100_000 : schema.getMaxLength() + 1;
                variants.add(set(base, name + " oversized", schema.getMaxLength() != null, body, field, NODES.textNode("a".repeat(length))));
                variants.add(set(base, name + " with a NUL byte", isStrictFormat(schema), body, field, NODES.textNode("a\u0000b")));
                if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
                    variants.add(set(base, name + " unknown enum value", true, body, field, NODES.textNode("no_such_value")));
                }
                formatValues(schema.getFormat()).forEach((what, value) ->
                        variants.add(set(base, name + " " + what, true, body, field, NODES.textNode(value))));
            }
            case "integer", "number" -> {
                variants.add(set(base, name + " as a string", true, body, field, NODES.textNode("12.5")));
                variants.add(set(base, name + " as a boolean", true, body, field, NODES.booleanNode(true)));
                variants.add(set(base, name + " huge", true, body, field, NODES.numberNode(new BigDecimal("1e30"))));
                variants.add(set(base, name + " negative", schema.getMinimum() != null, body, field, NODES.numberNode(-1)));
                variants.add(set(base, name + " with many decimals", "integer".equals(type), body, field,
                        NODES.numberNode(new BigDecimal("1.123456789"))));
            }
            case "boolean" -> {
                variants.add(set(base, name + " as a string", true, body, field, NODES.textNode("true")));
                variants.add(set(base, name + " as a number", true, body, field, NODES.numberNode(1)));
            }
            case "array" -> {
                variants.add(set(base, name + " as a string", true, body, field, NODES.textNode("x")));
                variants.add(set(base, name + " as [null]", true, body, field, NODES.arrayNode().addNull()));
                variants.add(set(base, name + " empty", schema.getMinItems() != null && schema.getMinItems() > 0, body, field, NODES.arrayNode()));
            }
            case "object" -> {
                variants.add(set(base, name + " as a string", true, body, field, NODES.textNode("x")));
                variants.add(set(base, name + " as an array", true, body, field, NODES.arrayNode()));
                if (!Boolean.TRUE.equals(schema.getAdditionalProperties()) && !(schema.getAdditionalProperties() instanceof Schema)) {
                    variants.add(bodyVariant(base, name + " with an unknown member", true, body, field,
                            parent -> {
                                JsonNode target = child(parent, last(field));
                                if (target instanceof ObjectNode object) {
                                    object.put("no_such_field", 1);
                                }
                            }));
                }
            }
            default -> { }
        }
        return variants;
    }

    private static List<Variant> bodyVariants(Variant base, JsonNode body) {
        List<Variant> variants = new ArrayList<>();
        variants.add(withBody(base, "body: malformed JSON", "application/json", "{\"a\":"));
        variants.add(withBody(base, "body: trailing garbage", "application/json", base.body() + "}"));
        variants.add(withBody(base, "body: two JSON values", "application/json", base.body() + " {}"));
        variants.add(withBody(base, "body: JSON null", "application/json", "null"));
        variants.add(withBody(base, "body: an array", "application/json", "[" + base.body() + "]"));
        variants.add(withBody(base, "body: a string", "application/json", "\"x\""));
        variants.add(withBody(base, "body: empty", "application/json", ""));
        variants.add(withBody(base, "body: as text/plain", "text/plain", base.body()));
        variants.add(withBody(base, "body: as application/xml", "application/xml", "<a/>"));
        if (body instanceof ObjectNode object) {
            ObjectNode unknown = object.deepCopy();
            unknown.put("no_such_field", "x");
            variants.add(withBody(base, "body: an unknown member", "application/json", write(unknown)));
        }
        return variants;
    }

    private static Variant withBody(Variant base, String what, String contentType, String body) {
        return new Variant(what, true, base.pathParams(), base.queryParams(), base.headers(), contentType, body);
    }

    private static Variant set(Variant base, String what, boolean mustBeRefused, JsonNode body, Field field, JsonNode value) {
        return bodyVariant(base, what, mustBeRefused, body, field, parent -> {
            Object key = last(field);
            if (parent instanceof ObjectNode object) {
                object.set((String) key, value);
            } else if (parent instanceof ArrayNode array && (Integer) key < array.size()) {
                array.set((Integer) key, value);
            }
        });
    }

    private static Variant bodyVariant(Variant base, String what, boolean mustBeRefused, JsonNode body, Field field,
                                       Consumer<JsonNode> change) {
        JsonNode copy = body.deepCopy();
        JsonNode parent = copy;
        for (Object segment : field.path().subList(0, field.path().size() - 1)) {
            parent = parent == null ? null : child(parent, segment);
        }
        if (parent == null || !parent.isContainerNode()) {
            return null; // the valid body leaves this optional branch out
        }
        change.accept(parent);
        return new Variant("body " + what, mustBeRefused, base.pathParams(), base.queryParams(), base.headers(),
                base.contentType(), write(copy));
    }

    // ---------------------------------------------------------------- helpers

    private static boolean isStrictFormat(Schema<?> schema) {
        return schema.getFormat() != null && List.of("uuid", "date", "date-time").contains(schema.getFormat())
                || schema.getEnum() != null && !schema.getEnum().isEmpty();
    }

    private static boolean isArrayElement(Field field) {
        return last(field) instanceof Integer;
    }

    private static Object last(Field field) {
        return field.path().get(field.path().size() - 1);
    }

    private static JsonNode child(JsonNode parent, Object segment) {
        return segment instanceof Integer index ? parent.get(index) : parent.get((String) segment);
    }

    private static List<Object> append(List<Object> path, Object segment) {
        List<Object> copy = new ArrayList<>(path);
        copy.add(segment);
        return copy;
    }

    /** allOf of one schema (used to add a description to a $ref) is that schema; oneOf/anyOf probe the first. */
    @SuppressWarnings("rawtypes")
    private static Schema<?> effective(Schema<?> schema) {
        if (schema == null) {
            return null;
        }
        List<Schema> parts = schema.getAllOf() != null ? schema.getAllOf()
                : schema.getOneOf() != null ? schema.getOneOf()
                : schema.getAnyOf();
        if (parts != null && !parts.isEmpty() && schema.getProperties() == null) {
            return effective(parts.get(0));
        }
        return schema;
    }

    private static String typeOf(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().iterator().next();
        }
        return schema.getProperties() != null ? "object" : schema.getItems() != null ? "array" : "string";
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
