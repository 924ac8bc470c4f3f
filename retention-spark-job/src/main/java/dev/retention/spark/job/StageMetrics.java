package dev.retention.spark.job;

import dev.retention.io.Json;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Task metrics summed over the tasks that end while it listens: shuffle bytes written and read, spilled bytes, the
 * largest peak execution memory of a task, and the tasks' run, CPU and garbage-collection times (on a loaded machine
 * the CPU time moves much less than the wall time); plus the JVM's peak heap (in local mode the driver and the
 * executors share one JVM, so it covers both).
 */
final class StageMetrics extends SparkListener {

    private final AtomicLong shuffleWrite = new AtomicLong();
    private final AtomicLong shuffleRead = new AtomicLong();
    private final AtomicLong spilled = new AtomicLong();
    private final AtomicLong tasks = new AtomicLong();
    private final AtomicLong peakTaskMemory = new AtomicLong();
    private final AtomicLong runMillis = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();
    private final AtomicLong gcMillis = new AtomicLong();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskMetrics m = end.taskMetrics();
        if (m == null) {
            return;
        }
        tasks.incrementAndGet();
        shuffleWrite.addAndGet(m.shuffleWriteMetrics().bytesWritten());
        shuffleRead.addAndGet(m.shuffleReadMetrics().remoteBytesRead() + m.shuffleReadMetrics().localBytesRead());
        spilled.addAndGet(m.diskBytesSpilled());
        peakTaskMemory.accumulateAndGet(m.peakExecutionMemory(), Math::max);
        runMillis.addAndGet(m.executorRunTime());
        cpuNanos.addAndGet(m.executorCpuTime());
        gcMillis.addAndGet(m.jvmGCTime());
    }

    /** Starts a new measurement: zeroes the sums and the JVM's peak heap. */
    void reset() {
        shuffleWrite.set(0);
        shuffleRead.set(0);
        spilled.set(0);
        tasks.set(0);
        peakTaskMemory.set(0);
        runMillis.set(0);
        cpuNanos.set(0);
        gcMillis.set(0);
        resetPeakHeap();
    }

    /** Zeroes the peaks of the JVM's heap pools. */
    static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** {@return the sum of the heap pools' peaks since the last reset: an upper bound of the peak, garbage included} */
    static long peakHeap() {
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        return heap;
    }

    /** {@return the figures since the last reset, as JSON} */
    Json toJson() {
        long heap = peakHeap();
        return new Json().put("tasks", tasks.get()).put("shuffle_write_bytes", shuffleWrite.get())
                .put("shuffle_read_bytes", shuffleRead.get()).put("spilled_bytes", spilled.get())
                .put("peak_task_execution_memory_bytes", peakTaskMemory.get())
                .put("task_run_seconds", runMillis.get() / 1e3)
                .put("task_cpu_seconds", cpuNanos.get() / 1e9)
                .put("task_gc_seconds", gcMillis.get() / 1e3)
                .put("peak_heap_bytes", heap);
    }
}
