package dev.ferry.core.translate.storage;

/**
 * The rows of the bind-mount decision table, in the order they are tried; docs/conversion.md's
 * table is generated from them. Each row: when it applies, what the mount becomes, and why that is
 * the faithful choice.
 */
public enum BindRow {
  STEERED("`x-ferry.mounts.\"<target>\".type` or `kompose.volume.type` is set", "what it says (pvc, configMap, secret,"
      + " emptyDir, hostPath, none)", "the user knows the mount; an unusable value is a `steering-invalid` finding"),
  DOCKER_SOCKET("the source is a Docker or container-runtime socket", "not mounted (`docker-socket-mount`, error)",
      "there is no Docker daemon on a node, and the runtime socket gives root on the node"),
  SYSTEM_PATH("the source is a host system path (`/proc`, `/sys`, `/dev`, `/var/run`, `/run`, `/var/lib/docker`,"
      + " `/lib/modules`, `/etc/localtime`, `/`)", "hostPath only with `--bind-mounts hostpath` or a hostPath type;"
      + " otherwise not mounted", "the node's own system is not the Docker host's; mounting it needs a privileged Pod"),
  OUTSIDE_PROJECT("the source is outside the project directory (an absolute, `~` or drive path) and is a file, or is"
      + " mounted read-only", "not mounted (warning); a read-write directory there is a data directory (below)",
      "ferry never copies files from outside the project into manifests: they may be the converting machine's own"
          + " (`~/.ssh`, `/etc`), not the deployment's"),
  FLAG("`--bind-mounts skip`, `emptydir` or `hostpath`", "not mounted, an emptyDir or a hostPath as asked (`emptydir`"
      + " never covers a file target: the image's file stays)", "the user chose; an emptyDir where a file is expected"
      + " would break the program (\"Is a directory\")"),
  FILE("an existing file of at most 256 KiB", "a ConfigMap key mounted with subPath; a Secret when the name or"
      + " content looks secret (keys, certificates, `.env`, credentials, PEM blocks); executable files keep mode 0755",
      "the container sees the same file; it is a read-only copy taken at conversion time"),
  FILE_TOO_BIG("an existing file over 256 KiB", "not mounted: the image's own file stays (warning)",
      "ConfigMaps hold at most 1 MiB; such a file belongs in the image"),
  CODE("a project directory (`./...`) mounted at a code directory (`/app`, `/code`, `/src`, `/usr/src`, `/var/www`,"
      + " `/opt/app`, `/workspace`, `/home`, `/project`) of a service that is built from the project",
      "not mounted: the image built from the same sources holds the code", "a development mount; an empty volume there"
      + " would hide the code"),
  CONFIG_DIR("an existing directory mounted read-only or at a configuration place (`/etc/...`, `*.d`, `conf`,"
      + " `certs`, `tls`, `secrets`, `templates`, `initdb`, ...), with at most 64 files, 256 KiB and 4 levels",
      "one ConfigMap (or Secret) with every file; nested files are mounted at their paths through `items`",
      "the container sees the same entries, read-only, as they were at conversion time"),
  CONFIG_DIR_TOO_BIG("such a directory (read-only) over those limits", "not mounted: the image's own content stays (warning)",
      "too big for a ConfigMap; bake it into the image or copy it into a volume"),
  DATA_DIR("a read-write directory that is not configuration (existing or not yet created)",
      "a PersistentVolumeClaim; one claim shared, ReadWriteMany, when several Pods mount the same source; sized by"
          + " x-ferry/kompose steering (default 1Gi); a known database data directory gets a subPath",
      "data survives a rollout as it survived a restart under compose; existing content must be copied in (finding)"),
  MISSING_FILE("the source does not exist and the target looks like a file", "not mounted: the image's own file stays;"
      + " an error finding (`bind-source-missing`) names the file", "an emptyDir would put a directory where the program"
      + " reads a file, and an empty placeholder is a valid but different configuration; neither works, so the file must"
      + " be supplied (create it and convert again)"),
  EMPTY_READ_ONLY("the source is missing or an empty directory, mounted read-only", "a read-only emptyDir",
      "docker creates a missing source as an empty directory: the container sees an empty directory either way");

  private final String when;
  private final String becomes;
  private final String why;

  BindRow(String when, String becomes, String why) {
    this.when = when;
    this.becomes = becomes;
    this.why = why;
  }

  public String when() {
    return when;
  }

  public String becomes() {
    return becomes;
  }

  public String why() {
    return why;
  }

  /** The decision table as Markdown (docs/conversion.md). */
  public static String markdown() {
    StringBuilder b = new StringBuilder("| # | When the bind mount is | It becomes | Why |\n|---|---|---|---|\n");
    for (BindRow r : values()) {
      b.append("| ").append(r.ordinal() + 1).append(" | ").append(r.when).append(" | ").append(r.becomes).append(" | ")
          .append(r.why).append(" |\n");
    }
    return b.toString();
  }
}
