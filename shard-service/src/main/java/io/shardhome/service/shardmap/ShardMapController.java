package io.shardhome.service.shardmap;

import io.shardhome.directory.store.ImportMode;
import io.shardhome.directory.store.ImportResult;
import io.shardhome.directory.store.MapImporter;
import io.shardhome.filter.csv.CsvError;
import io.shardhome.filter.csv.ShardMapCsv;
import io.shardhome.filter.csv.ShardMapParseResult;
import io.shardhome.filter.map.ShardMap;
import io.shardhome.filter.map.ShardMapDiff;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.config.ShardhomeProperties;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import io.shardhome.service.grants.SiteGrants;
import io.shardhome.service.moves.api.MoveGuard;
import io.shardhome.service.security.Actors;
import io.shardhome.service.web.BoundedInputStream;
import io.shardhome.service.web.IfMatch;
import io.shardhome.service.web.VersionedWrites;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/shard-map}: the whole map as CSV. GET exports; PUT replaces; POST merges. An import is
 * all or nothing: a file with errors changes nothing and the 400 lists its errors with line and column (at
 * most {@code shardhome.shard-map-import.max-listed-errors}, with the total); a body over {@code
 * max-bytes} is a 413; shards a move owns cannot be changed (409). The CSV's {@code # version:} line is
 * informational; use If-Match to make an import conditional.
 */
@RestController
@RequestMapping("/api/v1/shard-map")
class ShardMapController {
    static final String TEXT_CSV = "text/csv";
    private static final String SOURCE = "request body";

    private final DirectoryAccess directory;
    private final VersionedWrites writes;
    private final MoveGuard moves;
    private final SiteGrants grants;
    private final ShardhomeProperties.ShardMapImport limits;

    ShardMapController(
            DirectoryAccess directory,
            VersionedWrites writes,
            MoveGuard moves,
            SiteGrants grants,
            ShardhomeProperties properties) {
        this.directory = directory;
        this.writes = writes;
        this.moves = moves;
        this.grants = grants;
        this.limits = properties.shardMapImport();
    }

    @GetMapping(produces = {TEXT_CSV, MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<String> export() {
        ShardMap map = directory.snapshot().shardMap();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(TEXT_CSV + ";charset=UTF-8"))
                .eTag(IfMatch.etag(map.version()))
                .body(ShardMapCsv.toCsv(map));
    }

    @PutMapping(consumes = {TEXT_CSV, MediaType.TEXT_PLAIN_VALUE})
    ImportBody replace(
            HttpServletRequest request,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return importMap(request, ImportMode.REPLACE, dryRun, IfMatch.parse(ifMatch));
    }

    @PostMapping(consumes = {TEXT_CSV, MediaType.TEXT_PLAIN_VALUE})
    ImportBody merge(
            HttpServletRequest request,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return importMap(request, ImportMode.MERGE, dryRun, IfMatch.parse(ifMatch));
    }

    /**
     * Imports as the CLI does: the body is read as strict UTF-8 (a byte that is not is an error with line and
     * column), within {@code shardhome.shard-map-import.max-bytes}; shards a move owns stay untouched (409).
     */
    private ImportBody importMap(HttpServletRequest request, ImportMode mode, boolean dryRun, IfMatch ifMatch) {
        ShardMap incoming = parse(body(request));
        MapImporter importer = new MapImporter(directory.storeFor(Actors.current()));
        if (dryRun) {
            ImportResult preview = importer.preview(incoming, mode);
            moves.requireNoneMoving(touched(preview.diff()));
            return ImportBody.of(preview, true, List.of());
        }
        ImportResult[] result = new ImportResult[1];
        writes.write(ifMatch, required -> {
            ImportResult preview = importer.preview(incoming, mode);
            moves.requireNoneMoving(touched(preview.diff()));
            result[0] = importer.importMap(incoming, mode, required.orElse(preview.baseVersion()));
            return result[0].newVersion();
        });
        List<String> warnings = result[0].applied() ? grants.apply(changes(result[0].diff())) : List.of();
        return ImportBody.of(result[0], false, warnings);
    }

    private ShardMapParseResult body(HttpServletRequest request) {
        long max = limits.maxBytes().toBytes();
        if (request.getContentLengthLong() > max) {
            throw tooLarge(request.getContentLengthLong(), max);
        }
        try (InputStream in = new BoundedInputStream(request.getInputStream(), max)) {
            return ShardMapCsv.parse(SOURCE, in);
        } catch (IOException e) {
            throw new ServiceException(
                    Code.INVALID_INPUT,
                    "reading the request body failed (" + e.getMessage() + "); send the CSV again",
                    Map.of(),
                    e);
        }
    }

    private static ServiceException tooLarge(long size, long max) {
        return new ServiceException(
                Code.PAYLOAD_TOO_LARGE,
                "the shard map is " + (size < 0 ? "more than " + max : size) + " bytes; at most " + max
                        + " are accepted"
                        + " (shardhome.shard-map-import.max-bytes): split it into merges or raise the limit");
    }

    ShardMap parse(ShardMapParseResult parsed) {
        if (parsed.isValid()) {
            return parsed.map();
        }
        List<CsvError> errors = parsed.errors();
        int listed = Math.min(errors.size(), limits.maxListedErrors());
        throw new ServiceException(
                Code.INVALID_MAP,
                "the shard map has " + errors.size() + " error(s)"
                        + (listed < errors.size() ? " (the first " + listed + " are listed)" : "")
                        + " and nothing was changed; fix every line listed in 'errors' and send it again",
                Map.of("errors", errors.subList(0, listed), "totalErrors", errors.size()),
                null);
    }

    private static List<String> touched(ShardMapDiff diff) {
        List<String> shards = new ArrayList<>();
        diff.removed().forEach(d -> shards.add(d.shardId()));
        diff.changed().forEach(c -> shards.add(c.shardId()));
        return shards;
    }

    private static List<SiteGrants.Change> changes(ShardMapDiff diff) {
        List<SiteGrants.Change> changes = new ArrayList<>();
        diff.added().forEach(d -> changes.add(new SiteGrants.Change(d.shardId(), d.home())));
        diff.changed().stream()
                .filter(c -> !c.before().home().equals(c.after().home()))
                .forEach(c ->
                        changes.add(new SiteGrants.Change(c.shardId(), c.after().home())));
        diff.removed().forEach(d -> changes.add(new SiteGrants.Change(d.shardId(), null)));
        return changes;
    }
}
