package dev.underlay.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.testing.Collect;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The message log's entries as the messages window watches them: read-only, and heard after a collection. */
class MessageLogTest {
    @Test
    void theMessagesWindowsListenerHearsNewEntriesAfterACollection() throws Exception {
        MessageLog log = new MessageLog();
        List<String> heard = new ArrayList<>();
        log.entries().addListener((ListChangeListener<MessageLog.Entry>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(e -> heard.add(e.text()));
            }
        });
        assertTrue(Collect.weaklyHeld(), "a full collection ran");
        log.add("Lab started");
        assertEquals(List.of("Lab started"), heard, "a wrapper made per call was collected with its listener");
        assertSame(log.entries(), log.entries());
    }
}
