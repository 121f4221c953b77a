package dev.ferry.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One classifier for names, values and files; every example of issues 12 and 18, both ways. */
class SecretClassifierTest {
  @Test
  void secretNamesIncludingCompoundOnes() {
    for (String n : List.of("PASSWORD", "DB_PASSWORD", "POSTGRES_PASSWORD", "PGPASSWORD", "PGPASS", "MYSQL_ROOT_PASSWD",
        "PAPERLESS_DBPASS", "MYSQLPASS", "REDIS_PASS", "REDIS_PWD", "DBPWD", "GITHUB_PAT", "GITLAB_PAT", "API_TOKEN",
        "GITHUB_TOKEN", "ACCESSTOKEN", "CLIENT_SECRET", "CLIENTSECRET", "SECRET_KEY_BASE", "JWT", "JWT_SECRET", "JWTKEY",
        "SENTRY_DSN", "DATABASE_DSN", "HTPASSWD", "API_KEY", "APIKEY", "STRIPE_API_KEY", "PRIVATE_KEY", "SSH_PRIVATE_KEY",
        "AWS_SECRET_ACCESS_KEY", "GOOGLE_CREDENTIALS", "APP_CREDENTIALS_JSON", "dbPassword", "apiKey", "PASSPHRASE")) {
      assertTrue(SecretClassifier.isSecretName(n), n);
    }
  }

  @Test
  void namesThatOnlyLookSecretAreNot() {
    for (String n : List.of("PASSENGER_COUNT", "PASSENGER", "PASSPORT_NUMBER", "PASSIVE_MODE", "PASSTHROUGH", "BYPASS_CACHE",
        "COMPASS_URL", "KEYBOARD_LAYOUT", "KEYSPACE", "KEYCLOAK_URL", "MONKEY", "SECRETARY_NAME", "TOKENIZER_PATH", "PWD",
        "OLDPWD", "PASSWORD_FILE", "PGPASSFILE", "POSTGRES_PASSWORD_FILE", "TOKEN_URL", "JWT_ALGORITHM", "JWT_EXPIRES",
        "SECRET_NAME", "API_KEY_HEADER", "KEY", "PRIMARY_KEY", "CACHE_KEY", "SORT_KEY", "DATABASE_URL", "PATH", "HOME")) {
      assertFalse(SecretClassifier.isSecretName(n), n);
    }
  }

  @Test
  void credentialValues() {
    for (String v : List.of("postgres://app:s3cret@db:5432/app", "redis://:pw@cache:6379",
        "Server=db;Database=app;User Id=sa;Password=x", "Host=db;Username=u;pwd=y", "-----BEGIN OPENSSH PRIVATE KEY-----\nabc")) {
      assertTrue(SecretClassifier.isSecretValue(v), v);
    }
    for (String v : List.of("postgres://db:5432/app", "http://example.com/a@b", "Server=db;Database=app", "yes", "PasswordPolicy")) {
      assertFalse(SecretClassifier.isSecretValue(v), v);
    }
    assertTrue(SecretClassifier.isSecret("CONNECTION_STRING", "Server=db;Password=x"));
    assertTrue(SecretClassifier.isSecret("PGPASSWORD", "x"));
    assertFalse(SecretClassifier.isSecret("PGPASSWORD", "/run/secrets/pg"));
    assertFalse(SecretClassifier.isSecret("PASSENGER", "x"));
  }

  @Test
  void secretFilesByName(@TempDir Path tmp) throws IOException {
    for (String n : List.of(".env", ".env.production", ".pgpass", ".netrc", "htpasswd", ".htpasswd", "shadow", "server.key",
        "id_rsa", "id_ed25519", "kubeconfig", "keystore.jks", "cert.p12")) {
      assertTrue(SecretClassifier.isSecretFile(Files.writeString(tmp.resolve(n), "x\n")), n);
    }
    Path docker = Files.createDirectories(tmp.resolve(".docker"));
    assertTrue(SecretClassifier.isSecretFile(Files.writeString(docker.resolve("config.json"), "{}")));
    for (String n : List.of(".env.example", "nginx.conf", "id_rsa.pub", "config.json", "index.html", "cert.pem")) {
      assertFalse(SecretClassifier.isSecretFile(Files.writeString(tmp.resolve(n), "plain\n")), n);
    }
  }

  @Test
  void secretFilesByContentAndInsideDirectories(@TempDir Path tmp) throws IOException {
    Path pem = Files.writeString(tmp.resolve("tls.pem"), "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n"
        + "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n");
    assertTrue(SecretClassifier.isSecretFile(pem));
    assertTrue(SecretClassifier.isSecretFile(Files.writeString(tmp.resolve("app.ini"), "[db]\nurl = mysql://root:pw@db/app\n")));
    assertTrue(SecretClassifier.isSecretFile(Files.writeString(tmp.resolve("config.json"),
        "{\"auths\": {\"ghcr.io\": {\"auth\": \"dXNlcjpwYXNz\"}}}")));
    assertTrue(SecretClassifier.isSecretFile(Files.writeString(tmp.resolve("cluster.yaml"),
        "apiVersion: v1\nclusters: []\nusers:\n- name: u\n  user:\n    token: abc\n")));
    Path conf = Files.createDirectories(tmp.resolve("conf/ssl"));
    Files.writeString(tmp.resolve("conf/nginx.conf"), "server {}\n");
    assertFalse(SecretClassifier.isSecretFile(tmp.resolve("conf")));
    Files.writeString(conf.resolve("server.crt"), "-----BEGIN CERTIFICATE-----\n");
    assertFalse(SecretClassifier.isSecretFile(tmp.resolve("conf")));
    Files.writeString(conf.resolve("id_rsa"), "x");
    assertTrue(SecretClassifier.isSecretFile(tmp.resolve("conf")), "a key file deep in a directory makes the directory secret");
  }
}
