package io.shardhome.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The shard service: REST admin and lookup API over the directory. Started by {@code shardhome serve}. */
@SpringBootApplication
public class ShardhomeApplication {
    /** Starts the service; the caller owns the returned context and closes it to stop. */
    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication app = new SpringApplication(ShardhomeApplication.class);
        app.setMainApplicationClass(ShardhomeApplication.class);
        return app.run(args);
    }
}
