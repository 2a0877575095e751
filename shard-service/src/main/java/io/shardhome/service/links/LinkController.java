package io.shardhome.service.links;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardhome.directory.audit.AuditRecord;
import io.shardhome.filter.rules.LinkRoles;
import io.shardhome.links.LinkStatusPublisher;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import io.shardhome.service.security.Actors;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/links[/{id}]}: the status each link publishes in the directory, so any instance can
 * answer for links running in another one, with its age and whether it is stale (its instance gone or
 * silent, see {@link LinkFreshness}). An id is {@code source->target} or {@code source.target}; a
 * malformed one is answered 400 {@code INVALID_INPUT}.
 */
@RestController
@RequestMapping("/api/v1/links")
class LinkController {
    private final DirectoryAccess directory;
    private final LinkHosting hosting;
    private final PublishedLinks published;
    private final LinkHistory history;

    LinkController(DirectoryAccess directory, LinkHosting hosting, PublishedLinks published, LinkHistory history) {
        this.directory = directory;
        this.hosting = hosting;
        this.published = published;
        this.history = history;
    }

    /** An operator's request, as accepted: the instance running the link applies it within a second. */
    record ControlBody(String id, String desired, String request) {}

    @PostMapping("/{id}/online")
    ResponseEntity<ControlBody> online(@PathVariable String id) {
        return control(id, LinkControl.Desired.ONLINE);
    }

    @PostMapping("/{id}/offline")
    ResponseEntity<ControlBody> offline(@PathVariable String id) {
        return control(id, LinkControl.Desired.OFFLINE);
    }

    private ResponseEntity<ControlBody> control(String id, LinkControl.Desired desired) {
        LinkRoles roles = LinkKeys.roles(id);
        String key = LinkStatusPublisher.directoryKey(roles);
        String canonical = roles.linkId();
        if (!hosting.configured().contains(canonical)
                && directory.linkStatuses().read(key).isEmpty()) {
            throw notFound(id);
        }
        LinkControl.Request request = hosting.control().request(key, desired);
        return ResponseEntity.accepted().body(new ControlBody(canonical, desired.name(), request.id()));
    }

    /** The transaction to skip: the one the link stopped at (its published {@code pendingErrorGtid}). */
    record SkipRequest(String gtid) {}

    /**
     * {@code POST /api/v1/links/{id}/skip}: skip exactly the transaction the OFFLINE:ERROR link stopped at and
     * resume; refused (409) for any other GTID. Recorded in the audit trail with what the transaction holds.
     */
    @PostMapping("/{id}/skip")
    ResponseEntity<ControlBody> skip(@PathVariable String id, @RequestBody(required = false) SkipRequest body) {
        String gtid = body == null || body.gtid() == null ? "" : body.gtid().strip();
        if (gtid.isEmpty()) {
            throw new ServiceException(
                    Code.INVALID_INPUT, "name the transaction to skip: {\"gtid\": \"<the link's pendingErrorGtid>\"}");
        }
        LinkRoles roles = LinkKeys.roles(id);
        JsonNode status = published.get(roles).orElseThrow(() -> notFound(id)).status();
        String state = status.path("state").asText();
        String pending = status.path("pendingErrorGtid").asText("");
        if (!"OFFLINE:ERROR".equals(state) || pending.isEmpty()) {
            throw new ServiceException(
                    Code.LINK_SKIP_REFUSED,
                    "link " + roles.linkId() + " is not stopped at a transaction (state " + state
                            + "); only the transaction a stopped link stopped at can be skipped");
        }
        if (!gtid.equals(pending)) {
            throw new ServiceException(
                    Code.LINK_SKIP_REFUSED,
                    "link " + roles.linkId() + " stopped at transaction " + pending + ", not " + gtid
                            + "; skip refuses any other transaction than the pending one");
        }
        String actor = Actors.current();
        String what = "shard " + status.path("pendingErrorShard").asText() + ", rows "
                + status.path("pendingTransaction").path("rows");
        directory
                .storeFor(actor)
                .recordAction(
                        "link.skip",
                        "skip transaction " + gtid + " of link " + roles.linkId() + " ("
                                + status.path("pendingError").asText() + "; " + what + ")",
                        List.of(new AuditRecord.Change(
                                "link:" + roles.linkId(),
                                "OFFLINE:ERROR at " + gtid + " "
                                        + status.path("pendingError").asText(),
                                "skip " + gtid + " (" + what + ")")));
        LinkControl.Request request = hosting.control().skip(LinkStatusPublisher.directoryKey(roles), gtid, actor);
        return ResponseEntity.accepted().body(new ControlBody(roles.linkId(), "SKIP " + gtid, request.id()));
    }

    @GetMapping
    List<LinkBody> list() {
        return published.all();
    }

    @GetMapping("/{id}")
    LinkBody get(@PathVariable String id) {
        return published.get(LinkKeys.roles(id)).orElseThrow(() -> notFound(id));
    }

    /**
     * {@code GET /api/v1/links/history?after=MILLIS}: each link's lag, state and freshness as this instance
     * sampled it from the published statuses over the last hour (samples taken after {@code after} only).
     */
    @GetMapping("/history")
    LinkHistory.Body history(@RequestParam(defaultValue = "0") long after) {
        return history.since(after);
    }

    private static ServiceException notFound(String id) {
        return new ServiceException(
                Code.LINK_NOT_FOUND,
                "no link '" + id + "' has published a status; check the id (source->target or source.target, see"
                        + " GET /api/v1/links) and that an instance configured to run it is up");
    }
}
