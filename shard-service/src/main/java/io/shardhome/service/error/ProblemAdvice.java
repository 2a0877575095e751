package io.shardhome.service.error;

import io.shardhome.directory.DirectoryException;
import io.shardhome.filter.ShardFilterException;
import io.shardhome.service.error.ServiceException.Code;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Answers every failure as an RFC 9457 problem with a stable {@code code}. */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ServiceException.class)
    ResponseEntity<ProblemDetail> service(ServiceException e) {
        if (e.code().status().is5xxServerError()) {
            log.error("request failed: {}", e.getMessage(), e);
        }
        return respond(Problems.of(e));
    }

    @ExceptionHandler(DirectoryException.class)
    ResponseEntity<ProblemDetail> directory(DirectoryException e) {
        return service(DirectoryErrors.translate(e));
    }

    @ExceptionHandler(ShardFilterException.class)
    ResponseEntity<ProblemDetail> invalidName(ShardFilterException e) {
        return respond(Problems.of(Code.INVALID_INPUT, e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure handling a request", e);
        return respond(Problems.of(
                Code.INTERNAL,
                "the service failed unexpectedly (" + e.getClass().getSimpleName()
                        + "); the server log has the details; retry, and report it if it persists"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<String> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage())
                .sorted()
                .toList();
        ProblemDetail problem =
                Problems.of(Code.INVALID_INPUT, "the request body is invalid: " + String.join("; ", errors));
        problem.setProperty("errors", errors);
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        Object actual = body == null && ex instanceof ErrorResponse error ? error.getBody() : body;
        Object withCode = actual instanceof ProblemDetail problem ? Problems.withCode(problem, Map.of()) : actual;
        return super.handleExceptionInternal(ex, withCode, headers, statusCode, request);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
