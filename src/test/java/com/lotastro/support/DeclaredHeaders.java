package com.lotastro.support;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every response header of ours the API sends ({@code ETag}, {@code Idempotent-Replayed}, {@code Retry-After}) is
 * declared by the contract for that operation and status, so generated clients can read it. The schema validator
 * checks declared headers only; this checks the other way round.
 */
final class DeclaredHeaders implements Filter {
    private static final List<String> CHECKED = List.of("ETag", "Idempotent-Replayed", "Retry-After");

    private record Route(String method, Pattern path, int templates, Operation operation) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final Map<String, ApiResponse> sharedResponses;

    DeclaredHeaders(String spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI api = new OpenAPIV3Parser().read(spec, null, options);
        sharedResponses = api.getComponents().getResponses();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> routes.add(
                new Route(method.name(), Pattern.compile(path.replaceAll("\\{[^}]+}", "[^/]+")),
                        path.split("\\{", -1).length - 1, operation))));
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        Response answer = context.next(request, response);
        String path = URI.create(request.getURI()).getPath();
        Optional<Route> route = routes.stream()
                .filter(r -> r.method().equals(request.getMethod()) && r.path().matcher(path).matches())
                .min(Comparator.comparingInt(Route::templates));
        if (route.isEmpty()) {
            return answer;
        }
        for (String header : CHECKED) {
            if (answer.getHeader(header) != null && !declared(route.get().operation(), answer.statusCode(), header)) {
                throw new AssertionError(request.getMethod() + " " + path + " answered " + answer.statusCode() + " with "
                        + header + ", which the contract does not declare for " + route.get().operation().getOperationId()
                        + " " + answer.statusCode());
            }
        }
        return answer;
    }

    private boolean declared(Operation operation, int status, String header) {
        ApiResponse declared = Optional.ofNullable(operation.getResponses().get(String.valueOf(status)))
                .orElse(operation.getResponses().getDefault());
        if (declared != null && declared.get$ref() != null) {
            declared = sharedResponses.get(declared.get$ref().substring(declared.get$ref().lastIndexOf('/') + 1));
        }
        Map<String, ?> headers = declared == null || declared.getHeaders() == null ? Map.of() : declared.getHeaders();
        return headers.keySet().stream().anyMatch(header::equalsIgnoreCase);
    }
}
