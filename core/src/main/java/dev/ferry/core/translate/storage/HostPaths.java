package dev.ferry.core.translate.storage;

import dev.ferry.core.model.ImageRef;
import dev.ferry.core.model.Service;
import dev.ferry.core.knowledge.SecretClassifier;
import dev.ferry.core.knowledge.SecretNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a bind mount's paths look like, for the decision table of {@link MountPlan} and for lint:
 * a file or a directory, configuration or data, a host system path, a development mount of source
 * code, a database data directory, something secret. One place, so convert and lint agree.
 */
public final class HostPaths {
  private HostPaths() {}

  /** Host paths that are the node's own system, never copied: mounted as hostPath only when asked. */
  static final List<String> SYSTEM = List.of("/proc", "/sys", "/dev", "/var/run", "/run", "/var/lib/docker", "/lib/modules",
      "/etc/localtime", "/etc/timezone");

  /** Targets where a project's source code is mounted over the image's copy for development. */
  static final List<String> CODE_DIRS = List.of(
      "/app", "/code", "/src", "/usr/src", "/var/www", "/opt/app", "/workspace", "/home", "/project");

  /** Path words that say "configuration" (a ConfigMap), checked on the target and the source's name. */
  private static final Set<String> CONFIG_WORDS = Set.of("conf", "config", "configs", "configuration", "cfg", "settings",
      "etc", "certs", "cert", "certificates", "tls", "ssl", "keys", "secrets", "templates", "provisioning", "dashboards",
      "rules", "initdb", "init", "scripts", "entrypoint");

  /** Database images and the data directory whose root must not be a volume's root (lost+found). */
  static final Map<String, String> DB_DATA_DIRS = Map.of(
      "postgres", "/var/lib/postgresql/data", "postgis", "/var/lib/postgresql/data", "timescaledb", "/var/lib/postgresql/data",
      "mysql", "/var/lib/mysql", "mariadb", "/var/lib/mysql", "percona", "/var/lib/mysql", "mongo", "/data/db");

  /**
   * {@code nginx.conf}, {@code .env}, {@code Caddyfile}, {@code init.sql}; not {@code conf.d}, {@code src},
   * {@code .}, nor a versioned directory like {@code mysql-8.0} or {@code python3.11} (an extension starts with a letter).
   */
  public static boolean looksLikeFile(String path) {
    String name = last(path);
    if (name.isEmpty() || name.equals(".") || name.equals("..") || name.endsWith(".d")) return false;
    if (name.startsWith(".")) return true;
    int dot = name.lastIndexOf('.');
    if (dot > 0 && name.substring(dot + 1).matches("[A-Za-z][A-Za-z0-9]*")) return true;
    return name.endsWith("file") || name.equals("config.toml");
  }

  /** A path of the host system itself (docker.sock is the docker-socket-mount rule's). */
  public static boolean isSystemPath(String source) {
    String s = source == null ? "" : source.replaceAll("/+$", "");
    for (String p : SYSTEM) if (s.equals(p) || s.startsWith(p + "/")) return true;
    return s.isEmpty() && source != null && source.startsWith("/");
  }

  /** Whether the target or the source's name is a configuration place ({@code /etc/...}, {@code conf.d}, {@code certs}). */
  public static boolean looksLikeConfig(String source, String target) {
    String t = target == null ? "" : target.replace('\\', '/');
    if (t.startsWith("/etc/") || t.endsWith(".d") || t.endsWith(".d/")) return true;
    for (String w : (t + "/" + last(source)).toLowerCase(Locale.ROOT).split("[/._-]")) {
      if (CONFIG_WORDS.contains(w)) return true;
    }
    return false;
  }

  /** A project-relative directory mounted over the image's code (a development mount). */
  public static boolean isCodeMount(Service s, String source, String target) {
    if (source == null || !source.startsWith(".") || target == null) return false;
    return CODE_DIRS.stream().anyMatch(d -> target.equals(d) || target.startsWith(d + "/"));
  }

  /** The database data directory {@code target} is for {@code s}'s image, or null. */
  public static String dbDataDir(Service s, String target) {
    ImageRef image = s.identity().image();
    if (image == null || target == null) return null;
    String repo = image.repository() == null ? "" : image.repository().toLowerCase(Locale.ROOT);
    String name = repo.substring(repo.lastIndexOf('/') + 1);
    for (Map.Entry<String, String> e : DB_DATA_DIRS.entrySet()) {
      if (name.contains(e.getKey()) && target.replaceAll("/+$", "").equals(e.getValue())) return e.getValue();
    }
    return null;
  }

  /**
   * Certificates and key stores that bind mounts treat as secret beyond {@link SecretClassifier}'s
   * file names (a directory of certificates usually sits beside their keys), env files by suffix, and
   * ssh keys with any suffix.
   */
  private static final Pattern BIND_SECRET_NAME = Pattern.compile(
      ".*\\.(pem|key|p12|pfx|jks|keystore|crt|cer|der|kdbx|gpg|asc)|id_(rsa|ed25519|ecdsa).*|.*\\.env|\\.env\\..*"
          + "|\\.?htpasswd|\\.netrc|\\.pgpass");

  /**
   * Whether a bind-mounted file must go into a Secret rather than a ConfigMap: what the one
   * {@link SecretClassifier} says of its name and content, plus the bind-mount extras above, secret
   * words in the name, and a PEM certificate in the content.
   */
  public static boolean looksSecret(String fileName, byte[] content) {
    String n = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (!n.isEmpty() && n.indexOf(0) < 0 && SecretClassifier.secretFileName(Path.of(fileName))) return true;
    if (BIND_SECRET_NAME.matcher(n).matches()) return true;
    String words = n.replaceAll("\\.[a-z0-9]+$", "");
    if (SecretNames.isSecretName(words) || words.contains("secret") || words.contains("password") || words.contains("token")
        || words.contains("credential")) {
      return true;
    }
    if (content == null) return false;
    if (SecretClassifier.secretBytes(content)) return true;
    String head = new String(content, 0, Math.min(content.length, 64 * 1024), StandardCharsets.ISO_8859_1);
    return head.contains("-----BEGIN ") && head.contains("CERTIFICATE");
  }

  static String last(String path) {
    if (path == null) return "";
    String t = path.replace('\\', '/').replaceAll("/+$", "");
    return t.substring(t.lastIndexOf('/') + 1);
  }
}
