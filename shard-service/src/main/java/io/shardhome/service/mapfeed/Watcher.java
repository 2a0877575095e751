package io.shardhome.service.mapfeed;

import java.io.IOException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** One open stream and the map version its client holds. Confined to the feed's thread. */
final class Watcher {
    private final SseEmitter emitter;
    private long version;
    private boolean gone;

    Watcher(SseEmitter emitter, long version) {
        this.emitter = emitter;
        this.version = version;
    }

    long version() {
        return version;
    }

    SseEmitter emitter() {
        return emitter;
    }

    /** Sends one event; its data is one line of JSON. */
    void send(String event, String id, String json) throws IOException {
        SseEmitter.SseEventBuilder builder = SseEmitter.event().name(event).data(json);
        emitter.send(id == null ? builder : builder.id(id));
    }

    void holds(long newVersion) {
        version = newVersion;
    }

    /** True the first time: the stream is counted out once. */
    boolean markGone() {
        boolean first = !gone;
        gone = true;
        return first;
    }
}
