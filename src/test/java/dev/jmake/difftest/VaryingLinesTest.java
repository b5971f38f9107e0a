package dev.jmake.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VaryingLinesTest {

    @Test
    void dropsBannersOfBothMakes() {
        assertEquals("Reading makefiles...\n", VaryingLines.normalize("""
                GNU Make 4.3
                Built for x86_64-pc-linux-gnu
                Copyright (C) 1988-2020 Free Software Foundation, Inc.
                License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>
                This is free software: you are free to change and redistribute it.
                There is NO WARRANTY, to the extent permitted by law.
                Reading makefiles...
                """));
        assertEquals("x\n", VaryingLines.normalize("# jmake 0.1.0\n# A build driver compatible with GNU Make 4.3\nx\n"));
    }

    @Test
    void replacesDatesTimesAndStatistics() {
        assertEquals("# Make data base, printed on <DATE>\n#  Last modified <TIME>\n# Load=<STATS>\n",
                VaryingLines.normalize("# Make data base, printed on Sun Nov 22 00:27:50 2026\n"
                        + "#  Last modified 2026-11-19 15:42:38.366191117\n"
                        + "# Load=131/1024=13%, Rehash=0, Collisions=6/161=4%\n"));
    }

    @Test
    void collapsesTheDirectoriesSection() {
        assertEquals("# Directories\n\n# <DIRECTORIES>\n\n# Implicit Rules\n\n# No implicit rules.\n",
                VaryingLines.normalize("# Directories\n\n# . (device 65024, inode 4268241): 4 files, 1 impossibilities.\n"
                        + "\n# 4 files, 1 impossibilities in 1 directories.\n\n# Implicit Rules\n\n# No implicit rules.\n"));
    }

    @Test
    void ordinaryLinesStay() {
        assertEquals("make: Nothing to be done for 'all'.\n# makefile\nX = 1",
                VaryingLines.normalize("make: Nothing to be done for 'all'.\n# makefile\nX = 1"));
    }
}
