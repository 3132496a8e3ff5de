package org.synapseworkbench.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The controls of long work: a paused job holds at its next check, goes on when resumed, and a cancel ends a pause. */
class CancellationTest {
    @Test
    void aPausedJobHoldsAtItsCheckUntilResumed() throws Exception {
        Cancellation control = new Cancellation();
        control.setPaused(true);
        AtomicInteger steps = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            for (int i = 0; i < 3; i++) {
                control.check();
                steps.incrementAndGet();
            }
            done.countDown();
        });
        worker.start();
        assertFalse(done.await(300, TimeUnit.MILLISECONDS));
        assertEquals(0, steps.get());
        assertTrue(control.isPaused());
        control.setPaused(false);
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(3, steps.get());
    }

    @Test
    void cancellingEndsAPauseWithTheCancelledException() throws Exception {
        Cancellation control = new Cancellation();
        control.setPaused(true);
        List<Throwable> thrown = new ArrayList<>();
        Thread worker = new Thread(() -> {
            try {
                control.check();
            } catch (Cancellation.CancelledException e) {
                thrown.add(e);
            }
        });
        worker.start();
        Thread.sleep(100);
        control.cancel();
        worker.join(10_000);
        assertFalse(worker.isAlive());
        assertEquals(1, thrown.size());
        assertTrue(control.isCancelled());
    }

    @Test
    void stepsReportTheirNamesAndStopBetweenSteps() {
        Cancellation control = new Cancellation();
        List<String> reports = new ArrayList<>();
        Steps steps = new Steps((task, done, total, s) -> reports.add(task + " " + done + "/" + total), control, 3);
        steps.begin("read");
        steps.begin("label");
        control.cancel();
        assertThrows(Cancellation.CancelledException.class, () -> steps.begin("score"));
        assertEquals(List.of("read 0/3", "label 1/3"), reports);

        List<String> all = new ArrayList<>();
        Steps two = new Steps((task, done, total, s) -> all.add(task + " " + done + "/" + total), new Cancellation(), 2);
        two.begin("read");
        two.begin("write");
        two.finish();
        assertEquals(List.of("read 0/2", "write 1/2", "write 2/2"), all);
    }
}
