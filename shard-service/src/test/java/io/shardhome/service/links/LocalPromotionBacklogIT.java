package io.shardhome.service.links;

import io.shardhome.links.testing.RequiresSiteMasters;
import io.shardhome.service.ShardhomeApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A local promotion while {@code nyc->sjc} is offline with the old master's writes unshipped: started again,
 * it ships them from the new master (see {@link LocalPromotion}).
 */
@RequiresSiteMasters
@SpringBootTest(classes = ShardhomeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class LocalPromotionBacklogIT extends LocalPromotion {
    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        service(registry, "local-promotion-backlog-it");
    }

    @Override
    boolean backlog() {
        return true;
    }
}
