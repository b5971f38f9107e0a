package dev.jmake.trace;

import dev.jmake.syntax.Location;

/**
 * What the verifier concluded about one job: a line such as
 * {@code Makefile:12: warning: [trace] 'app.o' read 'gen/config.h', built by Makefile:20, which is not a prerequisite;
 * add 'gen/config.h' to the prerequisites of 'app.o'}. Paths are project-relative where they lie in the top root. The
 * process that made the access is in the report, not in the line: the fix is in the rule, whoever ran.
 */
public sealed interface Finding {
    /** The location of the job's rule. */
    Location rule();

    /** The job, named by its first target. */
    String job();

    /** The path the finding is about (for an untraced program, the program). */
    String path();

    /** The process that touched the path, or null when no process did. */
    Actor actor();

    /** The machine-readable kind, as the trace report spells it. */
    String kind();

    /** The finding without location and process: {@code 'app.o' read 'gen/config.h', built by …}. */
    String summary();

    /** What to change in the makefile ({@code add 'gen.h' to the prerequisites of 'app.o'}); "" if no one fix. */
    default String fix() {
        return "";
    }

    /** Whether {@code .JMAKE_TRACE_IGNORE} naming {@link #path} silences it (not for what the tracer could not see). */
    default boolean ignorable() {
        return true;
    }

    /** False for observations the report records but the build does not warn about. */
    default boolean warning() {
        return true;
    }

    /** What identifies the finding within a build (the same access by another process is the same finding). */
    default String key() {
        return kind() + "\0" + rule() + "\0" + summary();
    }

    /** The one-line message: where the rule is, what the job did, and the fix if there is one. */
    default String message() {
        String fix = fix();
        return rule() + ": warning: [trace] " + summary() + (fix.isEmpty() ? "" : "; " + fix);
    }

    /**
     * The job read a file another rule builds, and that file is not among its prerequisites: a race under -j. With
     * {@code absent}, it looked for the file and it was not there yet (say an include directory searched first):
     * what the job does depends on whether that rule already ran.
     */
    record MissingPrerequisite(Location rule, String job, String path, boolean absent, Location builder, Actor actor)
            implements Finding {
        public String kind() {
            return "missing-prerequisite";
        }

        public String summary() {
            return "'" + job + "' " + (absent ? "looked for '" + path + "' (not there yet)" : "read '" + path + "'")
                    + ", built by " + builder + ", which is not a prerequisite";
        }

        @Override
        public String fix() {
            return "add '" + path + "' to the prerequisites of '" + job + "'";
        }
    }

    /** The job wrote a file in the tree that is neither its target nor another rule's (nor a known side output). */
    record UndeclaredOutput(Location rule, String job, String path, Actor actor) implements Finding {
        public String kind() {
            return "undeclared-output";
        }

        public String summary() {
            return "'" + job + "' wrote '" + path + "', which is not a target of its rule";
        }

        @Override
        public String fix() {
            return "add '" + path + "' to the rule's targets (grouped, with '&:')";
        }
    }

    /** The job wrote or deleted a target of another rule. */
    record WriteToOtherTarget(Location rule, String job, String path, boolean deleted, Location builder, Actor actor)
            implements Finding {
        public String kind() {
            return "write-to-other-target";
        }

        public String summary() {
            return "'" + job + "' " + (deleted ? "deleted" : "wrote") + " '" + path + "', a target of " + builder;
        }
    }

    /** The job deleted a source file (one no rule builds). */
    record DeletedSource(Location rule, String job, String path, Actor actor) implements Finding {
        public String kind() {
            return "deleted-source";
        }

        public String summary() {
            return "'" + job + "' deleted source file '" + path + "'";
        }
    }

    /**
     * The job listed a directory in which another rule builds {@code generated}, not a prerequisite: what it saw
     * depends on whether that rule ran yet.
     */
    record GeneratedDirectoryListing(Location rule, String job, String path, String generated, Location builder,
                                     Actor actor) implements Finding {
        public String kind() {
            return "generated-directory-listing";
        }

        public String summary() {
            return "'" + job + "' listed directory '" + path + "', where " + builder + " builds '" + generated
                    + "', which is not a prerequisite";
        }

        @Override
        public String fix() {
            return "add '" + generated + "' to the prerequisites of '" + job + "'";
        }
    }

    /**
     * The job ran another build system ({@code tool}: make, cmake, cargo, a configure script...) that wrote or removed
     * {@code files} files in its own tree {@code path} that no other rule builds or names: recorded as one
     * observation, not a warning; what it did to files the rest of the build makes or reads stays a finding.
     */
    record NestedBuildTree(Location rule, String job, String path, String tool, int files, Actor actor)
            implements Finding {
        public String kind() {
            return "nested-build";
        }

        public String summary() {
            return "'" + job + "' ran " + tool + ", which wrote " + files + (files == 1 ? " file" : " files")
                    + " in its tree '" + path + "'";
        }

        @Override
        public boolean warning() {
            return false;
        }
    }

    /** The job read a source file it does not declare: recorded (an automatic gcc -MD), not a warning. */
    record ImplicitInput(Location rule, String job, String path, Actor actor) implements Finding {
        public String kind() {
            return "implicit-input";
        }

        public String summary() {
            return "'" + job + "' read source file '" + path + "', which is not a prerequisite";
        }

        @Override
        public boolean warning() {
            return false;
        }
    }

    /**
     * The job wrote {@code files} files under {@code path}, a directory in which the build names no file (libtool's
     * {@code .libs}): the tool's own, one observation for them all ({@link ToolDirectory}); recorded, not a warning.
     * Another job reading them is judged as any read is.
     */
    record ToolOutputs(Location rule, String job, String path, int files, Actor actor) implements Finding {
        public String kind() {
            return "tool-outputs";
        }

        public String summary() {
            return "'" + job + "' wrote " + files + (files == 1 ? " file" : " files") + " under '" + path
                    + "', where no rule names a file";
        }

        @Override
        public boolean warning() {
            return false;
        }
    }

    /**
     * The job listed a directory where {@code builder} could make {@code generated}, but no job of this build made
     * or removed it before the job finished: what the listing saw did not depend on the build order (recorded, not
     * a warning; a job that changes the directory later turns it into a {@link GeneratedDirectoryListing}).
     */
    record DirectoryListing(Location rule, String job, String path, String generated, Location builder, Actor actor)
            implements Finding {
        public String kind() {
            return "directory-listing";
        }

        public String summary() {
            return "'" + job + "' listed directory '" + path + "', where " + builder + " could build '" + generated
                    + "', which no job of this build made before it";
        }

        @Override
        public boolean warning() {
            return false;
        }
    }

    /**
     * The job ran a program the tracer cannot see into ({@code reason}: "statically linked", "setuid", …), so its
     * accesses are unknown and the job is not verified clean. {@code actor} is the process that ran it.
     */
    record Untraced(Location rule, String job, String path, String reason, Actor actor) implements Finding {
        public String kind() {
            return "untraced";
        }

        public String summary() {
            return "'" + job + "' ran '" + path + "', " + reason + ", not traced";
        }

        @Override
        public boolean ignorable() {
            return false;
        }
    }

    /** The tracer failed for the job (no process reported, or a stream broke): nothing about it can be judged. */
    record TracerError(Location rule, String job, String problem) implements Finding {
        public String path() {
            return "";
        }

        public Actor actor() {
            return null;
        }

        public String kind() {
            return "tracer-error";
        }

        public String summary() {
            return "'" + job + "': " + problem;
        }

        @Override
        public boolean ignorable() {
            return false;
        }
    }
}
