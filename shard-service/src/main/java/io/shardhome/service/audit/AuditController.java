package io.shardhome.service.audit;

import io.shardhome.directory.audit.AuditRecord;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.security.Actors;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit?limit=}: who changed what, newest first. */
@RestController
class AuditController {
    static final int MAX_LIMIT = 1000;

    private final DirectoryAccess directory;

    AuditController(DirectoryAccess directory) {
        this.directory = directory;
    }

    @GetMapping("/api/v1/audit")
    List<AuditRecord> audit(@RequestParam(defaultValue = "50") int limit) {
        int bounded = Math.max(1, Math.min(MAX_LIMIT, limit));
        return directory.storeFor(Actors.current()).auditTrail(bounded);
    }
}
