package io.shardhome.service.reseed;

import io.shardhome.directory.audit.AuditRecord;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.filter.rules.LinkRoles;
import io.shardhome.links.LinkStatusPublisher;
import io.shardhome.links.PublishedStatus;
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
        PublishedStatus link = linkStatus(home, site);
        if ("BINLOG_PURGED".equals(link.pendingError())) {
            throw new ServiceException(
                    Code.RESEED_REFUSED,
                    "link " + link.linkId() + " lost the binlog it needs"
                            + " (BINLOG_PURGED), so every shard homed at " + home + " must be copied to " + site
                            + " at one"
                            + " point and the link moved past the gap: shardhome shard reseed --all --from " + home
                            + " --site " + site + " (POST /api/v1/reseeds {\"site\":\"" + site + "\",\"from\":\"" + home
                            + "\"})");
        }
        ReseedRecord reseed = create(List.of(shard), site, home, link.linkId());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/reseeds/" + reseed.id()))
                .body(reseed);
    }

    /** A whole link's worth: every shard homed at {@code from} (or at each other site) re-seeded at {@code site}. */
    record LinkReseedRequest(String site, String from) {}

    /**
     * {@code POST /api/v1/reseeds {"site": "lon"[, "from": "nyc"]}}: re-seeds every shard homed at {@code from}
     * (or, without it, at every other site: seeding a site that joins) at {@code site}, one re-seed per link.
     * Also the repair of a link stopped with BINLOG_PURGED.
     */
    @PostMapping("/reseeds")
    ResponseEntity<List<ReseedRecord>> startAll(@RequestBody(required = false) LinkReseedRequest body) {
        String site = body == null || body.site() == null ? "" : body.site().strip();
        String from = body == null || body.from() == null ? "" : body.from().strip();
        DirectorySnapshot snapshot = directory.snapshot();
        requireSite(snapshot, site);
        if (!from.isEmpty()) {
            requireSite(snapshot, from);
        }
        if (from.equals(site)) {
            throw new ServiceException(
                    Code.RESEED_REFUSED,
                    site + " is the home of the shards named; a re-seed"
                            + " rebuilds copies: name another site to copy from, or none");
        }
        List<ReseedRecord> created = new java.util.ArrayList<>();
        for (String home : snapshot.sites().keySet()) {
            if (home.equals(site) || (!from.isEmpty() && !from.equals(home))) {
                continue;
            }
            List<String> shards = snapshot.sortedEntries().stream()
                    .filter(e -> e.home().isSite(home))
                    .peek(e -> requirePlain(e))
                    .map(ShardEntry::shardId)
                    .toList();
            if (!shards.isEmpty()) {
                created.add(create(shards, site, home, linkStatus(home, site).linkId()));
            }
        }
        if (created.isEmpty()) {
            throw new ServiceException(
                    Code.RESEED_REFUSED,
                    "no shard is homed at " + (from.isEmpty() ? "another site" : from)
                            + ", so there is nothing to copy to " + site);
        }
        return ResponseEntity.accepted().body(created);
    }

    private ReseedRecord create(List<String> shards, String site, String home, String link) {
        for (ReseedRecord other : records.list()) {
            if (!other.ended()
                    && other.site().equals(site)
                    && other.shards().stream().anyMatch(shards::contains)) {
                throw new ServiceException(
                        Code.RESEED_REFUSED,
                        "re-seed " + other.id() + " of " + other.shard()
                                + " at " + site + " is " + other.state() + "; follow it (GET /api/v1/reseeds/"
                                + other.id()
                                + ")");
            }
        }
        String actor = Actors.current();
        ReseedRecord reseed = ReseedRecord.requested(JobRecords.newId("reseed"), shards, site, home, link, actor);
        String named = String.join(", ", shards);
        directory
                .storeFor(actor)
                .recordAction(
                        "shard.reseed",
                        "re-seed " + reseed.id() + ": rebuild the copy of " + named + " at " + site + " from its home "
                                + home,
                        shards.stream()
                                .map(shard -> new AuditRecord.Change(
                                        "shard:" + shard + "@" + site,
                                        "copy at " + site,
                                        "rebuilt from " + home + " (" + reseed.id() + ")"))
                                .toList());
        records.create(reseed.id(), reseed);
        records.prune(ReseedHosting.HISTORY, ReseedRecord::ended);
        return reseed;
    }

    /** The status the link home->site publishes. @throws ServiceException {@code LINK_NOT_READY} when none */
    private PublishedStatus linkStatus(String home, String site) {
        LinkRoles roles = new LinkRoles(home, site);
        return directory
                .linkStatuses()
                .read(LinkStatusPublisher.directoryKey(roles), PublishedStatus.class)
                .orElseThrow(() -> new ServiceException(
                        Code.LINK_NOT_READY,
                        "link " + roles.linkId() + " has not"
                                + " published a status, so no instance runs it; a re-seed runs where that link runs: start it"
                                + " and retry"));
    }

    private static void requireSite(DirectorySnapshot snapshot, String site) {
        if (site.isEmpty()) {
            throw new ServiceException(Code.INVALID_INPUT, "name the site whose copy to rebuild: {\"site\": \"sjc\"}");
        }
        if (snapshot.site(site) == null) {
            throw new ServiceException(
                    Code.UNKNOWN_SITE, "site '" + site + "' is not registered; see GET /api/v1/sites");
        }
    }

    private static void requirePlain(ShardEntry entry) {
        if (!entry.isPlain()) {
            throw new ServiceException(
                    Code.MOVE_IN_PROGRESS,
                    "shard " + entry.shardId() + " is " + entry.state() + " towards " + entry.moveTarget()
                            + " (it moves); re-seed once the move has ended");
        }
    }

    private static ShardEntry refusal(DirectorySnapshot snapshot, String shard, String site) {
        requireSite(snapshot, site);
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
        requirePlain(entry);
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
