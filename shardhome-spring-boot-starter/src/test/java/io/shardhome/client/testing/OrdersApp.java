package io.shardhome.client.testing;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** A Spring Boot application with the starter and {@link Orders}, started like an application is. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class OrdersApp {
    @Bean
    Orders orders(JdbcTemplate jdbc) {
        return new Orders(jdbc);
    }

    /** Starts it (no web server) with these {@code key=value} properties. */
    public static ConfigurableApplicationContext start(List<String> properties) {
        List<String> all = new ArrayList<>(properties);
        all.add("spring.main.banner-mode=off");
        all.add("spring.flyway.enabled=false");
        return new SpringApplicationBuilder(OrdersApp.class)
                .web(WebApplicationType.NONE)
                .properties(all.toArray(String[]::new))
                .run();
    }
}
