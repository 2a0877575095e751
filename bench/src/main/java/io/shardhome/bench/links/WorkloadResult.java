package io.shardhome.bench.links;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** The catch-up runs of one workload and their ratios against the native baselines. */
final class WorkloadResult {
    private final BenchWorkload workload;
    private final int transactions;
    private final List<RunResult> runs = new ArrayList<>();

    WorkloadResult(BenchWorkload workload, int transactions) {
        this.workload = workload;
        this.transactions = transactions;
    }

    BenchWorkload workload() {
        return workload;
    }

    void add(RunResult run) {
        runs.add(run);
    }

    RunResult last() {
        return runs.get(runs.size() - 1);
    }

    RunResult nativeSingle() {
        return runs.get(0);
    }

    /** The fastest run among those matching {@code which}. */
    Optional<RunResult> best(Predicate<RunResult> which) {
        return runs.stream().filter(which).min(Comparator.comparingDouble(RunResult::seconds));
    }

    void printTable() {
        RunResult single = nativeSingle();
        RunResult parallel = best(RunResult::isNativeParallel).orElse(single);
        System.out.printf(
                Locale.ROOT,
                "%n%s, %,d transactions (best native parallel: %s)%n",
                workload.label(),
                transactions,
                parallel.name());
        System.out.println("| run | catch-up | tx/s | × native single | × best native parallel | CPU source mysqld"
                + " | CPU applying mysqld | CPU JVM | load after |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        for (RunResult r : runs) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.2f s | %,.0f | %.2f | %.2f | %.1f s | %.1f s | %.1f s | %s |%n",
                    r.name(),
                    r.seconds(),
                    r.rate(transactions),
                    single.seconds() / r.seconds(),
                    parallel.seconds() / r.seconds(),
                    r.sourceCpu(),
                    r.targetCpu(),
                    r.jvmCpu(),
                    r.load());
        }
    }
}
