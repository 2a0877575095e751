package io.shardhome.service.moves.api;

import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import io.shardhome.service.moves.MoveException;
import java.util.Map;

/** Translates move engine failures into service failures. Stateless. */
final class MoveErrors {
    private MoveErrors() {}

    static ServiceException translate(MoveException e) {
        return new ServiceException(codeOf(e.code()), e.getMessage(), Map.of(), e);
    }

    static Code codeOf(MoveException.Code code) {
        return switch (code) {
            case MOVE_IN_PROGRESS -> Code.MOVE_IN_PROGRESS;
            case LINK_NOT_READY, CATCH_UP_TIMEOUT -> Code.LINK_NOT_READY;
            case UNKNOWN_SHARD -> Code.UNKNOWN_SHARD;
            case UNKNOWN_SITE -> Code.UNKNOWN_SITE;
            case UNKNOWN_MOVE -> Code.MOVE_NOT_FOUND;
            case NOT_MOVABLE -> Code.NOT_MOVABLE;
            case NOT_CANCELLABLE -> Code.NOT_CANCELLABLE;
            case FENCE_IMPOSSIBLE -> Code.FENCE_IMPOSSIBLE;
            case MASTER_FAILED -> Code.MASTER_FAILED;
            case DIRECTORY_FAILED -> Code.DIRECTORY_UNAVAILABLE;
            case ILLEGAL_STATE -> Code.INTERNAL;
        };
    }
}
