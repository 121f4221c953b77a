package dev.ferry.core.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** --kube-version: the supported range, the accepted spellings, and the image-volume threshold. */
class KubeVersionTest {
  @Test
  void parsesTheSupportedRange() {
    assertEquals(new KubeVersion(1, 33), KubeVersion.parse("1.33"));
    assertEquals(new KubeVersion(1, 33), KubeVersion.parse("v1.33.2"));
    assertEquals(KubeVersion.OLDEST, TranslateOptions.defaults().kubeVersion());
    assertEquals("1.30", KubeVersion.OLDEST.toString());
    assertTrue(KubeVersion.parse("1.36").atLeast(KubeVersion.IMAGE_VOLUMES));
    assertTrue(!KubeVersion.parse("1.32").atLeast(KubeVersion.IMAGE_VOLUMES));
    for (String bad : new String[] {"1.29", "1.37", "2.0", "1", "one.two", "1.30.1.1", ""}) {
      assertThrows(IllegalArgumentException.class, () -> KubeVersion.parse(bad), bad);
    }
  }
}
