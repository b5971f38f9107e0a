package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging a build's compiles into compile_commands.json. */
final class CompilationDatabaseTest {
    @TempDir
    Path dir;

    private static CompileCommand compile(String file, String output, String flag) {
        return new CompileCommand("/p", List.of("cc", flag, "-c", file, "-o", output), file, Optional.of(output));
    }

    @Test
    void aNewFileHoldsTheCompilesInOrder() throws Exception {
        Path db = dir.resolve("compile_commands.json");
        assertEquals(Optional.empty(), CompilationDatabase.merge(db, List.of(compile("a.c", "a.o", "-O2"),
                compile("b.c", "b.o", "-O2"))));
        assertEquals("""
                [
                {"directory":"/p","arguments":["cc","-O2","-c","a.c","-o","a.o"],"file":"a.c","output":"a.o"},
                {"directory":"/p","arguments":["cc","-O2","-c","b.c","-o","b.o"],"file":"b.c","output":"b.o"}
                ]
                """, Files.readString(db));
    }

    @Test
    void recompiledEntriesAreReplacedInPlaceOthersKeptAsWrittenNewOnesLast() throws Exception {
        Path db = dir.resolve("compile_commands.json");
        String kept = "{ \"directory\": \"/q\", \"command\": \"cc -c z.c\", \"file\": \"z.c\" }";
        Files.writeString(db, "[" + kept + ",\n"
                + "{\"directory\":\"/p\",\"arguments\":[\"cc\",\"-O0\",\"-c\",\"a.c\",\"-o\",\"a.o\"],"
                + "\"file\":\"a.c\",\"output\":\"a.o\"}]");
        CompilationDatabase.merge(db, List.of(compile("c.c", "c.o", "-O2"), compile("a.c", "a.o", "-O2")));
        List<JsonObject> merged = CompilationDatabase.entries(Files.readString(db));
        assertEquals(3, merged.size());
        assertEquals(JsonParser.parseString(kept), merged.get(0), "kept, member for member");
        assertTrue(merged.get(1).toString().contains("\"-O2\"") && merged.get(1).toString().contains("\"a.c\""));
        assertEquals("c.c", merged.get(2).get("file").getAsString());
    }

    @Test
    void oneSourceCompiledIntoTwoObjectsIsTwoEntries() throws Exception {
        Path db = dir.resolve("compile_commands.json");
        CompilationDatabase.merge(db, List.of(compile("conv.c", "conv_a.o", "-DK=a"),
                compile("conv.c", "conv_b.o", "-DK=b")));
        assertEquals(2, CompilationDatabase.entries(Files.readString(db)).size());
    }

    @Test
    void anUnreadableFileIsReplacedAndSaidSo() throws Exception {
        Path db = dir.resolve("compile_commands.json");
        Files.writeString(db, "not json");
        Optional<String> problem = CompilationDatabase.merge(db, List.of(compile("a.c", "a.o", "-O2")));
        assertTrue(problem.orElseThrow().contains("not a JSON array of objects"), problem.toString());
        assertEquals(1, CompilationDatabase.entries(Files.readString(db)).size());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("compile_commands.json", "compile_commands.json.lock"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left");
        }
    }

    @Test
    void anExistingFileMustBeOneStrictJsonArrayOfObjects() {
        String a = "{\"directory\": \"/p\", \"arguments\": [\"cc\", \"-c\", \"a\\\"b.c\"], \"file\": \"a\\u0041.c\","
                + " \"n\": -1.5e3, \"x\": {\"y\": [true, null]}}";
        List<JsonObject> objects = CompilationDatabase.entries(" [ " + a + " , {} ]\n");
        assertEquals(2, objects.size());
        assertEquals("aA.c", objects.get(0).get("file").getAsString());
        assertEquals(List.of(), CompilationDatabase.entries("[]"));
        for (String bad : List.of("", "{}", "[1]", "[{\"a\": }]", "[{\"a\": \"b\"}", "[{}] x", "[{\"a\": \"b]",
                "[{'a': 'b'}]", "[{a: \"b\"}]")) {
            assertThrows(JsonParseException.class, () -> CompilationDatabase.entries(bad), bad);
        }
    }
}
