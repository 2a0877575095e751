package io.shardhome.service.links;

import io.shardhome.links.testing.RequiresSiteMasters;
import io.shardhome.service.ShardhomeApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A local promotion while both links run: they follow the new master (see {@link LocalPromotion}).
 */
@RequiresSiteMasters
@SpringBootTest(classes = ShardhomeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class LocalPromotionIT extends LocalPromotion {
    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        service(registry, "local-promotion-it");
    }

    @Override
    boolean backlog() {
        return false;
    }
}
