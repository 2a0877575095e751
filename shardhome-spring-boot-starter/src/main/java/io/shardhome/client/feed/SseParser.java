package io.shardhome.client.feed;

import java.util.function.Consumer;

/**
 * Turns the lines of a {@code text/event-stream} into events (the server-sent events format: {@code
 * event:}, {@code data:} lines joined by newlines, {@code id:}, comments starting with {@code :}, an empty
 * line ends an event). Pure; one parser per stream, fed from one thread at a time.
 */
final class SseParser {
    /** One event; {@code name} is {@code message} when the stream named none. */
    record Event(String name, String id, String data) {}

    private final Consumer<Event> sink;
    private String name;
    private String id;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    SseParser(Consumer<Event> sink) {
        this.sink = sink;
    }

    void line(String line) {
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> name = value;
            case "id" -> id = value;
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            default -> {
                // "retry" and unknown fields: nothing this client uses
            }
        }
    }

    private void dispatch() {
        if (hasData) {
            sink.accept(new Event(name == null ? "message" : name, id, data.toString()));
        }
        name = null;
        id = null;
        data.setLength(0);
        hasData = false;
    }
}
