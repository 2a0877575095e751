package io.shardhome.bench.links;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds spent by this JVM and by the embedded MariaDB server of one site (Linux {@code /proc}),
 * so that a run can say where the machine's two cores went, not only how long it took.
 */
final class CpuMeter {
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuMeter() {}

    /** CPU seconds of this JVM so far. */
    static double jvmSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }

    /** CPU seconds so far of the mysqld whose command line names the data directory of {@code site}; 0 if none. */
    static double serverSeconds(String site) {
        String marker = "mariadb-sites/" + site + "/";
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes
                    .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> commandLine(p).contains(marker))
                    .mapToDouble(CpuMeter::cpuSeconds)
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String commandLine(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static double cpuSeconds(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[11] and [12] are utime and stime (fields 14 and 15 of proc(5), counted after the name)
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
