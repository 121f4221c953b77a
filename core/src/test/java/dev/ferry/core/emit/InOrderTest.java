package dev.ferry.core.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Texts rendered on every core reach the sink in item order, and a failure reaches the caller. */
class InOrderTest {
  @Test
  void sinkGetsEveryTextInItemOrder() {
    for (int n : new int[] {0, 1, 63, 64, 65, 1000, 5003}) {
      List<Integer> items = IntStream.range(0, n).boxed().toList();
      List<String> got = new ArrayList<>();
      // uneven cost per item, so chunks finish out of order
      InOrder.render(items, i -> "item " + i + " " + "x".repeat((i * 7919) % 300), got::add);
      List<String> want = items.stream().map(i -> "item " + i + " " + "x".repeat((i * 7919) % 300)).toList();
      assertEquals(want, got, n + " items");
    }
  }

  /**
   * A slow sink (standard output read by a slow process) holds back the rendering: the texts
   * rendered but not yet written stay a bounded number of chunks, not the whole output.
   */
  @Test
  void aSlowSinkHoldsBackTheRendering() {
    List<Integer> items = IntStream.range(0, 20_000).boxed().toList();
    AtomicInteger rendered = new AtomicInteger();
    AtomicInteger written = new AtomicInteger();
    AtomicInteger lead = new AtomicInteger();
    InOrder.render(items, i -> {
      lead.accumulateAndGet(rendered.incrementAndGet() - written.get(), Math::max);
      return String.valueOf(i);
    }, s -> {
      if (written.incrementAndGet() % 64 == 0) LockSupport.parkNanos(200_000);
    });
    int threads = Runtime.getRuntime().availableProcessors() + 1;
    assertTrue(lead.get() <= (16 + threads + 1) * 64, "rendered ahead of the sink: " + lead.get() + " texts");
  }

  @Test
  void aFailureIsThrownAndNothingAfterItIsWritten() {
    List<Integer> items = IntStream.range(0, 2000).boxed().toList();
    List<String> got = new ArrayList<>();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> InOrder.render(items, i -> {
      if (i == 1500) throw new IllegalStateException("bad " + i);
      return String.valueOf(i);
    }, got::add));
    assertEquals("bad 1500", e.getMessage());
    assertTrue(got.size() <= 1500, "nothing after the failing item: " + got.size());
    for (int i = 0; i < got.size(); i++) assertEquals(String.valueOf(i), got.get(i));
  }
}
