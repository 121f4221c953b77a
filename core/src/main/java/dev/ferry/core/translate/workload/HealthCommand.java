package dev.ferry.core.translate.workload;

import dev.ferry.core.model.Healthcheck;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.text.ShellWords;
import dev.ferry.core.translate.TranslationContext;
import java.util.ArrayList;
import java.util.List;

/** A healthcheck test (or kompose's readiness.test label) as the command an exec probe runs, as Docker runs it. */
final class HealthCommand {
  private HealthCommand() {}

  /** CMD runs the words as they are; CMD-SHELL (and a string test) runs through sh -c, as Docker does. */
  static List<String> command(Healthcheck h) {
    List<String> c = h.command();
    if (h.isShell()) {
      List<String> out = new ArrayList<>(List.of("sh", "-c"));
      out.add(c.size() == 1 ? c.get(0) : ShellWords.join(c));
      return out;
    }
    return List.copyOf(c);
  }

  /**
   * kompose's readiness.test label, read the way compose reads a {@code test}: a flow list
   * ({@code ["CMD", "curl", "-f", "http://localhost/"]}) or words starting with CMD or CMD-SHELL;
   * any other string runs through a shell.
   */
  static List<String> labelCommand(String text) {
    String t = text.trim();
    List<String> words;
    if (t.startsWith("[") && t.endsWith("]")) {
      words = new ArrayList<>();
      for (String w : t.substring(1, t.length() - 1).split(",")) {
        String x = w.trim();
        if (x.length() >= 2 && (x.startsWith("\"") && x.endsWith("\"") || x.startsWith("'") && x.endsWith("'"))) {
          x = x.substring(1, x.length() - 1);
        }
        if (!x.isEmpty()) words.add(x);
      }
    } else if (t.startsWith("CMD-SHELL ") || t.startsWith("CMD ")) {
      words = new ArrayList<>();
      int sp = t.indexOf(' ');
      words.add(t.substring(0, sp));
      String rest = t.substring(sp + 1).trim();
      if (words.get(0).equals("CMD-SHELL")) words.add(rest);
      else words.addAll(ShellWords.words(rest));
    } else {
      return List.of("sh", "-c", t);
    }
    if (words.isEmpty()) return List.of("sh", "-c", t);
    String kind = words.get(0);
    if (kind.equals("CMD-SHELL")) {
      return List.of("sh", "-c", String.join(" ", words.subList(1, words.size())));
    }
    if (kind.equals("CMD")) return List.copyOf(words.subList(1, words.size()));
    return List.of("sh", "-c", ShellWords.join(words));
  }

  /** Why the probe runs {@code sh -c}: the test was CMD-SHELL, or one string (which compose also runs in a shell). */
  static String shellReason(TranslationContext ctx, ModelPath hp) {
    ModelPath first = hp.key("test").index(0);
    boolean list = ctx.sourceMap().has(first)
        && !ctx.sourceMap().position(first).equals(ctx.sourceMap().valuePosition(hp.key("test")));
    return list
        ? "CMD-SHELL runs the command through a shell: sh -c"
        : "a test written as one string runs through a shell (as CMD-SHELL does): sh -c";
  }
}
