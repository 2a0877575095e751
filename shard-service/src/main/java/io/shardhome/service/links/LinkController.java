package io.shardhome.service.links;

import io.shardhome.filter.rules.LinkRoles;
import io.shardhome.links.LinkStatusPublisher;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
