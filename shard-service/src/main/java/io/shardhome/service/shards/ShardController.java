package io.shardhome.service.shards;

import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.filter.map.Names;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import io.shardhome.service.web.IfMatch;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/shards}: one shard's home and critical flag; ETag = map version. */
@RestController
@RequestMapping("/api/v1/shards")
class ShardController {
    private final DirectoryAccess directory;
    private final ShardWrites writes;

    ShardController(DirectoryAccess directory, ShardWrites writes) {
        this.directory = directory;
        this.writes = writes;
    }

    @GetMapping
    ShardPageBody list(
            @RequestParam(required = false) String home,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return new ShardQuery(home, q, page, size).apply(directory.snapshot());
    }

    @GetMapping("/{shard}")
    ResponseEntity<ShardBody> get(@PathVariable String shard) {
        DirectorySnapshot snapshot = directory.snapshot();
        ShardEntry entry = snapshot.entry(shard);
        if (entry == null) {
            throw ShardWrites.notFound(shard);
        }
        return ResponseEntity.ok().eTag(IfMatch.etag(snapshot.version())).body(ShardBody.of(entry));
    }

    @PutMapping("/{shard}")
    ResponseEntity<ShardBody> put(
            @PathVariable String shard,
            @Valid @RequestBody ShardRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        requireValidId(shard);
        boolean createOnly = "*".equals(ifNoneMatch == null ? null : ifNoneMatch.trim());
        ShardDefinition definition = ShardDefinition.of(shard, request.home().trim(), request.criticalOrDefault());
        ShardWrites.Upserted result = writes.upsert(definition, IfMatch.parse(ifMatch), createOnly);
        ShardEntry entry = directory.snapshot().entry(shard);
        ShardBody body = (entry != null ? ShardBody.of(entry) : ShardBody.of(ShardEntry.active(definition)))
                .withWarnings(result.warnings());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag(IfMatch.etag(result.version()))
                .body(body);
    }

    @DeleteMapping("/{shard}")
    ResponseEntity<Void> delete(
            @PathVariable String shard, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = writes.delete(shard, IfMatch.parse(ifMatch));
        return ResponseEntity.noContent().eTag(IfMatch.etag(version)).build();
    }

    private static void requireValidId(String shard) {
        Names.shardIdProblem(shard).or(() -> Names.reservedSchemaProblem(shard)).ifPresent(problem -> {
            throw new ServiceException(Code.INVALID_INPUT, problem);
        });
    }
}
