package dev.underlay.automation.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.automation.content.ContentPack;
import dev.underlay.automation.content.SamplePacks;
import dev.underlay.automation.content.Workflow;
import dev.underlay.db.Database;
import dev.underlay.db.TestBackend;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass
@EnumSource(TestBackend.class)
class JdbcContentRepositoryTest {
    @Parameter
    TestBackend backend;
    @TempDir
    Path dir;

    @Test
    void packReadsBackAsWrittenAfterReopening() {
        ContentPack pack = SamplePacks.ntp("1.0.0");
        try (Database db = backend.open(dir)) {
            new JdbcContentRepository(db).install(pack);
        }
        try (Database db = backend.open(dir)) {
            List<ContentPack> packs = new JdbcContentRepository(db).packs();
            assertEquals(List.of(pack), packs);
            assertEquals("0640", packs.get(0).tasks().get(0).templates().get(0).mode());
            assertEquals("ntp", packs.get(0).tasks().get(1).pack());
        }
    }

    @Test
    void installReplacesThePackAndEverythingItBrought() {
        try (Database db = backend.open(dir)) {
            JdbcContentRepository repo = new JdbcContentRepository(db);
            repo.install(SamplePacks.ntp("1.0.0"));
            ContentPack old = SamplePacks.ntp("2.0.0");
            ContentPack smaller = new ContentPack(old.name(), old.version(), old.description(), List.of(),
                    old.params(), old.profiles(), old.tasks(), old.stages(),
                    List.of(new Workflow("time-sync-2", "", List.of("ntp"), "")));
            repo.install(smaller);
            ContentPack back = repo.packs().get(0);
            assertEquals("2.0.0", back.version());
            assertEquals(List.of("time-sync-2"), back.workflows().stream().map(Workflow::name).toList());
            assertTrue(repo.remove("ntp"));
            assertFalse(repo.remove("ntp"));
            assertEquals(List.of(), repo.packs());
        }
    }
}
