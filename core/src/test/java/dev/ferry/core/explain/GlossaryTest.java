package dev.ferry.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Glossary#used}'s one pass (whole, or in pieces of lines) finds exactly the terms {@link Glossary#find} finds. */
class GlossaryTest {
  private static List<Glossary.Term> byFind(String text) {
    List<Glossary.Term> out = new ArrayList<>();
    for (Glossary.Term t : Glossary.TERMS) if (Glossary.find(t, text) != null) out.add(t);
    return out;
  }

  @Test
  void usedMatchesFindOnEdgeCases() {
    for (String text : List.of("", "Pod", "Pods", "Podss", "PodDisruptionBudget", "/Pod", "-Pod", "Pod-x", "xPod", "a Pod.",
        "readiness probe", "readiness probes!", "readinessProbe:", "node drains", "QoS", "QoSs", "OOMKilled",
        "kubectl port-forward", "ReadWriteOncePod", "ReadWriteOnce", "the Jobs", "CronJob", "seccompProfile", "Ingress/x",
        "é Service", "Service\u00e9", "initContainers:", "a Secret-less", "ConfigMaps, Secrets and Services")) {
      assertEquals(byFind(text), Glossary.used(text), text);
    }
  }

  @Test
  void usedMatchesFindOnGeneratedTexts() {
    String[] parts = {"Pod", "Service", "s", "-", "/", " ", "x", "Job", "Cron", "readiness", " probe", "Probe", "node", " drain",
        "QoS", "_", ".", "Ingress", "ReadWrite", "Once", "Many", "seccomp", "init", "Container", "é", "\uD83D\uDE00", "\u2192", "\n"};
    Random r = new Random(17);
    for (int n = 0; n < 5000; n++) {
      StringBuilder b = new StringBuilder();
      for (int k = r.nextInt(12); k >= 0; k--) b.append(parts[r.nextInt(parts.length)]);
      String text = b.toString();
      assertEquals(byFind(text), Glossary.used(text), text);
      Glossary.Scan pieces = new Glossary.Scan(); // as explain scans a page: in pieces that end with a line break
      for (int from = 0; from < text.length(); ) {
        int end = text.indexOf('\n', from) + 1;
        if (end == 0) end = text.length();
        pieces.add(text.substring(from, end));
        from = end;
      }
      assertEquals(byFind(text), pieces.terms(), text);
    }
  }
}
