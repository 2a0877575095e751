package io.shardhome.bench.links;

import java.util.List;
import java.util.Locale;

/** Issue 18's catch-up goals, each printed met or not with the numbers it was judged on. */
final class Goals {
    private static final double BEST_VS_NATIVE_PARALLEL = 1.2;
    private static final double GROUPING_OFF_VS_NATIVE_SINGLE = 0.8;

    private Goals() {}

    static void print(List<WorkloadResult> results) {
        System.out.println();
        System.out.println("goals:");
        for (WorkloadResult w : results) {
            RunResult link = w.best(RunResult::isLink).orElseThrow();
            w.best(RunResult::isNativeParallel)
                    .ifPresent(parallel -> verdict(
                            w,
                            "best link (" + link.name() + ") >= " + BEST_VS_NATIVE_PARALLEL + "x best native parallel ("
                                    + parallel.name() + ")"
                                    + (w.workload() == BenchWorkload.MIXED ? " [the goal]" : ""),
                            parallel.seconds() / link.seconds(),
                            BEST_VS_NATIVE_PARALLEL));
            w.best(RunResult::isGroupingOff)
                    .ifPresent(off -> verdict(
                            w,
                            "grouping off, best (" + off.name() + ") >= " + GROUPING_OFF_VS_NATIVE_SINGLE
                                    + "x native single-threaded",
                            w.nativeSingle().seconds() / off.seconds(),
                            GROUPING_OFF_VS_NATIVE_SINGLE));
            w.best(r -> r.isGroupingOff() && r.name().endsWith("serial"))
                    .ifPresent(off -> verdict(
                            w,
                            "grouping off, serial >= " + GROUPING_OFF_VS_NATIVE_SINGLE + "x native single-threaded",
                            w.nativeSingle().seconds() / off.seconds(),
                            GROUPING_OFF_VS_NATIVE_SINGLE));
        }
    }

    private static void verdict(WorkloadResult w, String goal, double ratio, double needed) {
        System.out.printf(
                Locale.ROOT,
                "  %-8s %s: %.2fx -> %s%n",
                w.workload().name().toLowerCase(Locale.ROOT),
                goal,
                ratio,
                ratio >= needed ? "MET" : "NOT MET");
    }
}
