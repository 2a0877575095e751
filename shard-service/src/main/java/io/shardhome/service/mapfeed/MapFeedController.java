package io.shardhome.service.mapfeed;

import io.shardhome.directory.feed.MapChange;
import io.shardhome.directory.feed.MapFeedEvents;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/shard-map/changes?after=VERSION}: the map feed. As {@code text/event-stream} it
 * streams the changes since {@code after} and every later one (see {@link MapFeedEvents}), so a client
 * keeps a complete, current copy of the map without ZooKeeper; a client too far behind gets the whole map.
 * As JSON it answers the change since {@code after} at once (no waiting): for scripts and checks.
 */
@RestController
class MapFeedController {
    private final MapFeed feed;
    private final MapFeedProperties settings;
    private final DirectoryAccess directory;

    MapFeedController(MapFeed feed, MapFeedProperties settings, DirectoryAccess directory) {
        this.feed = feed;
        this.settings = settings;
        this.directory = directory;
    }

    @GetMapping(path = "/api/v1/shard-map/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(defaultValue = "0") long after) {
        requireVersion(after);
        SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
        if (!feed.watch(emitter, after)) {
            throw new ServiceException(
                    Code.TOO_MANY_WATCHERS,
                    "this instance already streams the map to " + settings.maxWatchers() + " watchers"
                            + " (shardhome.map-feed.max-watchers); connect to another instance or raise the limit",
                    Map.of("maxWatchers", settings.maxWatchers()),
                    null);
        }
        return emitter;
    }

    @GetMapping(path = "/api/v1/shard-map/changes", produces = MediaType.APPLICATION_JSON_VALUE)
    MapChange once(@RequestParam(defaultValue = "0") long after) throws Exception {
        requireVersion(after);
        MapChange change = feed.changeSince(after);
        if (change == null) {
            return new MapChange(after, after, false, List.of(), List.of(), List.of());
        }
        return change;
    }

    private void requireVersion(long after) {
        if (after < 0) {
            throw new ServiceException(
                    Code.INVALID_INPUT,
                    "after=" + after + " is not a map version; pass the version you hold (0 for none; the current"
                            + " one is " + directory.snapshot().version() + ")");
        }
    }
}
