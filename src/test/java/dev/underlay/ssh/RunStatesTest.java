package dev.underlay.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The step and host states of a job move only along their allowed transitions, and say why not. */
class RunStatesTest {
    @Test
    void stepMovesFromPendingThroughRunningAndRetryToAFinalState() {
        StepState s = StepState.transition(StepState.PENDING, StepState.RUNNING);
        s = StepState.transition(s, StepState.RETRY_WAIT);
        s = StepState.transition(s, StepState.RUNNING);
        assertEquals(StepState.OK, StepState.transition(s, StepState.OK));
        assertEquals(StepState.SKIPPED, StepState.transition(StepState.PENDING, StepState.SKIPPED));
    }

    @Test
    void finalStepStatesAreNeverLeft() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> StepState.transition(StepState.OK, StepState.RUNNING));
        assertEquals("a step that is ok cannot become running (it is final)", e.getMessage());
        assertThrows(IllegalStateException.class, () -> StepState.transition(StepState.FAILED, StepState.FAILED));
        assertThrows(IllegalStateException.class, () -> StepState.transition(StepState.PENDING,
                StepState.RETRY_WAIT));
        assertEquals(StepState.RETRY_WAIT, StepState.parse("retry-wait"));
    }

    @Test
    void hostStatesFollowTheJob() {
        assertEquals(HostRunState.ACTIVE, HostRunState.transition(HostRunState.WAITING, HostRunState.ACTIVE));
        assertEquals(HostRunState.DONE, HostRunState.transition(HostRunState.ACTIVE, HostRunState.DONE));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> HostRunState.transition(HostRunState.ACTIVE, HostRunState.SKIPPED));
        assertTrue(e.getMessage().contains("allowed: done, failed, cancelled, interrupted"), e.getMessage());
        assertTrue(HostRunState.SKIPPED.isFinal());
    }
}
