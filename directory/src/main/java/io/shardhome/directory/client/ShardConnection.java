package io.shardhome.directory.client;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Pins a connection to the shard it was routed for: creating a statement while the thread works on
 * another shard ({@link ShardContext}) fails with {@link CrossShardException}, and so does switching its
 * schema to another one. That is how a transaction bound to the connection (Spring binds one per
 * transaction) can never span two shards. Everything else passes straight through.
 */
final class ShardConnection implements InvocationHandler {
    private static final Set<String> STATEMENT_FACTORIES = Set.of("createStatement", "prepareStatement", "prepareCall");

    private final Connection target;
    private final String shardId;

    private ShardConnection(Connection target, String shardId) {
        this.target = target;
        this.shardId = shardId;
    }

    static Connection pin(Connection target, String shardId) {
        return (Connection) Proxy.newProxyInstance(
                ShardConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new ShardConnection(target, shardId));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "ShardConnection[shard=" + shardId + ", " + target + "]";
            default:
                break;
        }
        if (STATEMENT_FACTORIES.contains(name)) {
            requireSameShard();
        } else if ("setCatalog".equals(name) && !shardId.equals(args[0])) {
            throw new CrossShardException(shardId, String.valueOf(args[0]));
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void requireSameShard() throws SQLException {
        Optional<ShardContext.Current> current = ShardContext.current();
        if (current.isPresent() && !current.get().shardId().equals(shardId)) {
            throw new CrossShardException(shardId, current.get().shardId());
        }
    }
}
