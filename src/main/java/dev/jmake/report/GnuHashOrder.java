package dev.jmake.report;

import dev.jmake.syntax.ByteText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The order in which GNU make 4.3 walks one of its hash tables (hash.c): a power-of-two number of slots, the key's
 * {@code jhash} as the first slot, the next slots on collision, the table doubled once it is 15/16 full; walking
 * goes slot by slot. {@code -p} prints variables and files in this order.
 */
public final class GnuHashOrder {
    private GnuHashOrder() {}

    /** {@code keys} (in the order they were entered) as a table sized for {@code buckets} walks them. */
    public static List<String> of(List<String> keys, int buckets, ToIntFunction<String> hash) {
        int size = roundUpToPowerOfTwo(buckets);
        String[] slots = new String[size];
        int fill = 0;
        for (String key : keys) {
            if (fill >= size - size / 16) {
                String[] old = slots;
                size *= 2;
                slots = new String[size];
                for (String k : old) {
                    if (k != null) {
                        insert(slots, k, hash);
                    }
                }
            }
            insert(slots, key, hash);
            fill++;
        }
        List<String> out = new ArrayList<>(fill);
        for (String k : slots) {
            if (k != null) {
                out.add(k);
            }
        }
        return out;
    }

    private static void insert(String[] slots, String key, ToIntFunction<String> hash) {
        int mask = slots.length - 1;
        int slot = hash.applyAsInt(key) & mask;
        while (slots[slot] != null) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = key;
    }

    private static int roundUpToPowerOfTwo(int n) {
        int size = 1;
        while (size < n) {
            size <<= 1;
        }
        return size;
    }

    /** hash.c {@code jhash(key, length)}: how variable names are hashed. */
    public static int jhash(String text) {
        byte[] k = ByteText.encode(text);
        int length = k.length;
        int a = 0xdeadbeef + length;
        int b = a;
        int c = a;
        int at = 0;
        while (length > 12) {
            a += word(k, at);
            b += word(k, at + 4);
            c += word(k, at + 8);
            int[] v = mix(a, b, c);
            a = v[0];
            b = v[1];
            c = v[2];
            length -= 12;
            at += 12;
        }
        if (length == 0) {
            return c;
        }
        if (length > 8) {
            a += word(k, at);
            length -= 4;
            at += 4;
        }
        if (length > 4) {
            b += word(k, at);
            length -= 4;
            at += 4;
        }
        if (length == 4) {
            c += (k[at + 3] & 0xFF) << 24;
        }
        if (length >= 3) {
            c += (k[at + 2] & 0xFF) << 16;
        }
        if (length >= 2) {
            c += (k[at + 1] & 0xFF) << 8;
        }
        c += k[at] & 0xFF;
        return finalMix(a, b, c);
    }

    /** hash.c {@code jhash_string}: how file names are hashed (words read up to the terminating NUL). */
    public static int jhashString(String text) {
        byte[] key = ByteText.encode(text);
        int a = 0xdeadbeef;
        int b = 0xdeadbeef;
        int c = 0xdeadbeef;
        int k = 0;
        while (true) {
            int[] abc = {a, b, c};
            boolean end = false;
            for (int i = 0; i < 3 && !end; i++) {
                int val = wordOrNul(key, k);
                int zeroes = (val - 0x01010101) & ~val;
                if ((zeroes & 0x80808080) == 0) {
                    abc[i] += val;
                    k += 4;
                    continue;
                }
                end = true;
                if ((val & 0xFF) == 0) {
                    continue;
                } else if ((val & 0xFF00) == 0) {
                    abc[i] += val & 0xFF;
                } else if ((val & 0xFF0000) == 0) {
                    abc[i] += val & 0xFFFF;
                } else {
                    abc[i] += val;
                }
            }
            a = abc[0];
            b = abc[1];
            c = abc[2];
            if (end) {
                break;
            }
            int[] v = mix(a, b, c);
            a = v[0];
            b = v[1];
            c = v[2];
        }
        return finalMix(a, b, c) + k;
    }

    /** Four bytes from {@code at}, little-endian, NUL past the end. */
    private static int wordOrNul(byte[] key, int at) {
        int val = 0;
        for (int i = 3; i >= 0; i--) {
            int b = at + i < key.length ? key[at + i] & 0xFF : 0;
            val = (val << 8) | b;
        }
        return val;
    }

    /** Four bytes from {@code at}, little-endian (hash.c reads them unaligned with memcpy). */
    private static int word(byte[] key, int at) {
        int val = 0;
        for (int i = 3; i >= 0; i--) {
            val = (val << 8) | (key[at + i] & 0xFF);
        }
        return val;
    }

    private static int[] mix(int a, int b, int c) {
        a -= c;  a ^= Integer.rotateLeft(c, 4);  c += b;
        b -= a;  b ^= Integer.rotateLeft(a, 6);  a += c;
        c -= b;  c ^= Integer.rotateLeft(b, 8);  b += a;
        a -= c;  a ^= Integer.rotateLeft(c, 16); c += b;
        b -= a;  b ^= Integer.rotateLeft(a, 19); a += c;
        c -= b;  c ^= Integer.rotateLeft(b, 4);  b += a;
        return new int[] {a, b, c};
    }

    private static int finalMix(int a, int b, int c) {
        c ^= b; c -= Integer.rotateLeft(b, 14);
        a ^= c; a -= Integer.rotateLeft(c, 11);
        b ^= a; b -= Integer.rotateLeft(a, 25);
        c ^= b; c -= Integer.rotateLeft(b, 16);
        a ^= c; a -= Integer.rotateLeft(c, 4);
        b ^= a; b -= Integer.rotateLeft(a, 14);
        c ^= b; c -= Integer.rotateLeft(b, 24);
        return c;
    }
}
