package io.shardhome.service.reseed;

import io.shardhome.directory.audit.AuditRecord;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.filter.rules.LinkRoles;
import io.shardhome.links.LinkStatusPublisher;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import io.shardhome.service.jobs.JobRecords;
import io.shardhome.service.security.Actors;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Re-seeds: {@code POST /api/v1/shards/{shard}/reseeds {"site": ...}} (admin; 202 with the re-seed's
 * Location, audited) rebuilds the shard's copy at that site from its home; {@code GET /api/v1/reseeds[/{id}]}
 * follows them from any instance. Refused (409 {@code RESEED_REFUSED} / {@code MOVE_IN_PROGRESS}) for the
 * shard's own home, a #LOCAL shard, a shard that moves, and while another re-seed of it at that site runs.
 */
@RestController
@RequestMapping("/api/v1")
class ReseedController {
    private final DirectoryAccess directory;
    private final JobRecords<ReseedRecord> records;

    ReseedController(DirectoryAccess directory, JobRecords<ReseedRecord> reseedRecords) {
        this.directory = directory;
        this.records = reseedRecords;
    }

    /** Where to rebuild the shard's copy. */
    record ReseedRequest(String site) {}

    @PostMapping("/shards/{shard}/reseeds")
    ResponseEntity<ReseedRecord> start(@PathVariable String shard, @RequestBody(required = false) ReseedRequest body) {
        String site = body == null || body.site() == null ? "" : body.site().strip();
        DirectorySnapshot snapshot = directory.snapshot();
        ShardEntry entry = refusal(snapshot, shard, site);
        String home = entry.home().value();
        String link = new LinkRoles(home, site).linkId();
        if (directory
                .linkStatuses()
                .read(LinkStatusPublisher.directoryKey(new LinkRoles(home, site)))
                .isEmpty()) {
            throw new ServiceException(
                    Code.LINK_NOT_READY,
                    "link " + link + " has not published a status, so no"
                            + " instance runs it; a re-seed runs where that link runs: start it and retry");
        }
        for (ReseedRecord other : records.list()) {
            if (!other.ended() && other.shard().equals(shard) && other.site().equals(site)) {
                throw new ServiceException(
                        Code.RESEED_REFUSED,
                        "re-seed " + other.id() + " of " + shard + " at " + site + " is " + other.state()
                                + "; follow it (GET /api/v1/reseeds/" + other.id() + ")");
            }
        }
        String actor = Actors.current();
        ReseedRecord reseed = ReseedRecord.requested(JobRecords.newId("reseed"), shard, site, home, link, actor);
        directory
                .storeFor(actor)
                .recordAction(
                        "shard.reseed",
                        "re-seed " + reseed.id() + ": rebuild the copy of " + shard + " at " + site + " from its home "
                                + home,
                        List.of(new AuditRecord.Change(
                                "shard:" + shard + "@" + site,
                                "copy at " + site,
                                "rebuilt from " + home + " (" + reseed.id() + ")")));
        records.create(reseed.id(), reseed);
        records.prune(ReseedHosting.HISTORY, ReseedRecord::ended);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/reseeds/" + reseed.id()))
                .body(reseed);
    }

    private static ShardEntry refusal(DirectorySnapshot snapshot, String shard, String site) {
        if (site.isEmpty()) {
            throw new ServiceException(Code.INVALID_INPUT, "name the site whose copy to rebuild: {\"site\": \"sjc\"}");
        }
        if (snapshot.site(site) == null) {
            throw new ServiceException(
                    Code.UNKNOWN_SITE, "site '" + site + "' is not registered; see GET /api/v1/sites");
        }
        ShardEntry entry = snapshot.entry(shard);
        if (entry == null) {
            throw new ServiceException(Code.SHARD_NOT_FOUND, "shard '" + shard + "' is not in the map; check the name");
        }
        if (entry.home().isLocal()) {
            throw new ServiceException(
                    Code.RESEED_REFUSED,
                    "shard " + shard + " is #LOCAL: it has no home to copy" + " from and no copies");
        }
        if (entry.home().isSite(site)) {
            throw new ServiceException(
                    Code.RESEED_REFUSED,
                    site + " is the home of " + shard + ", which takes its"
                            + " writes; a re-seed rebuilds a copy from the home. Name a copy site");
        }
        if (!entry.isPlain()) {
            throw new ServiceException(
                    Code.MOVE_IN_PROGRESS,
                    "shard " + shard + " is " + entry.state() + " towards " + entry.moveTarget()
                            + " (it moves); re-seed it once the move has ended");
        }
        return entry;
    }

    @GetMapping("/reseeds")
    List<ReseedRecord> list() {
        return records.list();
    }

    @GetMapping("/reseeds/{id}")
    ReseedRecord get(@PathVariable String id) {
        return records.read(id)
                .orElseThrow(() -> new ServiceException(
                        Code.NOT_FOUND,
                        "there is no re-seed '" + id + "' (the latest " + ReseedHosting.HISTORY
                                + " are kept); list them with GET /api/v1/reseeds"));
    }
}
