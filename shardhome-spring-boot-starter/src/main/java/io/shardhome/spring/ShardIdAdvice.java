package io.shardhome.spring;

import io.shardhome.client.MapSource;
import io.shardhome.directory.client.AccessMode;
import io.shardhome.directory.client.ShardContext;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The pointcut and interceptor behind {@link ShardId}: methods with a {@code @ShardId} parameter run in
 * that shard's {@link ShardContext}. A call made outside any transaction that starts its own (or only
 * reads) and is interrupted by a move's fence before it commits runs again, within the fence wait
 * ({@link MoveRetry}); inside a caller's transaction the failure goes to the caller.
 * Thread-safe.
 */
final class ShardIdAdvice extends StaticMethodMatcherPointcut implements MethodInterceptor {
    private static final int NONE = -1;

    private final Map<Method, Integer> parameterOf = new ConcurrentHashMap<>();
    private final AnnotationTransactionAttributeSource transactions = new AnnotationTransactionAttributeSource();
    private final ObjectProvider<MapSource> source;
    private final ObjectProvider<ShardhomeClientProperties> properties;
    private volatile MoveRetry retry;

    ShardIdAdvice(ObjectProvider<MapSource> source, ObjectProvider<ShardhomeClientProperties> properties) {
        this.source = source;
        this.properties = properties;
    }

    @Override
    public boolean matches(Method method, Class<?> targetClass) {
        return index(AopUtils.getMostSpecificMethod(method, targetClass)) != NONE;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Class<?> target =
                invocation.getThis() == null ? null : invocation.getThis().getClass();
        Method method = target == null
                ? invocation.getMethod()
                : AopUtils.getMostSpecificMethod(invocation.getMethod(), target);
        int index = index(method);
        if (index == NONE) {
            return invocation.proceed();
        }
        String shard = shardId(method, index, invocation.getArguments()[index]);
        AccessMode mode =
                method.getParameters()[index].getAnnotation(ShardId.class).mode();
        try (ShardContext.Scope scope = ShardContext.enter(shard, mode)) {
            TransactionAttribute attribute = transactions.getTransactionAttribute(method, target);
            boolean readOnly = mode == AccessMode.READ_ONLY || (attribute != null && attribute.isReadOnly());
            if (TransactionSynchronizationManager.isActualTransactionActive()
                    || !(readOnly || startsItsOwnTransaction(attribute))
                    || !(invocation instanceof ProxyMethodInvocation proxied)) {
                return invocation.proceed();
            }
            return retry().call(shard, readOnly, () -> proxied.invocableClone().proceed());
        }
    }

    /**
     * Whether the call starts its own transaction (it is transactional with REQUIRED or REQUIRES_NEW, and
     * the caller checked that none is open around it): then running it again repeats nothing committed.
     */
    private static boolean startsItsOwnTransaction(TransactionAttribute attribute) {
        if (attribute == null) {
            return false;
        }
        int propagation = attribute.getPropagationBehavior();
        return propagation == TransactionDefinition.PROPAGATION_REQUIRED
                || propagation == TransactionDefinition.PROPAGATION_REQUIRES_NEW;
    }

    private MoveRetry retry() {
        MoveRetry current = retry;
        if (current == null) {
            Duration wait = properties.getObject().fenceWait();
            current = new MoveRetry(source::getObject, wait);
            retry = current;
        }
        return current;
    }

    private static String shardId(Method method, int index, Object value) {
        if (!(value instanceof String shard) || shard.isBlank()) {
            throw new IllegalArgumentException("parameter " + method.getParameters()[index].getName() + " of "
                    + method.getDeclaringClass().getSimpleName() + "." + method.getName() + " is its @ShardId but"
                    + " was " + (value == null ? "null" : "'" + value + "'") + "; pass the customer's shard id");
        }
        return shard;
    }

    /** The index of the method's {@code @ShardId} parameter, or {@link #NONE}. */
    private int index(Method method) {
        return parameterOf.computeIfAbsent(method, ShardIdAdvice::find);
    }

    private static int find(Method method) {
        Parameter[] parameters = method.getParameters();
        int found = NONE;
        for (int i = 0; i < parameters.length; i++) {
            if (!parameters[i].isAnnotationPresent(ShardId.class)) {
                continue;
            }
            if (found != NONE || parameters[i].getType() != String.class) {
                throw new IllegalStateException(method.getDeclaringClass().getName() + "." + method.getName()
                        + ": @ShardId must be on exactly one parameter, of type String (the shard id)");
            }
            found = i;
        }
        return found;
    }
}
