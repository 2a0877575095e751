package io.shardhome.service.error;

import io.shardhome.service.error.ServiceException.Code;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details that always carry a stable {@code code} property. Stateless. */
public final class Problems {
    public static final String CODE = "code";

    private Problems() {}

    public static ProblemDetail of(ServiceException e) {
        ProblemDetail problem = of(e.code(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    public static ProblemDetail of(Code code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        problem.setType(typeOf(code));
        problem.setProperty(CODE, code.name());
        return problem;
    }

    /** Adds a code to a problem Spring built for its own exceptions (bad JSON, wrong method...). */
    public static ProblemDetail withCode(ProblemDetail problem, Map<String, Object> extra) {
        Code code = codeFor(HttpStatusCode.valueOf(problem.getStatus()));
        problem.setType(typeOf(code));
        problem.setProperty(CODE, code.name());
        extra.forEach(problem::setProperty);
        return problem;
    }

    static Code codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> Code.INVALID_INPUT;
            case 401 -> Code.UNAUTHENTICATED;
            case 403 -> Code.FORBIDDEN;
            case 404 -> Code.NOT_FOUND;
            case 405 -> Code.METHOD_NOT_ALLOWED;
            case 406 -> Code.NOT_ACCEPTABLE;
            case 412 -> Code.VERSION_MISMATCH;
            case 413 -> Code.PAYLOAD_TOO_LARGE;
            case 415 -> Code.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> Code.DIRECTORY_UNAVAILABLE;
            default -> Code.INTERNAL;
        };
    }

    private static URI typeOf(Code code) {
        return URI.create(
                "urn:shardhome:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
