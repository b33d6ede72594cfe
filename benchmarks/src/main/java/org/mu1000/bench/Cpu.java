package org.mu1000.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU time of the processes serving the benchmark on this machine (the application server, the embedded
 * MongoDB wire server, this client), found by their command lines: where a request's time goes. Processes it
 * cannot find (a remote server, MONGODB_URI) are left out.
 */
final class Cpu {
  final Map<String, ProcessHandle> processes = new LinkedHashMap<>();

  Cpu() {
    ProcessHandle.allProcesses().forEach(p -> {
      String c = commandLine(p);
      if (c.contains("payara-micro")) {
        processes.putIfAbsent("app", p);
      } else if (c.contains("EmbeddedMongoServer")) {
        processes.putIfAbsent("store", p);
      }
    });
    processes.put("client", ProcessHandle.current());
  }

  /** From /proc where there is one: ProcessHandle leaves out a command line as long as the store's class path. */
  private static String commandLine(ProcessHandle p) {
    try {
      return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/" + p.pid() + "/cmdline")),
          StandardCharsets.UTF_8);
    } catch (java.io.IOException | RuntimeException notLinux) {
      return p.info().commandLine().orElse("");
    }
  }

  int size() {
    return processes.size();
  }

  long[] nanos() {
    return processes.values().stream().mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos)
        .orElse(0L)).toArray();
  }

  String perRequest(long[] nanos, int requests) {
    StringBuilder s = new StringBuilder();
    int k = 0;
    for (String name : processes.keySet()) {
      s.append(k == 0 ? "" : ", ").append(name).append(' ').append(String.format("%.2f", nanos[k++] / 1e6
          / requests));
    }
    return s.toString();
  }
}
