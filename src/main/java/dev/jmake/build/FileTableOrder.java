package dev.jmake.build;

import dev.jmake.report.GnuHashOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which GNU make 4.3 walks its table of files (file.c: 1024 slots, hash.c {@code jhash_string} as
 * {@link GnuHashOrder} computes it for {@code -p}, linear probing), which is the order of its {@code rm} line for
 * intermediate files. Names sharing a slot keep their given order; other files of the table that would push a name
 * along are not modelled.
 */
final class FileTableOrder {
    private static final int SLOTS = 1024;

    private FileTableOrder() {}

    /** {@code names} (in the order they were entered) in table order. */
    static List<String> sort(List<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparingInt(FileTableOrder::slot));
        return sorted;
    }

    static int slot(String name) {
        return GnuHashOrder.jhashString(name) & (SLOTS - 1);
    }
}
