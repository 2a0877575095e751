package io.shardhome.directory.zk;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.ACL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts one ACL on every znode of a tree, for trees created before their ACLs were tightened (or with
 * none): znodes created earlier keep the ACL they were created with until someone sets a new one.
 * Thread-safe; stateless.
 */
public final class TreeAcls {
    private static final Logger LOG = LoggerFactory.getLogger(TreeAcls.class);

    private TreeAcls() {}

    /**
     * Sets {@code acl} on {@code root} and every znode below it whose ACL differs (order aside); znodes that
     * vanish meanwhile (ephemeral leader-election nodes) are skipped.
     *
     * @return how many znodes got the new ACL
     * @throws io.shardhome.directory.DirectoryException {@code ACCESS_DENIED} when this identity may not
     *     change a znode's ACL (it lacks ADMIN there: the znode belongs to another identity), {@code
     *     UNAVAILABLE} when ZooKeeper fails
     */
    public static int apply(CuratorFramework client, String root, List<ACL> acl) {
        return ZkCalls.call("setting the ACLs under " + root, () -> walk(client, root, acl));
    }

    private static int walk(CuratorFramework client, String root, List<ACL> acl) throws Exception {
        int changed = 0;
        Deque<String> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            String path = pending.pop();
            try {
                if (!new HashSet<>(client.getACL().forPath(path)).equals(new HashSet<>(acl))) {
                    client.setACL().withACL(acl).forPath(path);
                    changed++;
                }
                for (String child : client.getChildren().forPath(path)) {
                    pending.push(path + "/" + child);
                }
            } catch (KeeperException.NoNodeException gone) {
                // an ephemeral node that ended meanwhile
            }
        }
        if (changed > 0) {
            LOG.info("set the shardhome ACL on {} znodes under {} that had another one", changed, root);
        }
        return changed;
    }
}
