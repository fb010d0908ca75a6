package io.github.metacommerce.admin.system;

import io.github.metacommerce.exception.ErrorCategory;
import io.github.metacommerce.exception.MetaCommerceException;
import io.github.metacommerce.exception.RateLimitException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * One place that turns every failure of a REST route into the contract's JSON shape
 * {@code {"error", "category", "code"}} (plus {@code "field"} for bad input), with a fitting status and never a
 * stack trace or a secret in the answer.
 */
@RestControllerAdvice(basePackages = "io.github.metacommerce.admin")
class ErrorHandling {
    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e) {
        return body(e.status(), e.getMessage(), e.category(), e.code(), e.field());
    }

    @ExceptionHandler(MetaCommerceException.class)
    ResponseEntity<Map<String, Object>> meta(MetaCommerceException e) {
        // The SDK's messages are already free of tokens; they say what Meta answered.
        ErrorCategory category = e.category();
        log.warn("Meta call failed: {} ({})", e.getMessage(), category);
        HttpStatus status = e instanceof RateLimitException ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.BAD_GATEWAY;
        ResponseEntity<Map<String, Object>> answer = body(status, ApiException.merchantMessage(e), ApiException.categoryOf(category),
                "meta_" + category.name().toLowerCase(), Optional.empty());
        if (e instanceof RateLimitException rate && rate.retryAfter().isPresent()) {
            return ResponseEntity.status(status)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, rate.retryAfter().get().toSeconds())))
                    .body(answer.getBody());
        }
        return answer;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimit.TooLarge) {
                return body(HttpStatus.CONTENT_TOO_LARGE, t.getMessage(), "unknown_error", "payload_too_large",
                        Optional.empty());
            }
        }
        Optional<String> field = jsonPath(e);
        String message = field.map(f -> "Field '" + f + "' has the wrong type or format.")
                .orElse("The request body is missing or is not valid JSON.");
        return body(HttpStatus.BAD_REQUEST, message, "unknown_error",
                field.isPresent() ? "invalid_field" : "malformed_json", field);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, "Parameter '" + e.getName() + "' has the wrong type or format.",
                "unknown_error", "invalid_parameter", Optional.of(e.getName()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e) {
        return body(HttpStatus.BAD_REQUEST, "Parameter '" + e.getParameterName() + "' is required.",
                "unknown_error", "missing_parameter", Optional.of(e.getParameterName()));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Map<String, Object>> missingHeader(MissingRequestHeaderException e) {
        return body(HttpStatus.BAD_REQUEST, "Header '" + e.getHeaderName() + "' is required.",
                "unknown_error", "missing_header", Optional.of(e.getHeaderName()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        String supported = e.getSupportedMediaTypes().stream().map(Object::toString)
                .collect(Collectors.joining(", "));
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as " + supported + ".", "unknown_error",
                "unsupported_media_type", Optional.empty());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return body(HttpStatus.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not allowed here.",
                "unknown_error", "method_not_allowed", Optional.empty());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        return body(HttpStatus.CONTENT_TOO_LARGE, "The upload is larger than the server accepts.",
                "unknown_error", "payload_too_large", Optional.of("file"));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, Object>> multipart(MultipartException e) {
        return body(HttpStatus.BAD_REQUEST, "The upload could not be read as multipart/form-data.",
                "unknown_error", "invalid_multipart", Optional.empty());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException e) {
        return body(HttpStatus.NOT_FOUND, "No such route.", "unknown_error", "not_found", Optional.empty());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected failure, error id {}", errorId, e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on the server (error id " + errorId
                + ").", "unknown_error", "internal_error", Optional.empty());
    }

    static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message, String category, String code,
            Optional<String> field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("category", category);
        body.put("code", code);
        field.ifPresent(f -> body.put("field", f));
        return ResponseEntity.status(status).body(body);
    }

    private static Optional<String> jsonPath(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                String path = jackson.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."))
                        .replace(".[", "[");
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }
}
