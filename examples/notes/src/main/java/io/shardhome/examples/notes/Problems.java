package io.shardhome.examples.notes;

import io.shardhome.directory.DirectoryException;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An unknown customer is a 404 naming it; other data access failures a 503 saying what happened. */
@RestControllerAdvice
class Problems {
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Map<String, String>> dataAccess(DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DirectoryException d && d.code() == DirectoryException.Code.UNKNOWN_SHARD) {
                return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", d.getMessage()));
            }
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("error", e.getMostSpecificCause().getMessage()));
    }
}
