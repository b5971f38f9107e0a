package dev.jmake.build;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which GNU make 4.3 walks its table of files (file.c: 1024 slots, hash.c {@code jhash_string},
 * linear probing), which is the order of its {@code rm} line for intermediate files. Names sharing a slot keep
 * their given order; other files of the table that would push a name along are not modelled.
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
        return jhashString(name.getBytes(StandardCharsets.UTF_8)) & (SLOTS - 1);
    }

    /** hash.c jhash_string on a little-endian machine. */
    static int jhashString(byte[] key) {
        int[] abc = {0xdeadbeef, 0xdeadbeef, 0xdeadbeef};
        int k = 0;
        outer:
        while (true) {
            for (int i = 0; i < 3; i++) {
                int val = word(key, k);
                boolean nul = false;
                int zeroes = (val - 0x01010101) & ~val;
                if ((zeroes & 0x80808080) == 0) {
                    abc[i] += val;
                } else if ((val & 0xFF) == 0) {
                    nul = true;
                } else if ((val & 0xFF00) == 0) {
                    abc[i] += val & 0xFF;
                    nul = true;
                } else if ((val & 0xFF0000) == 0) {
                    abc[i] += val & 0xFFFF;
                    nul = true;
                } else {
                    abc[i] += val;
                    nul = true;
                }
                if (nul) {
                    break outer;
                }
                k += 4;
            }
            mix(abc);
        }
        finalMix(abc);
        return abc[2] + k;
    }

    /** Four bytes from {@code at}, little-endian, NUL past the end (what follows the NUL never counts). */
    private static int word(byte[] key, int at) {
        int val = 0;
        for (int i = 3; i >= 0; i--) {
            int b = at + i < key.length ? key[at + i] & 0xFF : 0;
            val = (val << 8) | b;
        }
        return val;
    }

    private static void mix(int[] v) {
        int a = v[0];
        int b = v[1];
        int c = v[2];
        a -= c;  a ^= Integer.rotateLeft(c, 4);  c += b;
        b -= a;  b ^= Integer.rotateLeft(a, 6);  a += c;
        c -= b;  c ^= Integer.rotateLeft(b, 8);  b += a;
        a -= c;  a ^= Integer.rotateLeft(c, 16); c += b;
        b -= a;  b ^= Integer.rotateLeft(a, 19); a += c;
        c -= b;  c ^= Integer.rotateLeft(b, 4);  b += a;
        v[0] = a;
        v[1] = b;
        v[2] = c;
    }

    private static void finalMix(int[] v) {
        int a = v[0];
        int b = v[1];
        int c = v[2];
        c ^= b; c -= Integer.rotateLeft(b, 14);
        a ^= c; a -= Integer.rotateLeft(c, 11);
        b ^= a; b -= Integer.rotateLeft(a, 25);
        c ^= b; c -= Integer.rotateLeft(b, 16);
        a ^= c; a -= Integer.rotateLeft(c, 4);
        b ^= a; b -= Integer.rotateLeft(a, 14);
        c ^= b; c -= Integer.rotateLeft(b, 24);
        v[0] = a;
        v[1] = b;
        v[2] = c;
    }
}
