package io.shardhome.service.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardhome.service.error.Problems;
import io.shardhome.service.error.ServiceException.Code;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Answers 401 and 403 as problem details with a code, like every other error of the API. */
final class ProblemSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final ObjectMapper json;

    ProblemSecurityHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"shardhome\"");
        write(
                response,
                Problems.of(
                        Code.UNAUTHENTICATED,
                        "this call needs credentials: send 'Authorization: Bearer <token>' with a configured token"
                                + " (or HTTP basic for a configured user); the token you sent, if any, is not known"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(
                response,
                Problems.of(
                        Code.FORBIDDEN,
                        request.getMethod() + " " + request.getRequestURI()
                                + " needs the admin role; your credentials have the reader role: use an admin token"));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
