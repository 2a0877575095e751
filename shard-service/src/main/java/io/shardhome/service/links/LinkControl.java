package io.shardhome.service.links;

import io.shardhome.directory.zk.ZkCalls;
import io.shardhome.service.config.DirectoryAccess;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.zookeeper.KeeperException;

/**
 * Operators' online/offline/skip requests for links, kept in ZooKeeper ({@code <root>/link-control/<key>})
 * so they reach whichever instance runs the link and survive a takeover. A request is {@code ONLINE <n>},
 * {@code OFFLINE <n>} or {@code SKIP <n> <gtid> <by>}; the counter {@code n} makes a repeated request
 * visible, which is how a link in OFFLINE:ERROR is asked to resume (or to skip the transaction it stopped
 * at, and resume). Thread-safe.
 */
final class LinkControl {
    /** What an operator asked for. */
    enum Desired {
        ONLINE,
        OFFLINE,
        /** Online, skipping the one transaction the link stopped at. */
        SKIP
    }

    /** A request as stored: the desired state, the request's identity, and for a skip its GTID and author. */
    record Request(Desired desired, String id, String gtid, String by) {
        static final Request DEFAULT = new Request(Desired.ONLINE, "", "", "");

        static Request parse(String text) {
            String[] parts = text.trim().split(" ", 4);
            return new Request(
                    Desired.valueOf(parts[0]),
                    parts.length > 1 ? parts[1] : "",
                    parts.length > 2 ? parts[2] : "",
                    parts.length > 3 ? parts[3] : "");
        }

        String format() {
            return desired == Desired.SKIP
                    ? desired.name() + " " + id + " " + gtid + " " + by
                    : desired.name() + " " + id;
        }
    }

    private final DirectoryAccess directory;

    LinkControl(DirectoryAccess directory) {
        this.directory = directory;
    }

    /** The latest request for the link ({@link Request#DEFAULT}, online, when none was made). */
    Request current(String key) {
        String path = path(key);
        Optional<byte[]> data = ZkCalls.call("reading the control request of link " + key, () -> {
            try {
                return Optional.of(directory.client().getData().forPath(path));
            } catch (KeeperException.NoNodeException none) {
                return Optional.empty();
            }
        });
        return data.map(bytes -> Request.parse(new String(bytes, StandardCharsets.UTF_8)))
                .orElse(Request.DEFAULT);
    }

    /** Records a request; the instance running the link applies it within one publish interval. */
    Request request(String key, Desired desired) {
        return record(key, new Request(desired, Long.toString(System.currentTimeMillis()), "", ""));
    }

    /** Records a request to skip transaction {@code gtid} of a stopped link, made by {@code by}. */
    Request skip(String key, String gtid, String by) {
        return record(
                key, new Request(Desired.SKIP, Long.toString(System.currentTimeMillis()), gtid, by.replace(' ', '_')));
    }

    private Request record(String key, Request request) {
        byte[] data = request.format().getBytes(StandardCharsets.UTF_8);
        String path = path(key);
        ZkCalls.call("recording the control request of link " + key, () -> {
            try {
                directory.client().setData().forPath(path, data);
            } catch (KeeperException.NoNodeException first) {
                try {
                    directory.client().create().creatingParentsIfNeeded().forPath(path, data);
                } catch (KeeperException.NodeExistsException raced) {
                    directory.client().setData().forPath(path, data);
                }
            }
            return null;
        });
        return request;
    }

    private String path(String key) {
        return directory.layout().root() + "/link-control/" + key;
    }
}
