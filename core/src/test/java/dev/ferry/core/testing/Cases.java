package dev.ferry.core.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.translate.TranslateOptions;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.translate.run.Translator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The conversion test cases ({@code testdata/convert/<case>}), loaded and converted as the CLI would. */
public final class Cases {
  /** A loaded and converted case. */
  public record Converted(Path dir, LoadResult load, Translation translation) {}

  public static final Path DIR = Golden.repoRoot().resolve("testdata/convert");

  private Cases() {}

  public static List<Path> all() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  @SuppressWarnings("unchecked")
  public static Converted convert(Path dir) throws IOException {
    Map<String, Object> spec = Map.of();
    Path caseFile = dir.resolve("case.yaml");
    if (Files.exists(caseFile)) {
      Object o = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(caseFile));
      if (o instanceof Map<?, ?> m) spec = (Map<String, Object>) m;
    }
    LoadOptions.Builder opts = LoadOptions.builder().workingDirectory(dir.resolve("input"));
    ((Map<Object, Object>) spec.getOrDefault("env", Map.of())).forEach((k, v) -> opts.env(k.toString(), v.toString()));
    LoadResult r = ComposeLoader.load(opts.build());
    assertFalse(r.hasErrors(), () -> "case does not load: " + r.diagnostics());
    Map<String, Object> o = (Map<String, Object>) spec.getOrDefault("options", Map.of());
    TranslateOptions t = TranslateOptions.defaults().withNetworkPolicies(Boolean.TRUE.equals(o.get("network_policies")));
    if (o.containsKey("kube_version")) t = t.withKubeVersion(dev.ferry.core.translate.KubeVersion.parse(o.get("kube_version").toString()));
    if (o.containsKey("bind_mounts")) t = t.withBindMounts(TranslateOptions.BindMounts.valueOf(o.get("bind_mounts").toString().toUpperCase()));
    if (o.containsKey("volumes")) t = t.withVolumes(TranslateOptions.Volumes.valueOf(o.get("volumes").toString().toUpperCase()));
    return new Converted(dir, r, Translator.translate(r.project(), r.sourceMap(), t));
  }
}
