package dev.ferry.rules.security;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.PortMapping;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;
import java.util.Map;

/**
 * A data-store or admin port (PostgreSQL, MySQL, Redis, MongoDB, Elasticsearch, the Docker API...)
 * published on every host interface: no {@code host_ip}, or {@code 0.0.0.0}/{@code ::}. The
 * container port decides (a database published as 15432:5432 is still a database); other
 * published ports (web servers) are what publishing is for and are not reported. Ports shared with
 * common web applications (9000, 8080) are left out to avoid false positives.
 */
@RuleInfo(
    id = "published-port-all-interfaces",
    summary = "A database or admin port is published on all host interfaces (0.0.0.0).",
    remediation = "Drop the published port (other services reach it by name; on Kubernetes a ClusterIP Service),"
        + " or bind it to loopback for local tools: \"127.0.0.1:5432:5432\".",
    severity = Severity.WARNING,
    category = Category.SECURITY)
public final class PublishedPortAllInterfaces implements Rule {
  /** Container ports of data stores, brokers and admin endpoints that must not face a network. */
  static final Map<Integer, String> SENSITIVE = Map.ofEntries(
      Map.entry(5432, "PostgreSQL"), Map.entry(3306, "MySQL/MariaDB"), Map.entry(33060, "MySQL X protocol"),
      Map.entry(1433, "SQL Server"), Map.entry(1521, "Oracle"), Map.entry(27017, "MongoDB"),
      Map.entry(27018, "MongoDB"), Map.entry(6379, "Redis"), Map.entry(11211, "Memcached"),
      Map.entry(9200, "Elasticsearch"), Map.entry(9300, "Elasticsearch transport"), Map.entry(5984, "CouchDB"),
      Map.entry(9042, "Cassandra"), Map.entry(7687, "Neo4j Bolt"), Map.entry(8086, "InfluxDB"),
      Map.entry(8123, "ClickHouse HTTP"), Map.entry(9440, "ClickHouse native TLS"), Map.entry(5672, "AMQP (RabbitMQ)"),
      Map.entry(15672, "RabbitMQ management"), Map.entry(9092, "Kafka"), Map.entry(2181, "ZooKeeper"),
      Map.entry(2379, "etcd"), Map.entry(4222, "NATS"), Map.entry(8500, "Consul"),
      Map.entry(2375, "Docker API (unencrypted)"), Map.entry(2376, "Docker API"), Map.entry(28015, "RethinkDB"),
      Map.entry(26257, "CockroachDB"), Map.entry(6432, "PgBouncer"));

  @Override
  public void check(RuleContext ctx) {
    for (Service s : ctx.services()) {
      for (PortMapping p : s.networking().ports()) {
        if (!p.isPublished() || !allInterfaces(p.hostIp())) continue;
        String what = SENSITIVE.get(p.target());
        if (what == null) continue;
        ctx.report(p.path(), s.name(), "service \"" + s.name() + "\" publishes " + what + " port " + p.target()
            + " on all interfaces (0.0.0.0:" + p.published() + "): anyone who reaches the host can connect;"
            + " on Kubernetes it stays inside the cluster unless the Service is made a NodePort or LoadBalancer");
      }
    }
  }

  static boolean allInterfaces(String hostIp) {
    if (hostIp == null) return true;
    String h = hostIp.trim();
    return h.isEmpty() || h.equals("0.0.0.0") || h.equals("::") || h.equals("[::]");
  }
}
