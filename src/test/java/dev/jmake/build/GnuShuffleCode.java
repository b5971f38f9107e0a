package dev.jmake.build;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * GNU make 4.4.1's generator and shuffler (misc.c make_seed/make_rand, shuffle.c random_shuffle_array) compiled
 * with gcc: the oracle for the numbers and permutations a seed gives.
 */
final class GnuShuffleCode {
    private static final String SOURCE = """
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            static unsigned int mk_state = 0;
            void make_seed (unsigned int seed) { mk_state = seed; }
            unsigned int make_rand () {
              if (mk_state == 0) abort (); /* the clock's seed is not reproducible */
              mk_state ^= mk_state << 13;
              mk_state ^= mk_state >> 17;
              mk_state ^= mk_state << 5;
              return mk_state;
            }
            static void random_shuffle_array (void **a, size_t len) {
              size_t i;
              for (i = 0; i < len; i++) {
                void *t;
                unsigned int j = make_rand () % len;
                if (i == j) continue;
                t = a[i]; a[i] = a[j]; a[j] = t;
              }
            }
            /* rand SEED COUNT: the numbers; shuffle SEED LEN: the permutation of 0..LEN-1. */
            int main (int argc, char **argv) {
              unsigned int seed = (unsigned int) strtoul (argv[2], NULL, 10);
              size_t n = strtoul (argv[3], NULL, 10), i;
              make_seed (seed);
              if (strcmp (argv[1], "rand") == 0) {
                for (i = 0; i < n; i++) printf ("%u\\n", make_rand ());
              } else {
                long *v = malloc (n * sizeof *v);
                void **a = malloc (n * sizeof *a);
                for (i = 0; i < n; i++) { v[i] = (long) i; a[i] = &v[i]; }
                random_shuffle_array (a, n);
                for (i = 0; i < n; i++) printf ("%ld\\n", *(long *) a[i]);
              }
              return 0;
            }
            """;

    private final Path program;

    private GnuShuffleCode(Path program) {
        this.program = program;
    }

    /** Compiles the code into {@code dir}; the test is skipped where there is no gcc. */
    static GnuShuffleCode compile(Path dir) throws IOException, InterruptedException {
        Path source = dir.resolve("shuffle.c");
        Path program = dir.resolve("shuffle");
        Files.writeString(source, SOURCE);
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-O1", "-o", program.toString(), source.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no gcc: " + e.getMessage());
            throw e;
        }
        String output = new String(gcc.getInputStream().readAllBytes());
        if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
            throw new IOException("gcc failed: " + output);
        }
        return new GnuShuffleCode(program);
    }

    /** The first {@code count} numbers from {@code seed} (unsigned, as longs). */
    List<Long> numbers(long seed, int count) throws IOException, InterruptedException {
        return run("rand", seed, count).stream().map(Long::parseLong).toList();
    }

    /** Where each of 0..length-1 goes: the shuffled positions' original indexes. */
    List<Integer> permutation(long seed, int length) throws IOException, InterruptedException {
        return run("shuffle", seed, length).stream().map(Integer::parseInt).toList();
    }

    private List<String> run(String what, long seed, int n) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(program.toString(), what, Long.toString(seed), Integer.toString(n)).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(program + " failed");
        }
        List<String> lines = new ArrayList<>(out.lines().toList());
        return lines;
    }
}
