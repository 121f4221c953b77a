package dev.ferry.core.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a secret-looking variable name is: a name whose words include PASSWORD, PASSWD, PASS, PWD,
 * SECRET, TOKEN, APIKEY, CREDENTIALS, PASSPHRASE, SALT, DSN, JWT…, a final PAT or a "*_KEY" pair like
 * API_KEY or PRIVATE_KEY, also inside compound words (PAPERLESS_DBPASS, MYSQLPASS, REDIS_PWD,
 * HTPASSWD, CLIENTSECRET) unless the word is on the guard list (PASSENGER, BYPASS, KEYBOARD...); and
 * not when its last word says it holds something about the secret rather than the secret (…_FILE,
 * …_LENGTH, …_URL, …_USER). camelCase names are split into words too. {@link
 * SecretClassifier} is the entry point that adds values and files.
 */
public final class SecretNames {
  private static final Set<String> SECRET_WORDS = Set.of(
      "PASSWORD", "PASSWORDS", "PASSWD", "PASS", "PWD", "SECRET", "SECRETS", "TOKEN", "TOKENS", "APIKEY",
      "CREDENTIAL", "CREDENTIALS", "PASSPHRASE", "SALT", "PRIVATEKEY");
  /** Words that make "X_KEY" a secret. */
  private static final Set<String> KEY_QUALIFIERS = Set.of(
      "API", "PRIVATE", "ACCESS", "SECRET", "AUTH", "ENCRYPTION", "SIGNING", "MASTER", "SESSION", "APP",
      "LICENSE", "CLIENT", "ADMIN", "SERVICE", "WEBHOOK", "CRYPT", "JWT", "HMAC");
  /** Last words that describe a secret without being one. */
  private static final Set<String> META = Set.of(
      "FILE", "FILES", "PATH", "DIR", "DIRECTORY", "LOCATION", "URL", "URI", "ENDPOINT", "HOST", "PORT", "USER",
      "USERNAME", "NAME", "ID", "TYPE", "MODE", "METHOD", "LENGTH", "LEN", "SIZE", "TTL", "EXPIRY", "EXPIRE",
      "EXPIRES", "EXPIRATION", "LIFETIME", "TIMEOUT", "DURATION", "INTERVAL", "AGE", "ENABLED", "ENABLE",
      "DISABLED", "DISABLE", "REQUIRED", "POLICY", "ALGORITHM", "ALG", "HEADER", "FIELD", "PARAM", "FORMAT",
      "VERSION", "PROVIDER", "BACKEND", "STORE", "ROTATION", "RESET", "PROMPT", "MIN", "MAX", "COUNT", "ATTEMPTS",
      "RETRIES", "REGEX", "PATTERN", "COMPLEXITY", "STRENGTH", "COST", "ROUNDS", "ITERATIONS", "CMD", "COMMAND",
      "HINT", "LABEL", "PREFIX", "SUFFIX", "KIND", "ISSUER", "AUDIENCE", "SCOPE", "SCOPES", "REALM", "BITS");
  private static final Set<String> NOT_SECRET_VALUES = Set.of(
      "true", "false", "yes", "no", "on", "off", "0", "1", "null", "none", "disabled", "enabled");

  private SecretNames() {}

  /**
   * Words that contain a secret word without being about a secret (PASSENGER, BYPASS, KEYBOARD,
   * SECRETARY, TOKENIZER...): the false-positive guard, tested both ways.
   */
  private static final Set<String> GUARD = Set.of(
      "PASSENGER", "PASSENGERS", "PASSPORT", "PASSIVE", "PASSTHROUGH", "PASSTHRU", "PASSAGE", "PASSING", "PASSED",
      "BYPASS", "COMPASS", "SURPASS", "ENCOMPASS", "OVERPASS", "UNDERPASS", "TRESPASS", "MULTIPASS", "ONEPASS",
      "KEYBOARD", "KEYSPACE", "KEYCLOAK", "KEYRING", "KEYWORD", "KEYWORDS", "MONKEY", "DONKEY", "TURKEY", "HOCKEY", "JOCKEY",
      "OLDPWD", "SECRETARY", "TOKENIZER", "TOKENIZERS", "TOKENIZE", "TOKENIZATION", "DSNAME");

  /** Whether {@code name} looks like it holds a secret. */
  public static boolean isSecretName(String name) {
    List<String> words = words(name);
    if (words.isEmpty()) return false;
    if (words.size() == 1 && words.get(0).equals("PWD")) return false; // the shell's working directory
    String last = words.get(words.size() - 1);
    if (META.contains(last) || last.endsWith("FILE") && !last.equals("FILE") && secretWord(last.substring(0, last.length() - 4))) {
      return false; // PGPASSFILE, PASSWORD_FILE: a path to the secret
    }
    if (last.equals("PAT")) return true; // GITHUB_PAT: a personal access token
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (SECRET_WORDS.contains(w) || secretWord(w)) return true;
      if (w.equals("KEY") && i > 0 && KEY_QUALIFIERS.contains(words.get(i - 1))) return true;
      if (w.endsWith("KEY") && KEY_QUALIFIERS.contains(w.substring(0, w.length() - 3))) return true;
    }
    return false;
  }

  /**
   * A compound word holding a secret word: PASSWORD/PASSWD/SECRET/TOKEN/CREDENTIAL/DSN anywhere
   * (DBPASSWORD, HTPASSWD, CLIENTSECRET, SENTRY_DSN), PASS or PWD at the end or PASS after PG
   * (MYSQLPASS, PAPERLESS_DBPASS, DBPWD, PGPASS), JWT at the start; never a guard word.
   */
  private static boolean secretWord(String w) {
    if (w.isEmpty() || GUARD.contains(w)) return false;
    if (w.contains("PASSWORD") || w.contains("PASSWD") || w.contains("SECRET") || w.contains("TOKEN")
        || w.contains("CREDENTIAL") || w.contains("DSN") || w.contains("PASSPHRASE") || w.contains("APIKEY")
        || w.contains("PRIVATEKEY")) {
      return true;
    }
    return w.endsWith("PASS") || w.endsWith("PWD") || w.startsWith("JWT") || w.startsWith("PGPASS");
  }

  /** Whether a value could be a secret (not a flag like {@code yes} or a path under /run/secrets). */
  public static boolean isSecretValue(String value) {
    String v = value.trim();
    if (v.isEmpty() || NOT_SECRET_VALUES.contains(v.toLowerCase(Locale.ROOT))) return false;
    return !v.startsWith("/run/secrets/") && !v.startsWith("/var/run/secrets/");
  }

  private static boolean wordChar(char c) {
    return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  /** {@code dbPassword} and {@code DB_PASSWORD} are both [DB, PASSWORD]. */
  public static List<String> words(String name) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1))) b.append('_');
      b.append(c);
    }
    return runs(b.toString().toUpperCase(Locale.ROOT));
  }

  /** The runs of [A-Z0-9] in an upper-cased name, split by hand (a regex split per variable showed in the profile). */
  static List<String> runs(String upper) {
    List<String> out = new ArrayList<>(4);
    int start = -1;
    for (int i = 0; i <= upper.length(); i++) {
      boolean word = i < upper.length() && wordChar(upper.charAt(i));
      if (word && start < 0) start = i;
      else if (!word && start >= 0) {
        out.add(upper.substring(start, i));
        start = -1;
      }
    }
    return out;
  }
}
