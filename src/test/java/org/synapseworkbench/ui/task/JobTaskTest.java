package org.synapseworkbench.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.concurrent.Worker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A job run as a JavaFX task: its progress reaches the bar's property, and a stop ends it CANCELLED once it stopped. */
@ExtendWith(ApplicationExtension.class)
class JobTaskTest {
    @Test
    void progressAndResultReachTheTask() throws Exception {
        JobTask<String> task = new JobTask<>((progress, control) -> {
            progress.update("Counting", 1, 4, 1.0);
            return "made";
        });
        task.start("test-job");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(task::getState) == Worker.State.SUCCEEDED);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("made", fx(task::getValue));
        assertEquals(0.25, fx(task::getProgress), 1e-9);
        assertEquals("Counting: 1 of 4, 0:03 left", fx(task::getMessage));
    }

    @Test
    void stopEndsTheTaskCancelledOnlyAfterTheJobHasStopped() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finishedWriting = new AtomicBoolean();
        JobTask<Void> task = new JobTask<>((progress, control) -> {
            started.countDown();
            release.await();
            finishedWriting.set(true); // the job's last words, after the stop was asked
            control.check();
            return null;
        });
        task.start("test-stop");
        assertTrue(started.await(10, TimeUnit.SECONDS));
        task.stop();
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(task::isDone), "the task must not end while its job still runs");
        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(task::getState) == Worker.State.CANCELLED);
        assertTrue(finishedWriting.get());
    }

    private static <T> T fx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    @Test
    void durationsReadAsClockTimes() {
        assertEquals("0:42", JobTask.duration(42));
        assertEquals("1:01:05", JobTask.duration(3665));
        assertEquals("-", JobTask.duration(Double.NaN));
    }
}
