package dev.ferry.core.load.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.core.source.Position;
import dev.ferry.core.tree.MapNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortsVolumesTest {
  static final Position P = Position.of("c.yaml", 1, 1);

  static String render(MapNode m) {
    StringBuilder b = new StringBuilder();
    for (MapNode.Entry e : m.entries()) {
      if (b.length() > 0) b.append(' ');
      b.append(e.key()).append('=').append(e.value() instanceof MapNode mm ? "{" + render(mm) + "}" : ((dev.ferry.core.tree.ScalarNode) e.value()).text());
    }
    return b.toString();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "80                      | mode=ingress target=80 protocol=tcp",
    "8080:80                 | mode=ingress target=80 published=8080 protocol=tcp",
    "127.0.0.1:8443:443      | mode=ingress host_ip=127.0.0.1 target=443 published=8443 protocol=tcp",
    "127.0.0.1::5000         | mode=ingress host_ip=127.0.0.1 target=5000 protocol=tcp",
    "[::1]:9000:9000/udp     | mode=ingress host_ip=::1 target=9000 published=9000 protocol=udp",
    "9090-9091:8080          | mode=ingress target=8080 published=9090-9091 protocol=tcp",
    "53:53/UDP               | mode=ingress target=53 published=53 protocol=udp",
  })
  void portShortSyntax(String spec, String expected) {
    List<MapNode> r = PortSyntax.parse(spec, P);
    assertEquals(1, r.size());
    assertEquals(expected, render(r.get(0)));
  }

  @Test
  void portRangesExpand() {
    List<MapNode> r = PortSyntax.parse("8000-8002:9000-9002", P);
    assertEquals(3, r.size());
    assertEquals("mode=ingress target=9002 published=8002 protocol=tcp", render(r.get(2)));
    assertEquals(3, PortSyntax.parse("3000-3002", P).size());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "80:80:80:80  | too many colons",
    "abc          | invalid container port 'abc'",
    "70000        | out of range",
    "1-3:1-2      | ranges differ",
    "80/icmp      | unknown protocol",
  })
  void portErrors(String spec, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PortSyntax.parse(spec, P));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "/var/log            | type=volume target=/var/log",
    "data:/data          | type=volume source=data target=/data",
    "./src:/app:ro       | type=bind source=./src target=/app read_only=true bind={create_host_path=true}",
    "~/cfg:/cfg          | type=bind source=~/cfg target=/cfg bind={create_host_path=true}",
    "/a:/b:rw,z          | type=bind source=/a target=/b bind={create_host_path=true selinux=z}",
    "cache:/c:nocopy     | type=volume source=cache target=/c volume={nocopy=true}",
  })
  void volumeShortSyntax(String spec, String expected) {
    assertEquals(expected, render(Volumes.parse(spec, P)));
  }
}
