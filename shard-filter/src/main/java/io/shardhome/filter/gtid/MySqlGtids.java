package io.shardhome.filter.gtid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** MySQL GTID set arithmetic: sorted disjoint intervals per {@code uuid} or {@code uuid:tag}. Pure. */
final class MySqlGtids {
    private MySqlGtids() {}

    /** Parses {@code uuid:1-5:7[:tag:1-3],uuid2:...} (whitespace and newlines allowed). */
    static GtidSet parse(String text) {
        Map<String, List<long[]>> sets = new TreeMap<>();
        for (String part : text.replaceAll("\\s", "").split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] fields = part.split(":");
            if (fields.length < 2 || fields[0].length() != 36) {
                throw Gtid.invalid(part, "a MySQL GTID set entry is uuid:interval[:interval...]");
            }
            String source = fields[0].toLowerCase(Locale.ROOT);
            for (int i = 1; i < fields.length; i++) {
                String field = fields[i];
                if (!field.isEmpty() && Character.isLetter(field.charAt(0)) || field.startsWith("_")) {
                    source = fields[0].toLowerCase(Locale.ROOT) + ":" + field.toLowerCase(Locale.ROOT);
                    continue;
                }
                int dash = field.indexOf('-');
                long from = Gtid.number(dash < 0 ? field : field.substring(0, dash), part);
                long to = dash < 0 ? from : Gtid.number(field.substring(dash + 1), part);
                if (from < 1 || to < from) {
                    throw Gtid.invalid(part, "interval '" + field + "' is empty or starts below 1");
                }
                sets.put(source, merged(sets.getOrDefault(source, List.of()), from, to));
            }
        }
        return GtidSet.ofIntervals(sets);
    }

    static boolean contains(List<long[]> intervals, long n) {
        if (intervals == null) {
            return false;
        }
        for (long[] iv : intervals) {
            if (n >= iv[0] && n <= iv[1]) {
                return true;
            }
        }
        return false;
    }

    static Map<String, List<long[]>> add(Map<String, List<long[]>> sets, String source, long n) {
        Map<String, List<long[]>> next = new TreeMap<>(sets);
        next.put(source, merged(sets.getOrDefault(source, List.of()), n, n));
        return next;
    }

    /** How many numbers of {@code other} are not in {@code mine}. */
    static long behind(Map<String, List<long[]>> mine, Map<String, List<long[]>> other) {
        long missing = 0;
        for (var entry : other.entrySet()) {
            List<long[]> have = mine.getOrDefault(entry.getKey(), List.of());
            for (long[] iv : entry.getValue()) {
                missing += (iv[1] - iv[0] + 1) - overlap(have, iv);
            }
        }
        return missing;
    }

    static Map<String, List<long[]>> intersect(Map<String, List<long[]>> a, Map<String, List<long[]>> b) {
        Map<String, List<long[]>> result = new TreeMap<>();
        a.forEach((source, mine) -> {
            List<long[]> common = new ArrayList<>();
            for (long[] x : mine) {
                for (long[] y : b.getOrDefault(source, List.of())) {
                    long from = Math.max(x[0], y[0]);
                    long to = Math.min(x[1], y[1]);
                    if (from <= to) {
                        common.add(new long[] {from, to});
                    }
                }
            }
            if (!common.isEmpty()) {
                result.put(source, common);
            }
        });
        return result;
    }

    static String format(Map<String, List<long[]>> sets) {
        Map<String, StringBuilder> byUuid = new TreeMap<>();
        sets.forEach((source, list) -> {
            int colon = source.indexOf(':');
            StringBuilder out =
                    byUuid.computeIfAbsent(colon < 0 ? source : source.substring(0, colon), StringBuilder::new);
            if (colon >= 0) {
                out.append(':').append(source.substring(colon + 1));
            }
            for (long[] iv : list) {
                out.append(':').append(iv[0]);
                if (iv[1] != iv[0]) {
                    out.append('-').append(iv[1]);
                }
            }
        });
        return String.join(",", byUuid.values());
    }

    static Map<String, List<long[]>> union(Map<String, List<long[]>> a, Map<String, List<long[]>> b) {
        Map<String, List<long[]>> result = new TreeMap<>(a);
        b.forEach((source, list) -> {
            List<long[]> merged = result.getOrDefault(source, List.of());
            for (long[] iv : list) {
                merged = merged(merged, iv[0], iv[1]);
            }
            result.put(source, merged);
        });
        return result;
    }

    private static long overlap(List<long[]> have, long[] iv) {
        long covered = 0;
        for (long[] h : have) {
            long from = Math.max(h[0], iv[0]);
            long to = Math.min(h[1], iv[1]);
            if (from <= to) {
                covered += to - from + 1;
            }
        }
        return covered;
    }

    private static List<long[]> merged(List<long[]> intervals, long from, long to) {
        List<long[]> all = new ArrayList<>(intervals);
        all.add(new long[] {from, to});
        all.sort((x, y) -> Long.compare(x[0], y[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] iv : all) {
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && iv[0] <= last[1] + 1) {
                out.set(out.size() - 1, new long[] {last[0], Math.max(last[1], iv[1])});
            } else {
                out.add(iv.clone());
            }
        }
        return out;
    }
}
