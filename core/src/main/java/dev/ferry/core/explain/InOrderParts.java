package dev.ferry.core.explain;

import dev.ferry.core.concurrent.OnEveryCore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The line-by-line part of an explain page (rows, a pane's lines) rendered on every core and
 * handed on in item order: items are cut into chunks claimed in order; each chunk is written into
 * its own buffer by a {@link Part} that depends only on the item indexes (never on what was
 * rendered before), and scanned for glossary terms where it was rendered. The calling thread hands
 * each chunk's text to the sink as soon as it and every chunk before it are done, and renders
 * chunks itself while it waits ({@link OnEveryCore}). So the sink receives the same text in the
 * same pieces on any number of cores, and the terms found are the same (a set). At most {@link #AHEAD} chunks are
 * held before they are written: a page of 10,000 services is never held whole.
 */
final class InOrderParts {
  /** Writes items {@code [from, to)} to {@code b}; the text ends with a line break (or is empty). */
  interface Part {
    void write(StringBuilder b, int from, int to);
  }

  private record Done(String text, Glossary.Scan terms) {}

  /** Chunks rendered but not yet written, at most. */
  private static final int AHEAD = 16;

  private InOrderParts() {}

  /**
   * Items {@code 0..n-1} in chunks of {@code chunk}, each chunk's text given to {@code sink} in
   * order and its glossary terms added to {@code terms}. A failure in a chunk is thrown to the
   * caller as it was thrown (the chunks after it are not written).
   */
  static void render(int n, int chunk, Part part, Consumer<String> sink, Glossary.Scan terms) {
    int chunks = (n + chunk - 1) / chunk;
    AtomicInteger size = new AtomicInteger(1 << 14);
    OnEveryCore.forEachInOrder(chunks, AHEAD, c -> renderChunk(n, chunk, part, c, size), d -> {
      if (!d.text().isEmpty()) sink.accept(d.text());
      terms.addAll(d.terms());
    });
  }

  /**
   * Chunk {@code c}, in a buffer the size of the last chunk done and a little more ({@code size},
   * at most 1 MB: one large chunk must not make every later one as large): grown from 16 KB each
   * time, a chunk of 100 KB was copied four times over.
   */
  private static Done renderChunk(int n, int chunk, Part part, int c, AtomicInteger size) {
    int from = c * chunk;
    int to = Math.min(n, from + chunk);
    StringBuilder b = new StringBuilder(size.get());
    part.write(b, from, to);
    size.set(Math.max(1 << 14, Math.min(b.length() + (b.length() >> 3), 1 << 20)));
    String text = b.toString();
    Glossary.Scan terms = new Glossary.Scan();
    terms.add(text);
    return new Done(text, terms);
  }
}
