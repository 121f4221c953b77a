package dev.ferry.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Work spread over the cores comes back in item order and fails as a run in order would. */
class OnEveryCoreTest {
  @Test
  void resultsComeInTaskOrderWhateverThreadRanThem() {
    List<String> out = OnEveryCore.map(2000, i -> {
      if (i % 7 == 0) Thread.yield(); // tasks of uneven length: the threads take turns at random
      return "r" + i;
    });
    assertEquals(IntStream.range(0, 2000).mapToObj(i -> "r" + i).toList(), out);
    assertEquals(List.of(), OnEveryCore.map(0, i -> "never"));
  }

  @Test
  void theFirstFailureInTaskOrderIsThrownAsItIs() {
    IOException first = new IOException("task 3");
    IOException thrown = assertThrows(IOException.class, () -> OnEveryCore.map(50, i -> {
      if (i == 3) throw first;
      if (i == 4 || i == 9) throw new IOException("task " + i);
      return i;
    }));
    assertSame(first, thrown, "a run in order meets task 3 first");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> OnEveryCore.map(5, i -> {
      if (i == 2) throw new IllegalStateException("boom");
      return i;
    }));
    assertEquals("boom", e.getMessage());
    StackOverflowError err = new StackOverflowError();
    assertSame(err, assertThrows(StackOverflowError.class, () -> OnEveryCore.map(3, i -> {
      throw err;
    })));
  }

  @Test
  void streamedResultsComeInOrderAndNeverFarAheadOfTheConsumer() {
    int ahead = 8;
    AtomicInteger computed = new AtomicInteger();
    AtomicInteger handed = new AtomicInteger();
    AtomicInteger lead = new AtomicInteger();
    List<Integer> seen = new ArrayList<>();
    OnEveryCore.forEachInOrder(3000, ahead, i -> {
      lead.accumulateAndGet(computed.incrementAndGet() - handed.get(), Math::max);
      if (i % 13 == 0) Thread.yield();
      return i;
    }, r -> {
      seen.add(r);
      handed.incrementAndGet();
    });
    assertEquals(IntStream.range(0, 3000).boxed().toList(), seen);
    int threads = Runtime.getRuntime().availableProcessors() + 1;
    assertTrue(lead.get() <= ahead + threads, "computed ahead of the consumer: " + lead.get());
  }

  @Test
  void aStreamedFailureIsThrownAfterEveryResultBeforeItAndNothingAfter() {
    List<Integer> seen = new ArrayList<>();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> OnEveryCore.forEachInOrder(2000, 16, i -> {
      if (i == 1500 || i == 1700) throw new IllegalStateException("bad " + i);
      return i;
    }, seen::add));
    assertEquals("bad 1500", e.getMessage());
    assertEquals(IntStream.range(0, 1500).boxed().toList(), seen);
  }
}
