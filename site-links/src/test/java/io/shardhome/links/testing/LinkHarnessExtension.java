package io.shardhome.links.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link LinkHarness} for every test: before each, the sites' masters are cleared and the
 * shards defined; after each, every link the test started is closed. Register it on an instance field:
 * {@code @RegisterExtension final LinkHarnessExtension links = LinkHarnessExtension.sites("sjc",
 * "nyc").shard("acme", "sjc");} and use {@link #harness()} in the test. Not thread-safe (one test at a
 * time per instance, as JUnit runs them).
 */
public final class LinkHarnessExtension implements BeforeEachCallback, AfterEachCallback {
    private final String[] sites;
    private final Map<String, String> shards = new LinkedHashMap<>();
    private LinkHarness harness;

    private LinkHarnessExtension(String[] sites) {
        this.sites = sites.clone();
    }

    /** A harness over {@code sites} (their masters are cleared of user schemas before each test). */
    public static LinkHarnessExtension sites(String... sites) {
        return new LinkHarnessExtension(sites);
    }

    /** Defines {@code shard} with {@code home} in the directory before each test. */
    public LinkHarnessExtension shard(String shard, String home) {
        shards.put(shard, home);
        return this;
    }

    /** The current test's harness. */
    public LinkHarness harness() {
        if (harness == null) {
            throw new IllegalStateException("the link harness exists only while a test runs");
        }
        return harness;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        harness = LinkHarness.start(sites);
        shards.forEach(harness::define);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (harness != null) {
            harness.close();
            harness = null;
        }
    }
}
