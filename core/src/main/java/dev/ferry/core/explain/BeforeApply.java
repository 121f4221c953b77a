package dev.ferry.core.explain;

import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.diag.Severity;
import dev.ferry.core.provenance.Alignment;
import dev.ferry.core.provenance.LineIndex;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.Position;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to fix or know before {@code kubectl apply}, shown first by {@code explain}: the error and
 * warning findings (a name that will not resolve, a file that is missing...), and what the
 * emitted objects imply though no finding says it: Secrets holding values in plain text, images
 * that must be built and pushed, {@code :latest} tags. Each item names its compose line.
 */
public final class BeforeApply {
  /** One thing to act on: where (a compose line, or unknown), how serious, what and why. */
  public record Item(Severity severity, Position position, String code, String text) {}

  private BeforeApply() {}

  static List<Item> of(Explanation e) {
    List<Item> out = new ArrayList<>();
    List<Diagnostic> all = new ArrayList<>();
    for (Explanation.Row r : e.rows()) all.addAll(r.findings());
    all.addAll(e.unplacedFindings());
    for (Diagnostic d : all) {
      if (d.severity() == Severity.INFO) continue;
      out.add(new Item(d.severity(), d.position(), d.code(), d.message()));
    }
    Alignment a = e.alignment();
    Set<String> images = new LinkedHashSet<>();
    for (Alignment.Span s : a.spans()) {
      Alignment.Obj o = a.objects().get(s.object());
      if (e.service() != null && !e.service().equals(o.service())) continue;
      if (s.isDefault()) continue;
      Position at = Position.of(s.file(), s.composeStart(), 1);
      if (o.object() instanceof Secret secret && s.link().field().isEmpty() && hasValues(secret)) {
        out.add(new Item(Severity.WARNING, at, "plain-secret", o.ref() + " holds " + keys(secret) + " in plain text:"
            + " a Secret is only base64-encoded, not encrypted. Do not commit it to git; create it in the cluster"
            + " (kubectl create secret generic " + o.name() + " --from-env-file=...) or use Sealed Secrets or an"
            + " external secret store, and restrict who may read Secrets."));
      }
      ModelPath src = s.link().source();
      if (src != null && src.size() == 3 && "image".equals(src.get(2)) && s.link().field().endsWith("image")) {
        String image = imageAt(a, s);
        if (image == null || !images.add(src.get(1) + "\u0000" + image)) continue;
        if (composeHas(a, s.file(), src.parent().key("build"))) {
          out.add(new Item(Severity.WARNING, Position.of(s.file(), line(a, s.file(), src.parent().key("build")), 1),
              "build-and-push", "service \"" + src.get(1) + "\" is built by compose (build:), but a cluster only pulls:"
                  + " build it and push it to a registry the nodes can reach (docker build -t " + image + " ... && docker"
                  + " push " + image + "), or load it into a local cluster (kind load docker-image " + image + ")."));
        }
        if (isLatest(image)) {
          out.add(new Item(Severity.WARNING, at, "latest-tag", "image " + image + " has no pinned version (:latest):"
              + " Kubernetes pulls it again on every Pod start (imagePullPolicy Always), so Pods of one Deployment can"
              + " run different builds; tag each build with a version."));
        }
      }
    }
    out.sort(Comparator.comparing((Item i) -> i.severity() == Severity.ERROR ? 0 : 1)
        .thenComparing(i -> i.position().file()).thenComparingInt(i -> i.position().line()));
    return out;
  }

  private static boolean hasValues(Secret s) {
    return (s.getStringData() != null && !s.getStringData().isEmpty()) || (s.getData() != null && !s.getData().isEmpty());
  }

  private static String keys(Secret s) {
    Set<String> k = new LinkedHashSet<>();
    for (Map<String, String> m : Arrays.asList(s.getStringData(), s.getData())) if (m != null) k.addAll(m.keySet());
    return String.join(", ", k);
  }

  /** The image value on the manifest line of span {@code s} ("image: x" or "- image: x"). */
  private static String imageAt(Alignment a, Alignment.Span s) {
    String t = a.manifestLine(s.manifestStart()).strip();
    if (t.startsWith("- ")) t = t.substring(2);
    if (!t.startsWith("image:")) return null;
    String v = t.substring("image:".length()).strip();
    return v.startsWith("\"") || v.startsWith("'") ? v.substring(1, v.length() - 1) : v;
  }

  /** Whether {@code ref} has no tag or digest, or the tag latest. */
  static boolean isLatest(String ref) {
    if (ref.contains("@")) return false;
    int slash = ref.lastIndexOf('/');
    int colon = ref.lastIndexOf(':');
    return colon <= slash || ref.substring(colon + 1).equals("latest");
  }

  private static boolean composeHas(Alignment a, String file, ModelPath p) {
    return line(a, file, p) > 0;
  }

  private static int line(Alignment a, String file, ModelPath p) {
    Alignment.ComposeFile f = a.file(file);
    return f == null ? 0 : f.index().find(p).map(LineIndex.Entry::line).orElse(0);
  }
}
