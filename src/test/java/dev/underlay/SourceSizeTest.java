package dev.underlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house's size rule, checked rather than remembered: no source file over {@value #MAX} lines (HOUSE-STYLE: a
 * class past ~300 is asking to be split; the brief keeps every file under 380). Main and test code alike.
 */
class SourceSizeTest {
    static final int MAX = 380;

    @Test
    void noSourceFileIsOverTheLimit() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Stream.of(Path.of("src/main/java"), Path.of("src/test/java"))
                .flatMap(SourceSizeTest::walk)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(files.size() > 100, "the sources were found from " + Path.of("").toAbsolutePath());
        List<String> over = files.stream().filter(p -> lines(p) > MAX).map(p -> p + ": " + lines(p)).toList();
        assertEquals(List.of(), over, "files over " + MAX + " lines: split them");
    }

    private static Stream<Path> walk(Path root) {
        try {
            return Files.walk(root);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int lines(Path p) {
        try (Stream<String> l = Files.lines(p)) {
            return (int) l.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
