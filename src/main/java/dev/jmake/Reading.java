package dev.jmake;

import dev.jmake.eval.Database;
import dev.jmake.eval.Evaluator;
import dev.jmake.graph.ExtraPrerequisites;

/**
 * What reading the makefiles gave: the data base, the evaluator whose expander the build goes on with, and
 * {@code .EXTRA_PREREQS} as expanded once right after reading (file.c snap_deps).
 */
record Reading(Database database, Evaluator evaluator, ExtraPrerequisites extras) {}
