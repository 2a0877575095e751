package io.shardhome.service.links;

import io.shardhome.directory.zk.ZkCalls;
import io.shardhome.service.config.DirectoryAccess;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.zookeeper.KeeperException;

/**
 * Operators' online/offline requests for links, kept in ZooKeeper ({@code <root>/link-control/<key>}) so
 * they reach whichever instance runs the link and survive a takeover. A request is {@code ONLINE <n>}
 * or {@code OFFLINE <n>}; the counter {@code n} makes a repeated "online" visible, which is how a link
 * in OFFLINE:ERROR is asked to resume. Thread-safe.
 */
final class LinkControl {
    /** What an operator asked for. */
    enum Desired {
        ONLINE,
        OFFLINE
    }

    /** A request as stored: the desired state and the request's identity. */
    record Request(Desired desired, String id) {
        static final Request DEFAULT = new Request(Desired.ONLINE, "");

        static Request parse(String text) {
            String[] parts = text.trim().split(" ", 2);
            return new Request(Desired.valueOf(parts[0]), parts.length > 1 ? parts[1] : "");
        }

        String format() {
            return desired.name() + " " + id;
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
        Request request = new Request(desired, Long.toString(System.currentTimeMillis()));
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
