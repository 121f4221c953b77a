package dev.ferry.core.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutputDirTasksTest {
  @Test
  void resultsComeInTaskOrderWhateverThreadRanThem() {
    List<String> out = OutputDirTasks.run(2000, i -> {
      if (i % 7 == 0) Thread.yield(); // tasks of uneven length: the threads take turns at random
      return "r" + i;
    });
    assertEquals(IntStream.range(0, 2000).mapToObj(i -> "r" + i).toList(), out);
    assertEquals(List.of(), OutputDirTasks.run(0, i -> "never"));
  }

  @Test
  void theFirstFailureInTaskOrderIsThrownAsItIs() {
    IOException first = new IOException("task 3");
    IOException thrown = assertThrows(IOException.class, () -> OutputDirTasks.run(50, i -> {
      if (i == 3) throw first;
      if (i == 4 || i == 9) throw new IOException("task " + i);
      return i;
    }));
    assertSame(first, thrown, "a run in order meets task 3 first");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> OutputDirTasks.run(5, i -> {
      if (i == 2) throw new IllegalStateException("boom");
      return i;
    }));
    assertEquals("boom", e.getMessage());
    StackOverflowError err = new StackOverflowError();
    assertSame(err, assertThrows(StackOverflowError.class, () -> OutputDirTasks.run(3, i -> {
      throw err;
    })));
  }
}
