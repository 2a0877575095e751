package io.shardhome.service.consistency;

import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import io.shardhome.service.jobs.JobRecords;
import io.shardhome.service.security.Actors;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/checks}: ask for a consistency check of shards at their copies ({@code POST}, admin, 202
 * with the check's Location); follow it and read its result ({@code GET /{id}}) from any instance; the
 * latest checks ({@code GET}). The instances that run the links do the work.
 */
@RestController
@RequestMapping("/api/v1/checks")
class CheckController {
    private final DirectoryAccess directory;
    private final JobRecords<CheckRecord> records;

    CheckController(DirectoryAccess directory, JobRecords<CheckRecord> checkRecords) {
        this.directory = directory;
        this.records = checkRecords;
    }

    /** What to check: {@code shards} or {@code all}, at every copy or at {@code site}. */
    record CheckRequest(List<String> shards, Boolean all, String site) {}

    /** A check as the API shows it: its record plus the state and counts that follow from its parts. */
    record CheckBody(
            String id,
            String state,
            CheckRecord.Summary summary,
            String requestedBy,
            Instant requestedAt,
            List<String> shards,
            boolean all,
            String site,
            List<CheckRecord.CheckPart> parts) {
        static CheckBody of(CheckRecord r) {
            return new CheckBody(
                    r.id(),
                    r.state(),
                    r.summary(),
                    r.requestedBy(),
                    r.requestedAt(),
                    r.shards(),
                    r.all(),
                    r.site(),
                    r.parts());
        }
    }

    @PostMapping
    ResponseEntity<CheckBody> start(@RequestBody(required = false) CheckRequest request) {
        CheckRequest asked = request == null ? new CheckRequest(List.of(), false, "") : request;
        CheckRecord check = CheckPlanner.plan(
                directory.snapshot(),
                asked.shards(),
                Boolean.TRUE.equals(asked.all()),
                asked.site(),
                JobRecords.newId("check"),
                Actors.current());
        records.create(check.id(), check);
        records.prune(CheckHosting.HISTORY, CheckRecord::ended);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/checks/" + check.id()))
                .body(CheckBody.of(check));
    }

    @GetMapping
    List<CheckBody> list() {
        return records.list().stream().map(CheckBody::of).toList();
    }

    @GetMapping("/{id}")
    CheckBody get(@PathVariable String id) {
        return records.read(id)
                .map(CheckBody::of)
                .orElseThrow(() -> new ServiceException(
                        Code.NOT_FOUND,
                        "there is no check '" + id + "' (the latest " + CheckHosting.HISTORY
                                + " are kept); list them with GET /api/v1/checks"));
    }
}
