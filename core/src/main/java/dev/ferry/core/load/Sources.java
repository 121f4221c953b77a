package dev.ferry.core.load;

import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.load.stage.Parse;
import dev.ferry.core.source.Position;
import dev.ferry.core.tree.MapNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * File access for one load: display names (relative to the working directory), size-checked reads,
 * and the texts and parsed trees of every compose file read (kept for lint and code frames).
 */
final class Sources {
  private final Path workingDir;
  private final Map<String, String> texts = new LinkedHashMap<>();
  private final Map<String, MapNode> parsed = new LinkedHashMap<>();

  Sources(Path workingDir) {
    this.workingDir = workingDir.toAbsolutePath().normalize();
  }

  String display(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    if (abs.startsWith(workingDir)) {
      String rel = workingDir.relativize(abs).toString();
      return rel.isEmpty() ? "." : rel;
    }
    return abs.toString();
  }

  /** Reads a file's bytes, refusing oversize files; null (with an error at {@code where}) on failure. */
  byte[] readBytes(Path p, Diagnostics diags, Position where) {
    Position at = where != null ? where : Position.of(display(p), 1, 1);
    try {
      if (!Files.isRegularFile(p)) {
        diags.error("file-missing", at, (where != null ? display(p) + ": " : "") + "no such file");
        return null;
      }
      if (Files.size(p) > Parse.MAX_BYTES) {
        diags.error("yaml-syntax", at, "file is " + Files.size(p) + " bytes, over the " + Parse.MAX_BYTES + "-byte limit");
        return null;
      }
      return Files.readAllBytes(p);
    } catch (IOException e) {
      diags.error("file-missing", at, "cannot read " + display(p) + ": " + e.getMessage());
      return null;
    }
  }

  String readText(Path p, Diagnostics diags, Position where) {
    byte[] b = readBytes(p, diags, where);
    if (b == null) return null;
    String s = new String(b, StandardCharsets.UTF_8);
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /** Parses a compose file once (cached by path). */
  MapNode parse(Path p, Diagnostics diags, Position where) {
    String name = display(p);
    if (parsed.containsKey(name)) return parsed.get(name);
    byte[] b = readBytes(p, diags, where);
    if (b == null) return null;
    texts.put(name, new String(b, StandardCharsets.UTF_8));
    MapNode doc = Parse.composeFile(name, b, diags);
    parsed.put(name, doc);
    return doc;
  }

  Map<String, String> texts() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(texts));
  }

  Map<String, MapNode> parsed() {
    Map<String, MapNode> m = new LinkedHashMap<>();
    parsed.forEach((k, v) -> {
      if (v != null) m.put(k, v);
    });
    return Collections.unmodifiableMap(m);
  }
}
