package io.shardhome.service.lookup;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.client.ShardLocation;
import io.shardhome.directory.client.ShardLocator;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.config.ShardhomeProperties;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/lookup/{shard}}: the shard's master, answered from memory without I/O. */
@RestController
class LookupController {
    private final ShardLocator locator;
    private final String jdbcScheme;

    LookupController(DirectoryAccess directory, ShardhomeProperties properties) {
        this.locator = new ShardLocator(directory.view());
        this.jdbcScheme = properties.lookup().jdbcScheme();
    }

    @GetMapping("/api/v1/lookup/{shard}")
    LookupBody lookup(@PathVariable String shard) {
        ShardLocation location;
        try {
            location = locator.locate(shard);
        } catch (DirectoryException e) {
            if (e.code() == DirectoryException.Code.UNKNOWN_SHARD) {
                throw new ServiceException(Code.SHARD_NOT_FOUND, e.getMessage(), Map.of(), e);
            }
            throw e;
        }
        return LookupBody.of(location, jdbcScheme);
    }
}
