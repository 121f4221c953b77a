package dev.ferry.core.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ferry's one answer to "is this a secret?", used by convert, chart, lint and explain: a variable
 * name ({@link SecretNames}), a value that carries credentials (a URL with {@code user:pass@}, a
 * connection string with {@code Password=}, a PEM private key), and a file or directory (by name:
 * .env, .pgpass, .netrc, htpasswd, shadow, *.key, id_*, kubeconfig, docker config.json, key stores;
 * by content: a PEM private key, a credential URL, docker auths, kubeconfig credentials; inside a
 * directory file by file). Whatever it flags becomes a Kubernetes Secret, never a ConfigMap.
 */
public final class SecretClassifier {
  /** Largest file whose content is sniffed; bigger files (and empty-looking ones like /proc's) are judged by name. */
  static final long SNIFF_BYTES = 1 << 20;
  /**
   * Bounds of a directory walk (a bind mount may be {@code /}): entries looked at, depth, and bytes
   * sniffed in all; links are never followed and other file systems (/proc, /sys) never entered.
   */
  static final int DIR_FILES = 512;
  static final int DIR_DEPTH = 6;
  static final long DIR_BYTES = 8L << 20;

  /** A URL with a password ({@code scheme://user:password@host}); lint's literal-secret uses it too. */
  public static final Pattern URL_CREDENTIALS =
      // linear in the value: HostReferences.SCHEME anchors the scheme; possessive runs with their stop characters outside them
      Pattern.compile(HostReferences.SCHEME + "[^/@:\\s]*+:[^/@\\s]++@");
  private static final Pattern CONNECTION_PASSWORD = Pattern.compile(
      "(?i)(^|[;\\s])(password|pwd|passwd|pass)\\s*=\\s*[^;\\s]");
  private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----");
  /** Docker's config.json: an "auths" object and, after it, an "auth" or "identitytoken" entry (two linear finds). */
  private static final Pattern DOCKER_AUTHS = Pattern.compile("\"auths\"\\s*+:");
  private static final Pattern DOCKER_AUTH_ENTRY = Pattern.compile("\"(?:auth|identitytoken)\"\\s*+:");
  private static final Pattern KUBECONFIG_CREDENTIALS = Pattern.compile(
      "(?m)^\\s*(client-key-data|token|password|client-key):\\s*\\S");
  private static final Set<String> SECRET_FILE_NAMES = Set.of(
      ".env", ".pgpass", ".netrc", "_netrc", ".htpasswd", "htpasswd", "shadow", "gshadow", "master.key",
      "kubeconfig", ".kubeconfig", "credentials", ".git-credentials", ".npmrc", ".pypirc", "secrets.yaml", "secrets.yml",
      "secrets.json", ".dockercfg");
  private static final Pattern SECRET_FILE_PATTERN = Pattern.compile(
      "(?i)(\\.env\\.(?!example$|sample$|template$|dist$|defaults?$)[^/]+|.*\\.(key|p12|pfx|jks|keystore|kdbx|gpg|asc)"
          + "|id_(rsa|dsa|ecdsa|ed25519)(?!.*\\.pub$).*|.*\\.kubeconfig|kubeconfig\\..*)");

  private SecretClassifier() {}

  /** A secret-looking variable name (PASSWORD, PAPERLESS_DBPASS, GITHUB_PAT, SENTRY_DSN, ...). */
  public static boolean isSecretName(String name) {
    return SecretNames.isSecretName(name);
  }

  /** A value that carries credentials whatever its name: user:pass@ URLs, Password= connection strings, private keys. */
  public static boolean isSecretValue(String value) {
    // each pattern runs only on values holding the literal it cannot match without
    return value != null && (value.indexOf('@') >= 0 && value.contains("://") && URL_CREDENTIALS.matcher(value).find()
        || value.indexOf('=') >= 0 && CONNECTION_PASSWORD.matcher(value).find()
        || value.contains("-----BEGIN ") && PRIVATE_KEY.matcher(value).find());
  }

  /** A variable that must live in a Secret: a secret name with a value that could be one, or a credential value. */
  public static boolean isSecret(String name, String value) {
    if (value == null || value.isEmpty()) return false;
    return (isSecretName(name) && SecretNames.isSecretValue(value)) || isSecretValue(value);
  }

  /**
   * Whether a file (by name or content) or a directory (any file in it, links not followed) holds
   * secrets. A path that cannot be read is judged by its name only.
   */
  public static boolean isSecretFile(Path p) {
    if (p == null) return false;
    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      try {
        return directoryHoldsSecrets(p, Files.getFileStore(p), 0, new long[] {0, 0});
      } catch (IOException | SecurityException e) {
        return false;
      }
    }
    return secretFileName(p) || secretContent(p, new long[] {0, 0});
  }

  /** Whether a file name alone says secret. */
  public static boolean secretFileName(Path p) {
    Path f = p.getFileName();
    if (f == null) return false;
    String n = f.toString();
    String lower = n.toLowerCase(Locale.ROOT);
    if (SECRET_FILE_NAMES.contains(lower) || SECRET_FILE_PATTERN.matcher(n).matches()) return true;
    Path parent = p.getParent();
    return lower.equals("config.json") && parent != null && parent.getFileName() != null
        && parent.getFileName().toString().equals(".docker") || lower.equals("config") && parent != null
        && parent.getFileName() != null && parent.getFileName().toString().equals(".kube");
  }

  /** Whether a regular file's first MiB holds a private key, a credential URL, docker auths or kubeconfig credentials. */
  static boolean secretContent(Path p, long[] budget) {
    byte[] head;
    try {
      BasicFileAttributes a =
          Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      // only regular files with a size: /proc and /sys report 0 or a page, and some of them block when read
      if (!a.isRegularFile() || a.size() == 0 || a.size() > SNIFF_BYTES || budget[1] + a.size() > DIR_BYTES) return false;
      budget[1] += a.size();
      try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
        head = in.readNBytes((int) a.size());
      }
    } catch (IOException | SecurityException e) {
      return false;
    }
    return secretBytes(head);
  }

  /** Whether file content holds a private key, a credential URL, docker auths or kubeconfig credentials. */
  public static boolean secretBytes(byte[] content) {
    if (content == null) return false;
    String text = new String(content, 0, (int) Math.min(content.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    if (PRIVATE_KEY.matcher(text).find() || URL_CREDENTIALS.matcher(text).find() || dockerAuths(text)) {
      return true;
    }
    return text.contains("apiVersion") && text.contains("clusters") && KUBECONFIG_CREDENTIALS.matcher(text).find();
  }

  private static boolean dockerAuths(String text) {
    Matcher m = DOCKER_AUTHS.matcher(text);
    return m.find() && DOCKER_AUTH_ENTRY.matcher(text).region(m.end(), text.length()).find();
  }

  /** budget: {entries seen, bytes sniffed}. */
  private static boolean directoryHoldsSecrets(Path dir, FileStore store, int depth, long[] budget) {
    if (depth > DIR_DEPTH) return false;
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path f : s) {
        if (++budget[0] > DIR_FILES) return false;
        if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
          if (Files.getFileStore(f).equals(store) && directoryHoldsSecrets(f, store, depth + 1, budget)) return true;
        } else if (secretFileName(f) || secretContent(f, budget)) {
          return true;
        }
      }
    } catch (IOException | SecurityException e) {
      return false;
    }
    return false;
  }
}
