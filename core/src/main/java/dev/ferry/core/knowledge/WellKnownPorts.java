package dev.ferry.core.knowledge;

import dev.ferry.core.model.ImageRef;
import dev.ferry.core.model.PortMapping;
import dev.ferry.core.model.Service;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The port an image is known to listen on, and the ports a service declares. */
public final class WellKnownPorts {
  /** By repository short name (the last path segment), as shipped by the official images. */
  private static final Map<String, Integer> BY_IMAGE = Map.ofEntries(
      Map.entry("postgres", 5432), Map.entry("postgis", 5432), Map.entry("timescaledb", 5432),
      Map.entry("pgvector", 5432), Map.entry("mysql", 3306), Map.entry("mariadb", 3306), Map.entry("percona", 3306),
      Map.entry("mongo", 27017), Map.entry("mongodb", 27017), Map.entry("redis", 6379), Map.entry("redis-stack", 6379),
      Map.entry("valkey", 6379), Map.entry("keydb", 6379), Map.entry("memcached", 11211),
      Map.entry("elasticsearch", 9200), Map.entry("opensearch", 9200), Map.entry("rabbitmq", 5672),
      Map.entry("zookeeper", 2181), Map.entry("cp-zookeeper", 2181), Map.entry("kafka", 9092),
      Map.entry("cp-kafka", 9092), Map.entry("etcd", 2379), Map.entry("cassandra", 9042), Map.entry("couchdb", 5984),
      Map.entry("neo4j", 7687), Map.entry("influxdb", 8086), Map.entry("clickhouse-server", 8123),
      Map.entry("nats", 4222), Map.entry("consul", 8500), Map.entry("vault", 8200), Map.entry("minio", 9000),
      Map.entry("mssql-server", 1433), Map.entry("nginx", 80), Map.entry("httpd", 80),
      Map.entry("caddy", 80), Map.entry("traefik", 80), Map.entry("haproxy", 80), Map.entry("tomcat", 8080),
      Map.entry("jenkins", 8080), Map.entry("grafana", 3000), Map.entry("prometheus", 9090),
      Map.entry("alertmanager", 9093), Map.entry("loki", 3100), Map.entry("tempo", 3200), Map.entry("jaeger", 16686),
      Map.entry("mailhog", 1025), Map.entry("mailpit", 1025), Map.entry("keycloak", 8080), Map.entry("kibana", 5601),
      Map.entry("logstash", 5044), Map.entry("adminer", 8080), Map.entry("pgadmin4", 80), Map.entry("registry", 5000),
      Map.entry("gitea", 3000), Map.entry("node-exporter", 9100), Map.entry("cadvisor", 8080),
      Map.entry("schema-registry", 8081), Map.entry("cp-schema-registry", 8081), Map.entry("mosquitto", 1883),
      Map.entry("eclipse-mosquitto", 1883), Map.entry("solr", 8983), Map.entry("memgraph", 7687),
      Map.entry("clickhouse", 8123), Map.entry("mailcatcher", 1025), Map.entry("pulsar", 6650),
      Map.entry("cockroach", 26257), Map.entry("questdb", 9000), Map.entry("ollama", 11434), Map.entry("qdrant", 6333),
      Map.entry("weaviate", 8080), Map.entry("meilisearch", 7700), Map.entry("typesense", 8108));

  /** Fallback for derived images ({@code zulip-postgresql}, {@code redis-sentinel}): a family name in the short name. */
  private static final Map<String, Integer> FAMILIES = new LinkedHashMap<>(Map.ofEntries(
      Map.entry("postgres", 5432)));

  static {
    FAMILIES.put("mysql", 3306);
    FAMILIES.put("mariadb", 3306);
    FAMILIES.put("redis", 6379);
    FAMILIES.put("mongo", 27017);
    FAMILIES.put("memcached", 11211);
    FAMILIES.put("rabbitmq", 5672);
    FAMILIES.put("elasticsearch", 9200);
    FAMILIES.put("zookeeper", 2181);
  }

  private WellKnownPorts() {}

  /** The port the service's image is known to listen on, or -1. */
  public static int ofImage(ImageRef image) {
    if (image == null) return -1;
    String name = image.shortName().toLowerCase(Locale.ROOT);
    if (name.equals("server") && image.repository().contains("mssql")) return 1433;
    Integer p = BY_IMAGE.get(name);
    if (p != null) return p;
    for (Map.Entry<String, Integer> e : FAMILIES.entrySet()) if (name.contains(e.getKey())) return e.getValue();
    return -1;
  }

  /** Container ports the service declares: ports targets and expose entries (ranges give their first port). */
  public static Set<Integer> declared(Service s) {
    Set<Integer> out = new LinkedHashSet<>();
    for (PortMapping p : s.networking().ports()) out.add(p.target());
    for (String e : s.networking().expose()) {
      String t = e.contains("/") ? e.substring(0, e.indexOf('/')) : e;
      if (t.contains("-")) t = t.substring(0, t.indexOf('-'));
      try {
        out.add(Integer.parseInt(t.trim()));
      } catch (NumberFormatException ignored) {
        // not a port: the schema check reports it
      }
    }
    return out;
  }

  /** Host ports the service publishes (first port of a range). */
  public static Set<Integer> published(Service s) {
    Set<Integer> out = new LinkedHashSet<>();
    for (PortMapping p : s.networking().ports()) if (p.publishedStart() > 0) out.add(p.publishedStart());
    return out;
  }

  /** Whether the service declares any port (ports or expose). */
  public static boolean declaresAny(Service s) {
    return !s.networking().ports().isEmpty() || !s.networking().expose().isEmpty();
  }
}
