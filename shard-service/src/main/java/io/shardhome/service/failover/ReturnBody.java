package io.shardhome.service.failover;

import java.util.List;

/**
 * The answer to the return of a dead site: it is fenced and JOINING, and these are its orphans. Immutable.
 *
 * @param site the returning site
 * @param state its state now (JOINING: links into it run, links from it do not; ACTIVE after activation)
 * @param from what the survivors had processed of it (the earliest of them): orphans come after it
 * @param to its own position when its binlog was read
 * @param fenced the grants the fence revoked there (besides the managed accounts' writes on copies) and
 *     the copies' scheduled events it switched off
 * @param killedSessions the sessions of fenced accounts it killed
 * @param orphans its transactions no survivor (or not every survivor) got, in binlog order, at most 1000
 * @param totalOrphans how many orphans there are in all
 * @param reseed the shards whose copy at the site must be re-seeded before it is activated
 * @param next what the operator does next
 */
public record ReturnBody(
        String site,
        String state,
        String from,
        String to,
        List<String> fenced,
        int killedSessions,
        List<Orphan> orphans,
        long totalOrphans,
        List<String> reseed,
        String next) {
    public ReturnBody {
        fenced = List.copyOf(fenced);
        orphans = List.copyOf(orphans);
        reseed = List.copyOf(reseed);
    }
}
