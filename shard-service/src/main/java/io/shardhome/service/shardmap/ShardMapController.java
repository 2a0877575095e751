package io.shardhome.service.shardmap;

import io.shardhome.directory.store.ImportMode;
import io.shardhome.directory.store.ImportResult;
import io.shardhome.directory.store.MapImporter;
import io.shardhome.filter.csv.CsvError;
import io.shardhome.filter.csv.ShardMapCsv;
import io.shardhome.filter.csv.ShardMapParseResult;
import io.shardhome.filter.map.ShardMap;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import io.shardhome.service.security.Actors;
import io.shardhome.service.web.IfMatch;
import io.shardhome.service.web.VersionedWrites;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/shard-map}: the whole map as CSV. GET exports; PUT replaces; POST merges. An import is
 * all or nothing: a file with errors changes nothing and the 400 lists every error with line and column.
 * The CSV's {@code # version:} line is informational; use If-Match to make an import conditional.
 */
@RestController
@RequestMapping("/api/v1/shard-map")
class ShardMapController {
    static final String TEXT_CSV = "text/csv";
    private static final String SOURCE = "request body";

    private final DirectoryAccess directory;
    private final VersionedWrites writes;

    ShardMapController(DirectoryAccess directory, VersionedWrites writes) {
        this.directory = directory;
        this.writes = writes;
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
            @RequestBody(required = false) String csv,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return importMap(csv, ImportMode.REPLACE, dryRun, IfMatch.parse(ifMatch));
    }

    @PostMapping(consumes = {TEXT_CSV, MediaType.TEXT_PLAIN_VALUE})
    ImportBody merge(
            @RequestBody(required = false) String csv,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return importMap(csv, ImportMode.MERGE, dryRun, IfMatch.parse(ifMatch));
    }

    private ImportBody importMap(String csv, ImportMode mode, boolean dryRun, IfMatch ifMatch) {
        ShardMap incoming = parse(csv == null ? "" : csv);
        MapImporter importer = new MapImporter(directory.storeFor(Actors.current()));
        if (dryRun) {
            return ImportBody.of(importer.preview(incoming, mode), true);
        }
        ImportResult[] result = new ImportResult[1];
        writes.write(ifMatch, required -> {
            long expected = required.orElseGet(
                    () -> directory.storeFor(Actors.current()).version());
            result[0] = importer.importMap(incoming, mode, expected);
            return result[0].newVersion();
        });
        return ImportBody.of(result[0], false);
    }

    static ShardMap parse(String csv) {
        ShardMapParseResult parsed = ShardMapCsv.parse(SOURCE, csv);
        if (parsed.isValid()) {
            return parsed.map();
        }
        List<CsvError> errors = parsed.errors();
        throw new ServiceException(
                Code.INVALID_MAP,
                "the shard map has " + errors.size() + " error(s) and nothing was changed; fix every line listed in"
                        + " 'errors' and send it again",
                Map.of("errors", errors),
                null);
    }
}
