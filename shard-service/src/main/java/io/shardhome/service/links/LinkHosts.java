package io.shardhome.service.links;

import io.shardhome.directory.zk.ZkCalls;
import io.shardhome.service.config.DirectoryAccess;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.zookeeper.KeeperException;

/**
 * Which running instances offer to run a link: the participants of its leader election ({@code
 * <root>/link-leaders/<key>}, ephemeral nodes of Curator's leader latch, gone with their instance's
 * ZooKeeper session), and the one running it (the lowest sequence number). Reads only. Thread-safe.
 */
final class LinkHosts {
    private final DirectoryAccess directory;

    LinkHosts(DirectoryAccess directory) {
        this.directory = directory;
    }

    /** The instances in the link's election, leader first (their instance ids), empty when none runs. */
    List<String> of(String key) {
        String path = directory.layout().root() + "/link-leaders/" + key;
        return ZkCalls.call("reading the leader election of link " + key, () -> {
            List<String> children;
            try {
                children = directory.client().getChildren().forPath(path);
            } catch (KeeperException.NoNodeException none) {
                return List.of();
            }
            return children.stream()
                    .sorted(Comparator.comparing(LinkHosts::sequence))
                    .map(child -> instanceId(path + "/" + child))
                    .flatMap(Optional::stream)
                    .toList();
        });
    }

    private Optional<String> instanceId(String node) {
        try {
            return Optional.of(new String(directory.client().getData().forPath(node), StandardCharsets.UTF_8));
        } catch (KeeperException.NoNodeException left) {
            return Optional.empty();
        } catch (Exception e) {
            throw ZkCalls.translate("reading " + node, e);
        }
    }

    /** The sequence suffix Curator's leader latch gives its nodes ({@code ...latch-0000000007}). */
    private static String sequence(String child) {
        int dash = child.lastIndexOf('-');
        return dash < 0 ? child : child.substring(dash + 1);
    }
}
