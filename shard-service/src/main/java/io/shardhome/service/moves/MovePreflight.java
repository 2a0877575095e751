package io.shardhome.service.moves;

import io.shardhome.directory.blob.LinkStatusStore;
import io.shardhome.filter.rules.LinkRoles;
import io.shardhome.links.PublishedStatus;
import io.shardhome.service.moves.MoveException.Code;
import java.util.List;

/** The checks before a move changes anything: the link is ready and the fence can block writes. */
final class MovePreflight {
    private MovePreflight() {}

    /**
     * @throws MoveException {@code LINK_NOT_READY}, {@code FENCE_IMPOSSIBLE}, {@code UNKNOWN_SITE} (no
     *     master account), {@code MASTER_FAILED}
     */
    static void check(MoveContext ctx, LinkStatusStore linkStatus, MoveRecord move) {
        String linkId = new LinkRoles(move.fromSite(), move.toSite()).linkId();
        PublishedStatus status = linkStatus
                .read(MoveEngine.statusKey(move.fromSite(), move.toSite()), PublishedStatus.class)
                .orElse(null);
        LinkReadiness.problem(linkId, status, ctx.settings(), System.currentTimeMillis())
                .ifPresent(problem -> {
                    throw new MoveException(Code.LINK_NOT_READY, "shard " + move.shard() + " cannot move: " + problem);
                });
        ReseedingCopies.problem(linkStatus, move.shard(), move.fromSite()).ifPresent(problem -> {
            throw new MoveException(Code.LINK_NOT_READY, "shard " + move.shard() + " cannot move: " + problem);
        });
        AppAccount account = ctx.settings().appAccount();
        List<String> global = ctx.master(move.fromSite())
                .globalWritePrivileges(account)
                .orElseThrow(() -> fenceImpossible(account + " does not exist at " + move.fromSite()));
        if (!global.isEmpty()) {
            throw fenceImpossible(account + " has global write privileges " + global + " at " + move.fromSite()
                    + ", so revoking them on one schema cannot fence it; grant it per schema instead");
        }
        if (ctx.master(move.toSite()).globalWritePrivileges(account).isEmpty()) {
            throw fenceImpossible(account + " does not exist at " + move.toSite() + "; create it there first");
        }
    }

    private static MoveException fenceImpossible(String why) {
        return new MoveException(Code.FENCE_IMPOSSIBLE, "writes cannot be fenced per schema: " + why);
    }
}
