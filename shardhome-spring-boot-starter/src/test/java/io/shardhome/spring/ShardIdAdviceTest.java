package io.shardhome.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.directory.client.AccessMode;
import io.shardhome.directory.client.ShardContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ShardIdAdviceTest {

    /** A bean as an application writes one. */
    public static class Notes {
        public String seen(@ShardId String customer, String text) {
            ShardContext.Current current = ShardContext.current().orElseThrow();
            return current.shardId() + "/" + current.mode() + "/" + text;
        }

        public String reading(@ShardId(mode = AccessMode.READ_ONLY) String customer) {
            return ShardContext.current().orElseThrow().mode().name();
        }

        public boolean outside() {
            return ShardContext.current().isPresent();
        }
    }

    /** Two shard ids: a mistake. */
    public static class Confused {
        public void both(@ShardId String a, @ShardId String b) {}
    }

    private static <T> T proxied(T target) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean(
                "properties",
                new Binder(new MapConfigurationPropertySource(Map.of()))
                        .bindOrCreate("shardhome.client", ShardhomeClientProperties.class));
        ShardIdAdvice advice = new ShardIdAdvice(
                beans.getBeanProvider(io.shardhome.client.MapSource.class),
                beans.getBeanProvider(ShardhomeClientProperties.class));
        ProxyFactory factory = new ProxyFactory(target);
        factory.setProxyTargetClass(true);
        factory.addAdvisor(new DefaultPointcutAdvisor(advice, advice));
        @SuppressWarnings("unchecked")
        T proxy = (T) factory.getProxy();
        return proxy;
    }

    @Test
    void theAnnotatedParameterSetsTheShardForTheCallOnly() {
        Notes notes = proxied(new Notes());

        assertThat(notes.seen("acme", "hi")).isEqualTo("acme/READ_WRITE/hi");
        assertThat(notes.reading("acme")).isEqualTo("READ_ONLY");
        assertThat(notes.outside()).isFalse();
        assertThat(ShardContext.current()).isEmpty();
    }

    @Test
    void aMissingShardIdFailsBeforeAnyWorkNamingTheParameter() {
        Notes notes = proxied(new Notes());

        assertThatThrownBy(() -> notes.seen(" ", "hi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Notes.seen")
                .hasMessageContaining("@ShardId");
    }

    @Test
    void twoShardIdsOnOneMethodAreRefusedNamingTheMethod() {
        assertThatThrownBy(() -> proxied(new Confused()).both("a", "b"))
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Confused.both")
                .hasMessageContaining("exactly one parameter");
    }
}
