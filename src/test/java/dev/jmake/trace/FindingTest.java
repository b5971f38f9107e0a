package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.syntax.Location;
import org.junit.jupiter.api.Test;

/** The lines findings print: the rule's location, what the job did, the fix; the process only in the report. */
final class FindingTest {
    private static final Location RULE = new Location("Makefile", 6);
    private static final Location BUILDER = new Location("Makefile", 9);
    private static final Actor CC1 = new Actor(4242, "/usr/lib/gcc/x86_64-linux-gnu/12/cc1");

    @Test
    void aMissingPrerequisiteSaysWhatToAdd() {
        Finding read = new Finding.MissingPrerequisite(RULE, "app.o", "gen.h", false, BUILDER, CC1);
        assertEquals("Makefile:6: warning: [trace] 'app.o' read 'gen.h', built by Makefile:9, which is not a"
                + " prerequisite; add 'gen.h' to the prerequisites of 'app.o'", read.message());
        Finding absent = new Finding.MissingPrerequisite(RULE, "app.o", "gen.h", true, BUILDER, CC1);
        assertEquals("Makefile:6: warning: [trace] 'app.o' looked for 'gen.h' (not there yet), built by Makefile:9,"
                + " which is not a prerequisite; add 'gen.h' to the prerequisites of 'app.o'", absent.message());
        assertTrue(read.ignorable());
    }

    @Test
    void anUndeclaredOutputAndAListingSayWhatToDeclare() {
        assertEquals("Makefile:6: warning: [trace] 'out' wrote 'side', which is not a target of its rule; add 'side' to"
                + " the rule's targets (grouped, with '&:')",
                new Finding.UndeclaredOutput(RULE, "out", "side", CC1).message());
        assertEquals("Makefile:6: warning: [trace] 'list' listed directory 'gen', where Makefile:9 builds 'gen/a',"
                + " which is not a prerequisite; add 'gen/a' to the prerequisites of 'list'",
                new Finding.GeneratedDirectoryListing(RULE, "list", "gen", "gen/a", BUILDER, CC1).message());
    }

    @Test
    void aToolDirectoryAndAListingNoJobRacedWithAreRecordedNotWarned() {
        Finding tool = new Finding.ToolOutputs(RULE, "libogg.la", ".libs", 6, CC1);
        assertEquals("'libogg.la' wrote 6 files under '.libs', where no rule names a file", tool.summary());
        assertEquals("tool-outputs", tool.kind());
        assertFalse(tool.warning());
        assertEquals("'x.lo' wrote 1 file under '.libs', where no rule names a file",
                new Finding.ToolOutputs(RULE, "x.lo", ".libs", 1, CC1).summary());
        Finding listing = new Finding.DirectoryListing(RULE, "list", "gen", "gen/a", BUILDER, CC1);
        assertEquals("directory-listing", listing.kind());
        assertFalse(listing.warning());
    }

    @Test
    void findingsWithoutOneFixSayNone() {
        Finding deleted = new Finding.DeletedSource(RULE, "x", "x.c", CC1);
        assertEquals("", deleted.fix());
        assertEquals("Makefile:6: warning: [trace] 'x' deleted source file 'x.c'", deleted.message());
        assertEquals("Makefile:6: warning: [trace] 'x' wrote 'y', a target of Makefile:9",
                new Finding.WriteToOtherTarget(RULE, "x", "y", false, BUILDER, CC1).message());
    }

    @Test
    void whatTheTracerCouldNotSeeIsNotSilencedByTheIgnoreList() {
        assertFalse(new Finding.Untraced(RULE, "x", "tool", "statically linked", CC1).ignorable());
        assertFalse(new Finding.TracerError(RULE, "x", "a trace broke off").ignorable());
        assertEquals("Makefile:6: warning: [trace] 'x' ran 'tool', statically linked, not traced",
                new Finding.Untraced(RULE, "x", "tool", "statically linked", CC1).message());
    }
}
