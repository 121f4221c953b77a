package dev.ferry.core.fidelity;

import dev.ferry.core.diag.Diagnostic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The comparison: every name, port, variable and mount a container has on compose must be there
 * on Kubernetes, the same; each difference is explained when a finding of the service (or of the
 * service it names) names the thing that differs. Extra names and ports on Kubernetes (namespace-
 * wide Services, published ports offered too) are not differences: nothing that worked stops.
 */
public final class Fidelity {
  /** One thing a container had on compose and has differently on Kubernetes. */
  public record Difference(String service, String other, String aspect, String token, String what, String alt) {
    public Difference(String service, String other, String aspect, String token, String what) {
      this(service, other, aspect, token, what, null);
    }

    @Override
    public String toString() {
      return service + ": " + aspect + " " + what;
    }
  }

  /** What was compared and what differed, for one project. */
  public record Result(int containers, int names, int ports, int variables, int mounts,
      List<Difference> explained, List<Difference> unexplained) {}

  private Fidelity() {}

  public static Result compare(Map<String, View> compose, Map<String, View> kube, List<Diagnostic> findings) {
    List<Difference> diffs = new ArrayList<>();
    int names = 0;
    int ports = 0;
    int vars = 0;
    int mounts = 0;
    Map<String, String> claimOf = new LinkedHashMap<>(); // compose volume -> claim
    Map<String, String> volumeOf = new LinkedHashMap<>(); // claim -> compose volume
    for (Map.Entry<String, View> e : compose.entrySet()) {
      String s = e.getKey();
      View c = e.getValue();
      View k = kube.get(s);
      if (k == null) {
        diffs.add(new Difference(s, null, "container", s, "has no container on Kubernetes"));
        continue;
      }
      for (Map.Entry<String, View.Name> n : c.names().entrySet()) {
        names++;
        String host = n.getKey();
        String target = n.getValue().service();
        View.Name kn = k.names().get(host);
        if (kn == null) {
          diffs.add(new Difference(s, target, "name", host, "\"" + host + "\" (" + target + ") does not resolve"));
          continue;
        }
        if (!Arrays.asList(kn.service().split(",")).contains(target)) {
          diffs.add(new Difference(s, target, "name", host, "\"" + host + "\" reaches " + kn.service() + ", not " + target));
          continue;
        }
        for (int p : n.getValue().ports()) {
          ports++;
          if (!kn.reaches(p)) diffs.add(new Difference(s, target, "port", String.valueOf(p), host + ":" + p + " is not reachable"));
        }
      }
      for (Map.Entry<String, String> v : c.env().entrySet()) {
        vars++;
        String kv = k.env().get(v.getKey());
        if (kv == null) diffs.add(new Difference(s, null, "env", v.getKey(), v.getKey() + " is not set"));
        else if (!kv.equals(v.getValue())) diffs.add(new Difference(s, null, "env", v.getKey(), v.getKey() + " is \""
            + shorten(kv) + "\", not \"" + shorten(v.getValue()) + "\""));
      }
      for (String extra : k.env().keySet()) {
        if (!c.env().containsKey(extra)) diffs.add(new Difference(s, null, "env", extra, extra + " is set only on Kubernetes"));
      }
      for (Map.Entry<String, View.Seen> m : c.mounts().entrySet()) {
        mounts++;
        String at = m.getKey();
        View.Seen want = m.getValue();
        View.Seen got = k.mounts().get(at);
        String diff = null;
        if (got == null) diff = "nothing is mounted (compose: " + want + ")";
        else if (want.kind() != got.kind()) diff = "shows " + got + ", not " + want;
        else if (want.kind() == View.Seen.Kind.DATA) {
          String claim = claimOf.putIfAbsent(want.detail(), got.detail());
          String vol = volumeOf.putIfAbsent(got.detail(), want.detail());
          if (claim != null && !claim.equals(got.detail()) || vol != null && !vol.equals(want.detail())) {
            diff = "shows " + got + ", not shared as " + want + " is";
          }
        } else if (want.detail() != null && got.detail() != null && !want.detail().equals(got.detail())) {
          diff = "shows " + got + ", not " + want;
        }
        if (diff != null) diffs.add(new Difference(s, null, "mount", at, at + " " + diff, want.source()));
      }
    }
    List<Difference> explained = new ArrayList<>();
    List<Difference> unexplained = new ArrayList<>();
    for (Difference d : diffs) (explains(d, findings) ? explained : unexplained).add(d);
    return new Result(compose.size(), names, ports, vars, mounts, explained, unexplained);
  }

  /**
   * A finding of the service (or of the service it names, or of the project) that names what
   * differs (for a mount: its target, or the host path or volume it comes from).
   */
  static boolean explains(Difference d, List<Diagnostic> findings) {
    for (Diagnostic f : findings) {
      boolean whose = f.service() == null || f.service().equals(d.service()) || Objects.equals(f.service(), d.other());
      if (whose && (f.message().contains(d.token()) || d.alt() != null && f.message().contains(d.alt()))) return true;
    }
    return false;
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
