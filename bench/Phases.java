import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.emit.ManifestWriter;
import dev.ferry.core.explain.Explanation;
import dev.ferry.core.explain.HtmlReport;
import dev.ferry.core.explain.SideBySide;
import dev.ferry.core.helm.ChartWriter;
import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.provenance.Alignment;
import dev.ferry.core.translate.TranslateOptions;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.translate.run.Translator;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where one command's time goes, phase by phase, in one JVM (docs/performance.md): wall time, the
 * collector's pauses and how much the old generation grew in each phase. With the launcher's
 * collector (promote what survives one collection) the old generation grows by what a phase keeps
 * plus what was alive but temporary at each collection, and on a virtual machine every fresh
 * megabyte costs its first touch: a phase whose old-generation growth is far above what it keeps
 * is promoting temporaries. Output goes nowhere (a null stream; chart's files are made, not written).
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -XX:NewRatio=1 -XX:InitialRAMPercentage=8 \
 *   -Xmn256m -XX:MaxTenuringThreshold=0 -Xss4m -XX:MetaspaceSize=128m -cp cli/target/ferry.jar \
 *   bench/Phases.java explain|html|convert|chart FILE [RUNS]
 * </pre>
 *
 * (the launcher's flags for an input over 4 MiB; add {@code -XX:+UseTransparentHugePages} where
 * the kernel offers them on request). The first run includes the JIT's warm-up, as a CLI run does.
 * {@code -XX:MetaspaceSize=128m} is not the launcher's: this file is compiled in the same JVM
 * (source-file mode), and javac's classes take the metaspace past its first threshold, which a
 * CLI run (its classes in the class-data archive) does not reach; the collection that crossing
 * asks for is a full one (0.7 s in explain at 10,000 services), in whichever phase crosses it. A
 * phase with a full collection says so.
 */
public class Phases {
  private final List<String> names = new ArrayList<>();
  private final List<long[]> marks = new ArrayList<>(); // nanos, GC count, GC millis, old-gen bytes

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: Phases explain|html|convert|chart FILE [RUNS]");
      System.exit(2);
    }
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    for (int i = 0; i < runs; i++) System.out.println(new Phases().run(args[0], Path.of(args[1]).toAbsolutePath()));
  }

  private String run(String command, Path file) throws Exception {
    mark("start");
    boolean explain = command.equals("explain") || command.equals("html");
    LoadResult r = ComposeLoader.load(LoadOptions.builder().workingDirectory(file.getParent()).file(file)
        .environment(System.getenv()).outlines(explain).build());
    if (r.hasErrors()) throw new IllegalArgumentException("the project has errors: " + r.errors());
    mark("load");
    Translation t = Translator.translate(r.project(), r.sourceMap(), TranslateOptions.defaults());
    mark("translate");
    switch (command) {
      case "convert" -> {
        ManifestWriter.yamlStream(t, r.sourceMap(), false, s -> {});
        mark("emit");
      }
      case "explain", "html" -> {
        Alignment a = ManifestWriter.alignment(t, r.sourceMap(), r.fileTexts(), Alignment.ComposeIndexer.fromOutlines(r.outlines()));
        mark("alignment");
        List<Diagnostic> findings = new ArrayList<>(t.diagnostics());
        Explanation e = Explanation.of(a, findings, null);
        mark("explanation");
        try (Writer w = new BufferedWriter(new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8), 1 << 16)) {
          if (command.equals("html")) HtmlReport.render(e, "bench", w);
          else SideBySide.write(e, new SideBySide.Options(160, false, false), w);
        }
        mark("write");
      }
      case "chart" -> {
        Map<String, Integer> files = ChartWriter.write(r.project(), r.sourceMap(), t, ChartWriter.Options.defaults(),
            names -> { mark("chart plan"); return (name, text) -> text.length(); });
        mark("chart files (" + files.size() + ")");
      }
      default -> throw new IllegalArgumentException("no command " + command);
    }
    return report(command);
  }

  private void mark(String name) {
    long count = 0;
    long millis = 0;
    long full = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
      millis += Math.max(0, gc.getCollectionTime());
      // the collector that also collects the old generation: its collections are full ones
      if (Arrays.stream(gc.getMemoryPoolNames()).anyMatch(n -> n.contains("Old Gen") || n.contains("Tenured"))) {
        full += Math.max(0, gc.getCollectionCount());
      }
    }
    long old = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getName().contains("Old Gen") || p.getName().contains("Tenured")) old += p.getUsage().getUsed();
    }
    names.add(name);
    marks.add(new long[] {System.nanoTime(), count, millis, old, full});
  }

  private String report(String command) {
    StringBuilder b = new StringBuilder(command);
    long[] first = marks.get(0);
    long[] last = marks.get(marks.size() - 1);
    b.append(String.format(": %.2f s, %d collections, %.2f s paused, old generation %d MB%n",
        (last[0] - first[0]) / 1e9, last[1] - first[1], (last[2] - first[2]) / 1e3, last[3] >> 20));
    for (int i = 1; i < marks.size(); i++) {
      long[] a = marks.get(i - 1);
      long[] z = marks.get(i);
      b.append(String.format("  %-22s %6.2f s  %3d collections %6.2f s paused  old generation %+5d MB%s%n", names.get(i),
          (z[0] - a[0]) / 1e9, z[1] - a[1], (z[2] - a[2]) / 1e3, (z[3] - a[3]) >> 20,
          z[4] > a[4] ? "  (" + (z[4] - a[4]) + " full)" : ""));
    }
    return b.toString().stripTrailing();
  }
}
