package io.shardhome.links;

/** The states of a link, as operators see them ({@link #label()}). */
public enum LinkState {
    /** Not replicating: not started, closed, or reconnecting after a transient fault. */
    OFFLINE("OFFLINE"),
    /** Connected to both masters and replicating. */
    ONLINE("ONLINE"),
    /** Stopped by a fatal error; see the pending error. Resumes by itself only for rule errors fixed by the map. */
    OFFLINE_ERROR("OFFLINE:ERROR");

    private final String label;

    LinkState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
