package dev.ferry.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Glossary#used}'s one pass finds exactly the terms {@link Glossary#find} finds. */
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
        "QoS", "_", ".", "Ingress", "ReadWrite", "Once", "Many", "seccomp", "init", "Container", "é"};
    Random r = new Random(17);
    for (int n = 0; n < 5000; n++) {
      StringBuilder b = new StringBuilder();
      for (int k = r.nextInt(12); k >= 0; k--) b.append(parts[r.nextInt(parts.length)]);
      String text = b.toString();
      assertEquals(byFind(text), Glossary.used(text), text);
    }
  }
}
