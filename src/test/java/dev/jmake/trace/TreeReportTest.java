package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jmake.syntax.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeReportTest {
    @TempDir
    Path dir;

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    @Test
    void theMakesJobsFollowEachOtherTheirRootsOnceAndEachLineListsItsFindings() throws Exception {
        JsonObject top = json("{\"version\":1,\"roots\":[\"/p\"],\"jobs\":[{\"job\":{\"id\":\"1\"},\"directory\":\".\"}]}");
        JsonObject lib = json("{\"version\":1,\"roots\":[\"/p/lib\",\"/p\"],"
                + "\"jobs\":[{\"job\":{\"id\":\"1\"},\"directory\":\"lib\"}]}");
        FindingText f = FindingText.of(new Finding.UndeclaredOutput(new Location("lib/Makefile", 2), "lib/a.o",
                "lib/a.d", null), "lib", "a.d");
        Path file = dir.resolve("sub/report.json");
        TreeReport.write(file, TreeReport.of(List.of(top, lib), FindingGrouping.of(List.of(f))));
        assertEquals("{\"version\":1,\"roots\":[\"/p\",\"/p/lib\"],\"jobs\":[{\"job\":{\"id\":\"1\"},\"directory\":\".\"},"
                + "{\"job\":{\"id\":\"1\"},\"directory\":\"lib\"}],\"groups\":[{\"message\":\"" + f.message()
                + "\",\"kind\":\"undeclared-output\",\"rule\":\"lib/Makefile:2\",\"count\":1,\"findings\":[{\"job\":"
                + "\"lib/a.o\",\"path\":\"lib/a.d\",\"directory\":\"lib\",\"message\":\"" + f.message() + "\"}]}]}\n",
                Files.readString(file));
    }
}
