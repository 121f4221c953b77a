package dev.ferry.core.translate.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What bind-mount paths look like: the predicates behind the decision table. */
class HostPathsTest {
  @ParameterizedTest
  @CsvSource({
    "/etc/nginx/conf.d/default.conf, true", "/docker-entrypoint-initdb.d/init.sql, true", "/app/.env, true",
    "/etc/caddy/Caddyfile, true", "/etc/nginx/conf.d, false", "/var/lib/mysql, false", "/app/src, false",
    "./mysql-8.0, false", "/usr/lib/python3.11, false", "D:\\config, false", "/certs/cert2.pem, true"})
  void fileOrDirectory(String path, boolean file) {
    assertEquals(file, HostPaths.looksLikeFile(path), path);
  }

  @ParameterizedTest
  @CsvSource({
    "./nginx, /etc/nginx, true", "./certs, /certs, true", "./initdb, /docker-entrypoint-initdb.d, true",
    "./librenms, /data, false", "./confluent-data, /var/lib/kafka/data, false", "./conf, /opt/app/conf, true",
    "./uploads, /srv/uploads, false", "./tls, /run/tls, true"})
  void configurationPlaces(String source, String target, boolean config) {
    assertEquals(config, HostPaths.looksLikeConfig(source, target), source + ":" + target);
  }

  @ParameterizedTest
  @CsvSource({
    "a.key, '', true", "cert2.pem, '', true", ".env, '', true", "prod.env, '', true", "credentials.json, '', true",
    "db_password.txt, '', true", "nginx.conf, '', false", "app.toml, '', false",
    "server.txt, '-----BEGIN RSA PRIVATE KEY-----', true", "notes.txt, 'hello', false"})
  void secretLooking(String name, String content, boolean secret) {
    assertEquals(secret, HostPaths.looksSecret(name, content.getBytes(StandardCharsets.UTF_8)), name);
  }

  @ParameterizedTest
  @CsvSource({"/proc, true", "/sys/fs/cgroup, true", "/var/run/docker.sock, true", "/, true", "/srv/data, false",
    "/var/lib/docker/volumes, true", "./proc, false"})
  void systemPaths(String source, boolean system) {
    assertEquals(system, HostPaths.isSystemPath(source), source);
  }
}
