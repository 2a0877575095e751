package io.shardhome.bench.links;

import io.shardhome.links.testing.MariaDbSite;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * One timed catch-up: wall seconds, and the CPU seconds it cost the source server, the applying server and
 * this JVM (the link's threads; idle for a native replica), with the load average at its end.
 */
record RunResult(String name, double seconds, double sourceCpu, double targetCpu, double jvmCpu, String load) {
    static RunResult measure(String name, MariaDbSite source, MariaDbSite applying, DoubleSupplier body) {
        double sourceBefore = CpuMeter.serverSeconds(source.site());
        double targetBefore = CpuMeter.serverSeconds(applying.site());
        double jvmBefore = CpuMeter.jvmSeconds();
        double seconds = body.getAsDouble();
        return new RunResult(
                name,
                seconds,
                CpuMeter.serverSeconds(source.site()) - sourceBefore,
                CpuMeter.serverSeconds(applying.site()) - targetBefore,
                CpuMeter.jvmSeconds() - jvmBefore,
                LoadAverage.now());
    }

    boolean isLink() {
        return name.startsWith("link");
    }

    boolean isGroupingOff() {
        return name.contains("grouping off");
    }

    boolean isNativeParallel() {
        return name.startsWith("native") && name.contains("parallel");
    }

    double rate(int transactions) {
        return transactions / seconds;
    }

    String line(int transactions) {
        return String.format(Locale.ROOT, "%s: %.2f s, %,.0f tx/s, load %s", name, seconds, rate(transactions), load);
    }
}
