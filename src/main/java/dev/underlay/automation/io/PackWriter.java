package dev.underlay.automation.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.underlay.automation.content.ContentJson;
import dev.underlay.automation.content.ContentPack;

/**
 * Writes a content pack as the YAML that {@link PackReader} reads: templates as literal blocks, so an export reads
 * like the file that was imported, and an export imported again gives the same pack.
 */
public final class PackWriter {
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private PackWriter() {
    }

    public static String write(ContentPack pack) {
        try {
            return YAML.writeValueAsString(ContentJson.tree(pack));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write content pack " + pack.name() + ": " + e.getMessage(), e);
        }
    }
}
