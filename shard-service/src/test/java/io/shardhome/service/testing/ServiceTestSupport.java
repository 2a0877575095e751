package io.shardhome.service.testing;

import io.shardhome.service.ShardhomeApplication;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the service's integration tests: the real application on a random port against the shared
 * real ZooKeeper. All subclasses share one Spring context (identical configuration). Tests use unique
 * shard names so they do not depend on each other.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(
        classes = ShardhomeApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "shardhome.cluster=it",
            "shardhome.data-dir=target/it-data",
            "shardhome.security.tokens[0].name=ops",
            "shardhome.security.tokens[0].token=" + ServiceTestSupport.ADMIN_TOKEN,
            "shardhome.security.tokens[0].role=admin",
            "shardhome.security.tokens[1].name=app",
            "shardhome.security.tokens[1].token=sha256:" + ServiceTestSupport.READER_TOKEN_SHA256,
            "shardhome.security.tokens[1].role=reader",
            "shardhome.security.users[0].name=auditor",
            "shardhome.security.users[0].password=" + ServiceTestSupport.BASIC_PASSWORD,
            "shardhome.security.users[0].role=reader",
            "shardhome.shard-map-import.max-bytes=" + ServiceTestSupport.MAX_IMPORT_BYTES,
            "shardhome.shard-map-import.max-listed-errors=" + ServiceTestSupport.MAX_LISTED_ERRORS
        })
public abstract class ServiceTestSupport {
    public static final String ADMIN_TOKEN = "admin-test-token";
    /** The largest CSV map the tests' service accepts over REST. */
    public static final int MAX_IMPORT_BYTES = 64 * 1024;
    /** How many errors of a bad map the tests' service lists. */
    public static final int MAX_LISTED_ERRORS = 5;
    /** The reader token is configured only as its SHA-256 digest. */
    public static final String READER_TOKEN = "reader-test-token";

    static final String READER_TOKEN_SHA256 = "616f0417e8a549eb69ac18cc5655d5e6ef52a85e5d34933de71f0da490cde710";
    static final String BASIC_PASSWORD = "basic-test-password";
    private static final AtomicInteger NAMES = new AtomicInteger();

    @LocalServerPort
    protected int port;

    protected Api admin;
    protected Api reader;
    protected Api anonymous;

    @DynamicPropertySource
    static void zooKeeper(DynamicPropertyRegistry registry) {
        registry.add("shardhome.zookeeper.connect", SharedZooKeeper::connectString);
    }

    @BeforeEach
    void clientsAndSites() {
        admin = Api.at(port, ADMIN_TOKEN);
        reader = Api.at(port, READER_TOKEN);
        anonymous = Api.at(port, null);
        for (String site : new String[] {"nyc", "sjc"}) {
            if (admin.get("/api/v1/sites/" + site).status() == 200) {
                continue;
            }
            Api.Reply reply = admin.putJson(
                    "/api/v1/sites/" + site,
                    "{\"host\":\"127.0.0.1\",\"port\":" + (site.equals("nyc") ? 3306 : 3307) + "}");
            if (reply.status() >= 300) {
                throw new IllegalStateException("registering site " + site + " failed: " + reply);
            }
        }
    }

    /** A shard id no other test uses. */
    protected static String uniqueShard(String prefix) {
        return prefix + "_" + NAMES.incrementAndGet();
    }

    protected static String basicAuditor() {
        return "auditor:" + BASIC_PASSWORD;
    }
}
