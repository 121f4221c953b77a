import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * What each young collection of one ferry run copied to the old generation, from JFR's promotion
 * events (docs/performance.md, "After the fourteenth pass"). With the launcher's collector for
 * large inputs (promote whatever survives one collection) everything promoted costs a copy and
 * fresh old-generation pages; what is promoted and not kept to the end is a temporary that lived
 * across a collection, or one that a dead old object still pointed to (a young collection takes
 * every old object as live).
 *
 * <pre>
 * FERRY_JAVA_OPTS="-XX:StartFlightRecording=settings=bench/promotion.jfc,filename=run.jfr" \
 *   ./ferry explain -f big.yaml --html big.html
 * java bench/Promotion.java run.jfr [CLASSES]
 * </pre>
 *
 * One line per collection: its pause, the megabytes promoted, those of them in arrays of 64 KB or
 * more, and the classes promoted most (CLASSES of them, default 3). An event inside a promotion
 * buffer (PLAB) stands for the whole buffer and names its first object's class only, so the
 * classes are a sample; the totals are not.
 */
public class Promotion {
  private static final long LARGE = 64 << 10;

  private static final class Gc {
    Duration pause = Duration.ZERO;
    long promoted;
    long large;
    final Map<String, Long> byClass = new HashMap<>();
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: Promotion FILE.jfr [CLASSES]");
      System.exit(2);
    }
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Map<Integer, Gc> gcs = new TreeMap<>();
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      String type = e.getEventType().getName();
      switch (type) {
        case "jdk.GarbageCollection" -> gcs.computeIfAbsent(e.getInt("gcId"), k -> new Gc()).pause = e.getDuration("sumOfPauses");
        case "jdk.PromoteObjectInNewPLAB", "jdk.PromoteObjectOutsidePLAB" -> {
          Gc gc = gcs.computeIfAbsent(e.getInt("gcId"), k -> new Gc());
          boolean inPlab = type.equals("jdk.PromoteObjectInNewPLAB");
          long weight = inPlab ? e.getLong("plabSize") : e.getLong("objectSize");
          gc.promoted += weight;
          if (!inPlab && weight >= LARGE) gc.large += weight;
          RecordedClass c = e.getClass("objectClass");
          gc.byClass.merge(c == null ? "?" : c.getName(), weight, Long::sum);
        }
        default -> { }
      }
    }
    long promoted = 0;
    long large = 0;
    Duration paused = Duration.ZERO;
    for (Map.Entry<Integer, Gc> en : gcs.entrySet()) {
      Gc gc = en.getValue();
      promoted += gc.promoted;
      large += gc.large;
      paused = paused.plus(gc.pause);
      List<Map.Entry<String, Long>> classes = new ArrayList<>(gc.byClass.entrySet());
      classes.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
      StringBuilder b = new StringBuilder();
      for (Map.Entry<String, Long> c : classes.subList(0, Math.min(top, classes.size()))) {
        b.append(b.isEmpty() ? "" : ", ").append(c.getKey()).append(' ').append(mb(c.getValue()));
      }
      System.out.printf("GC %3d  %6.1f ms  promoted %6s MB  large arrays %6s MB  %s%n",
          en.getKey(), gc.pause.toNanos() / 1e6, mb(gc.promoted), mb(gc.large), b);
    }
    System.out.printf("%d collections, %.2f s paused, promoted %s MB, %s MB of it in large arrays%n",
        gcs.size(), paused.toNanos() / 1e9, mb(promoted), mb(large));
  }

  private static String mb(long bytes) {
    return String.format("%.1f", bytes / 1e6);
  }
}
