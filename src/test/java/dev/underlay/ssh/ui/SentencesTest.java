package dev.underlay.ssh.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SentencesTest {
    @Test
    void theTargetPrefixIsDroppedOnlyWhenTheSentenceStartsWithTheHost() {
        assertEquals("connection refused (nothing listens).", Sentences.withoutTarget("fra1-db03",
                "fra1-db03 (root@[127.0.0.1]:22018): connection refused (nothing listens)."));
        assertEquals("cancelled before it started", Sentences.withoutTarget("a", "a: cancelled before it started"));
        assertEquals("machine a has no address", Sentences.withoutTarget("a", "machine a has no address"));
        assertEquals("ab: x", Sentences.withoutTarget("a", "ab: x"), "another host whose name starts alike");
    }
}
