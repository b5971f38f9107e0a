package dev.jmake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CNumbersTest {
    @ParameterizedTest
    @ValueSource(doubles = {0, 1, 2.5, 0.5, 0.0001, 0.00001, 1e-5, 123456, 1234567, 999999.5, 1.5e10, 100000,
        3.14159265, 0.000123456789, 42.0, 1e100})
    void formatsLikePrintfG(double value) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/printf", "%g", Double.toString(value)).start();
        String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        p.waitFor();
        assertEquals(expected, CNumbers.formatG(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.5:2.5", "x:0", ".5:0.5", "3x:3", "1e3:1000", ":0", " 7:7", "-2:-2", "1.:1"})
    void atofTakesTheLongestNumericPrefix(String testCase) {
        String[] parts = testCase.split(":", -1);
        assertEquals(Double.parseDouble(parts[1]), CNumbers.atof(parts[0]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1:1", " 2x:2", "x:0", ":0", "-3:-3", "1.9:1", "99999999999:2147483647"})
    void atoiTakesTheLeadingDigits(String testCase) {
        String[] parts = testCase.split(":", -1);
        assertEquals(Integer.parseInt(parts[1]), CNumbers.atoi(parts[0]));
    }
}
