package io.shardhome.service.sites;

import io.shardhome.directory.site.Site;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import io.shardhome.service.moves.api.MoveGuard;
import io.shardhome.service.security.Actors;
import io.shardhome.service.web.IfMatch;
import io.shardhome.service.web.VersionedWrites;
import jakarta.validation.Valid;
import java.util.List;
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
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/sites}: the site registry (master endpoint, region, state). */
@RestController
@RequestMapping("/api/v1/sites")
class SiteController {
    private final DirectoryAccess directory;
    private final VersionedWrites writes;
    private final MoveGuard moves;

    SiteController(DirectoryAccess directory, VersionedWrites writes, MoveGuard moves) {
        this.directory = directory;
        this.writes = writes;
        this.moves = moves;
    }

    @GetMapping
    List<SiteBody> list() {
        return directory.snapshot().sites().values().stream().map(SiteBody::of).toList();
    }

    @GetMapping("/{site}")
    ResponseEntity<SiteBody> get(@PathVariable String site) {
        DirectorySnapshot snapshot = directory.snapshot();
        Site found = snapshot.site(site);
        if (found == null) {
            throw notFound(site);
        }
        return ResponseEntity.ok().eTag(IfMatch.etag(snapshot.version())).body(SiteBody.of(found));
    }

    @PutMapping("/{site}")
    ResponseEntity<SiteBody> put(
            @PathVariable String site,
            @Valid @RequestBody SiteRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Site wanted = request.toSite(site);
        DirectoryStore store = directory.storeFor(Actors.current());
        boolean[] created = new boolean[1];
        long version = writes.write(IfMatch.parse(ifMatch), required -> {
            long read = store.version();
            long expected = required.orElse(read);
            created[0] = store.site(site).isEmpty();
            return created[0] ? store.registerSite(wanted, expected) : store.updateSite(wanted, expected);
        });
        return ResponseEntity.status(created[0] ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag(IfMatch.etag(version))
                .body(SiteBody.of(wanted));
    }

    @DeleteMapping("/{site}")
    ResponseEntity<Void> delete(
            @PathVariable String site, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        DirectoryStore store = directory.storeFor(Actors.current());
        long version = writes.write(IfMatch.parse(ifMatch), required -> {
            long read = store.version();
            if (store.site(site).isEmpty()) {
                throw notFound(site);
            }
            moves.requireSiteNotMoving(site);
            return store.removeSite(site, required.orElse(read));
        });
        return ResponseEntity.noContent().eTag(IfMatch.etag(version)).build();
    }

    private static ServiceException notFound(String site) {
        return new ServiceException(
                Code.SITE_NOT_FOUND,
                "site '" + site + "' is not registered; check the name or register it with PUT /api/v1/sites/" + site);
    }
}
