package org.mu1000.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long run at a steady rate (`--soak=MINUTES`, at half the measured intake rate): every request must succeed, and
 * the application's heap after a full collection, taken each minute with jcmd, must stay flat (≤ 10 % growth from
 * the end of the first minute to the end of the run).
 */
final class Soak {
  private static final Pattern USED = Pattern.compile(
      "(?m)^\\s*(def new generation|tenured generation|garbage-first heap|PSYoungGen|ParOldGen)\\s+total \\d+K, used (\\d+)K");

  private Soak() {}

  static void run(long appPid, double rate, int minutes, Benchmark.Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(32);
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    List<Long> heap = new ArrayList<>();
    long intervalNanos = (long) (1e9 / rate);
    long start = System.nanoTime();
    long next = start;
    long minute = start + TimeUnit.MINUTES.toNanos(1);
    try {
      while (heap.size() < minutes) {
        long now = System.nanoTime();
        if (now >= minute) {
          heap.add(heapAfterFullGc(appPid));
          System.out.printf("soak minute %d/%d: %d requests, %d failed, heap after full GC %d MB%n", heap.size(),
              minutes, sent.get(), failed.get(), heap.get(heap.size() - 1) / 1024);
          minute += TimeUnit.MINUTES.toNanos(1);
          continue;
        }
        if (now < next) {
          TimeUnit.NANOSECONDS.sleep(Math.min(next - now, minute - now));
          continue;
        }
        int i = sent.getAndIncrement();
        pool.execute(() -> {
          try {
            call.run(i);
          } catch (Exception e) {
            failed.incrementAndGet();
            firstError.compareAndSet(null, e.getMessage());
          }
        });
        next += intervalNanos;
      }
    } finally {
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long first = heap.get(0);
    long last = heap.get(heap.size() - 1);
    double growth = 100.0 * (last - first) / first;
    Benchmark.out("soak", String.format("%+.1f", growth), "% heap", String.format("after a full GC: %d MB after "
        + "the first minute, %d MB after %d; %d requests at %.1f req/s, %d failed%s; target ≤ 10 %% and none",
        first / 1024, last / 1024, minutes, sent.get(), sent.get() / seconds, failed.get(),
        firstError.get() == null ? "" : " (first: " + firstError.get() + ")"));
  }

  /** The application's heap in use right after a full collection, in KB (jcmd of the JDK this runs on). */
  static long heapAfterFullGc(long pid) throws Exception {
    jcmd(pid, "GC.run");
    Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
    long used = 0;
    while (m.find()) {
      used += Long.parseLong(m.group(2));
    }
    if (used == 0) {
      throw new IllegalStateException("jcmd gave no heap figures for process " + pid);
    }
    return used;
  }

  private static String jcmd(long pid, String command) throws Exception {
    Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
    Path jcmd = java.resolveSibling("jcmd");
    Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + pid + " " + command + ": " + out);
    }
    return out;
  }
}
