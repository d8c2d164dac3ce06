package dev.underlay.inventory.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.underlay.inventory.Json;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** INI values against what Python 3.11's {@code ast.literal_eval} (and so Ansible) made of each. */
class PyLiteralTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "00|0", "0755|`\"0755\"`", "1_000|1000", "0x1F|31", "0o17|15", "0b101|5", "0b102|`\"0b102\"`",
        "-5|-5", "+5|5", "--5|`\"--5\"`", "- 5|-5", "1e3|1000.0", ".5|0.5", "5.|5.0", "1.5e-1|0.15",
        "(1)|1", "(1,)|[1]", "()|[]", "[1,]|[1]", "{1:2}|`{\"1\":2}`", "{}|`{}`",
        "`'a' 'b'`|`\"ab\"`", "`b\"ab\"`|`\"ab\"`", "`u'x'`|`\"x\"`", "`r'a\\nb'`|`\"a\\\\nb\"`",
        "`'a\\tb'`|`\"a\\tb\"`", "`'\\x41\\101'`|`\"AA\"`", "42 # c|42", "True|true", "False|false", "None|null",
        "true|`\"true\"`", "yes|`\"yes\"`", "10.0.0.1|`\"10.0.0.1\"`", "1.2.3|`\"1.2.3\"`", "1j|`\"1j\"`",
        "`[1, 'two', [None]]`|`[1,\"two\",[null]]`", "`{'k': (1, 2)}`|`{\"k\":[1,2]}`", "`'open`|`\"'open\"`",
        "12345678901234567890|12345678901234567890", "f'x'|`\"f'x'\"`"})
    void valuesAreReadAsPythonLiteralsOrKeptAsText(String text, String json) {
        assertEquals(Json.parse(json), PyLiteral.value(text), text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`h1 motd=\"hello world\"`|`h1,motd=hello world`",
        "`h1 a=\"x\\\"y\" b='q\\z'`|`h1,a=x\"y,b=q\\z`",
        "`h1 a=b#c d`|`h1,a=b`", "`h1 e=a\\ b`|`h1,e=a b`", "`h1 x='it''s'`|`h1,x=its`"})
    void hostLinesSplitAsShlexSplitsThem(String line, String words) {
        assertEquals(List.of(words.split(",")), Shlex.split(line));
    }
}
