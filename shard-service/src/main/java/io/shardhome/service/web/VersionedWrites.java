package io.shardhome.service.web;

import io.shardhome.directory.DirectoryException;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.error.DirectoryErrors;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * Runs compare-and-set writes against the directory. With an If-Match version the write is attempted
 * once and a lost race is a 412; without one the write re-reads and retries a few times, because the
 * caller asked for an unconditional change. Returns once the service's own view shows the write.
 */
@Component
public class VersionedWrites {
    static final int UNCONDITIONAL_ATTEMPTS = 5;

    private final DirectoryAccess directory;

    public VersionedWrites(DirectoryAccess directory) {
        this.directory = directory;
    }

    /** One attempt: given the required version (empty = read the current one yourself), write and return the new version. */
    @FunctionalInterface
    public interface Attempt {
        long write(OptionalLong requiredVersion);
    }

    /** @return the new map version, already visible in this instance's view */
    public long write(IfMatch ifMatch, Attempt attempt) {
        long version = ifMatch.version().isPresent() ? once(ifMatch.version(), attempt) : retrying(attempt);
        directory.awaitVersion(version);
        return version;
    }

    private static long once(OptionalLong required, Attempt attempt) {
        try {
            return attempt.write(required);
        } catch (DirectoryException e) {
            throw DirectoryErrors.translate(e);
        }
    }

    private static long retrying(Attempt attempt) {
        DirectoryException last = null;
        for (int i = 0; i < UNCONDITIONAL_ATTEMPTS; i++) {
            try {
                return attempt.write(OptionalLong.empty());
            } catch (DirectoryException e) {
                if (e.code() != DirectoryException.Code.CONFLICT) {
                    throw DirectoryErrors.translate(e);
                }
                last = e;
            }
        }
        throw new ServiceException(
                Code.DIRECTORY_UNAVAILABLE,
                "the directory changed " + UNCONDITIONAL_ATTEMPTS + " times while this write was being applied;"
                        + " other writers are busy: retry in a moment",
                java.util.Map.of(),
                last);
    }
}
