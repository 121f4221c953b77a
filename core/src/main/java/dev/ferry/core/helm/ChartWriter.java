package dev.ferry.core.helm;

import dev.ferry.core.emit.Yaml;
import dev.ferry.core.model.ImageRef;
import dev.ferry.core.model.Project;
import dev.ferry.core.provenance.Origin;
import dev.ferry.core.source.SourceMap;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.knowledge.Naming;
import io.fabric8.kubernetes.api.model.HasMetadata;
import dev.ferry.core.concurrent.OnEveryCore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A translation → the files of a Helm chart (relative name → content, in a fixed order): Chart.yaml,
 * values.yaml with source comments, values.schema.json, templates (one file per service and kind),
 * _helpers.tpl, NOTES.txt, .helmignore and a generated README.md. With default values the chart
 * renders exactly the objects of {@code ferry convert} (Helm's own labels aside).
 */
public final class ChartWriter {
  /** Chart name, version and appVersion; null name/appVersion mean "from the project". */
  public record Options(String name, String version, String appVersion) {
    public static Options defaults() {
      return new Options(null, "0.1.0", null);
    }
  }

  private static final Pattern SEMVER = Pattern.compile(
      "^v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$");

  /** The files before the templates (Chart.yaml to _helpers.tpl). */
  private static final int FIXED = 6;

  private ChartWriter() {}

  /** Whether {@code v} is a SemVer 2 version, as Chart.yaml's version must be. */
  public static boolean isSemver(String v) {
    return v != null && SEMVER.matcher(v).matches();
  }

  /** The chart name for a project: {@code --name} or the project name, made a DNS-1123 label. */
  public static String chartName(Project p, String name) {
    return Naming.sanitize(name != null ? name : p.name() == null ? "app" : p.name());
  }

  public static Map<String, String> write(Project project, SourceMap sourceMap, Translation t, Options options) {
    return write(project, sourceMap, t, options, (name, text) -> text);
  }

  /**
   * The chart's files in their fixed order, each passed through {@code finish} (name, text) as soon as
   * its text is made. The files are made on every core, each on its own (a template file from its
   * objects in translation order), so the result is the same on any number of cores.
   */
  public static <T> Map<String, T> write(Project project, SourceMap sourceMap, Translation t, Options options,
      BiFunction<String, String, T> finish) {
    return write(project, sourceMap, t, options, names -> finish);
  }

  /**
   * As above; {@code start} is given the files' names in order before any text is made and returns
   * what finishes each file (a writer can check its output directory before the first file, then
   * write each file as it is made rather than hold them all).
   */
  public static <T> Map<String, T> write(Project project, SourceMap sourceMap, Translation t, Options options,
      Function<List<String>, BiFunction<String, String, T>> start) {
    if (!isSemver(options.version())) throw new IllegalArgumentException("chart version must be SemVer 2 (e.g. 0.1.0): " + options.version());
    ChartOwnership plan = new ChartOwnership(project, sourceMap, t, chartName(project, options.name()));
    Map<String, Supplier<String>> makers = makers(project, plan, options);
    List<String> names = List.copyOf(makers.keySet());
    List<Supplier<String>> make = new ArrayList<>(makers.values());
    makers.clear();
    BiFunction<String, String, T> finish = start.apply(names);
    // made in this order: the files that read the values first (NOTES.txt, listed last, too), so the
    // values can go while the templates are made; listed in the files' order
    int notes = names.size() - 1;
    List<T> done = OnEveryCore.map(names.size(), k -> {
      int i = k < FIXED ? k : k == FIXED ? notes : k - 1;
      Supplier<String> m = make.get(i);
      make.set(i, null); // a file made lets go of what only it needed (its objects, the values it read)
      return finish.apply(names.get(i), m.get());
    });
    Map<String, T> out = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) out.put(names.get(i), done.get(i < FIXED ? i : i == notes ? FIXED : i + 1));
    return out;
  }

  /**
   * What makes each file, in the files' order; the values are held only by the makers that read
   * them (a file made lets go of its maker).
   */
  private static Map<String, Supplier<String>> makers(Project project, ChartOwnership plan, Options options) {
    ValuesFile values = Values.build(plan);
    JsonNode services = values.root.get("services");
    Map<String, Supplier<String>> makers = new LinkedHashMap<>();
    makers.put("Chart.yaml", () -> chartYaml(plan, options));
    makers.put("values.yaml", () -> values.yaml("# Values of the " + plan.chartName + " chart, generated by ferry from "
        + String.join(", ", project.files()) + ".\n# Comments name the compose line each default came from. Reference: README.md.\n"));
    makers.put("values.schema.json", () -> ValuesSchema.write(values));
    makers.put(".helmignore", () -> ".git/\n.gitignore\n*.swp\n*.bak\n*.tmp\n*.orig\n*~\n.DS_Store\n.vscode/\n.idea/\n" + ".ferry-output\n");
    makers.put("README.md", () -> Readme.write(plan, values));
    makers.put("templates/_helpers.tpl", () -> FixedTemplates.helpers(plan));
    if (makers.size() != FIXED) throw new IllegalStateException("fixed files: " + makers.size());
    for (TemplateFile f : templateFiles(plan, services)) makers.put(f.name, () -> f.text(plan));
    makers.put("templates/NOTES.txt", () -> FixedTemplates.notes(plan, services));
    return makers;
  }

  /**
   * The template files, sorted by name: the objects of each service and kind (translation order),
   * then the service's Ingress template. Made here in order; their texts are made later, one file at a time.
   */
  private static List<TemplateFile> templateFiles(ChartOwnership plan, JsonNode services) {
    Map<String, TemplateFile> files = new HashMap<>();
    String shared = plan.workloads.keySet().stream().anyMatch(s -> plan.workloads.get(s).getMetadata().getName().equals("shared"))
        ? "shared-objects" : "shared";
    for (HasMetadata o : plan.translation.objects()) {
      String owner = plan.owner(o);
      if (o.getKind().equals("Namespace")) continue; // a release's namespace is Helm's: helm install -n NS --create-namespace
      if (o.getKind().equals("Ingress") && owner != null && services.get(owner).has("ingress")) continue;
      String dir = owner == null ? shared : plan.workloads.get(owner).getMetadata().getName();
      TemplateFile f = files.computeIfAbsent("templates/" + dir + "/" + o.getKind().toLowerCase(Locale.ROOT) + ".yaml", TemplateFile::new);
      if (owner != null) f.owner = owner;
      f.parts.add(o);
    }
    for (String svc : plan.workloads.keySet()) {
      if (!services.get(svc).has("ingress")) continue;
      TemplateFile f = files.computeIfAbsent("templates/" + plan.workloads.get(svc).getMetadata().getName() + "/ingress.yaml", TemplateFile::new);
      f.owner = svc;
      f.parts.add(svc);
    }
    List<TemplateFile> out = new ArrayList<>(files.values());
    out.sort(Comparator.comparing(f -> f.name));
    return out;
  }

  /** One template file: its name, the service whose {@code $svc} it uses (the last one named), its parts in order. */
  private static final class TemplateFile {
    final String name;
    String owner;
    /** An object (its template) or a compose service name (its Ingress template). */
    final List<Object> parts = new ArrayList<>();

    TemplateFile(String name) {
      this.name = name;
    }

    String text(ChartOwnership plan) {
      Templates tpl = new Templates(plan);
      // each document's condition, header and body, made first: the file is then put together in a
      // builder of its size (grown from the head's, a 4 KB template was copied five times over)
      List<String[]> docs = new ArrayList<>(parts.size());
      String head = head(owner);
      int size = head.length();
      for (Object part : parts) {
        String[] d;
        if (part instanceof HasMetadata o) {
          ObjectNode tree = ObjectTrees.tree(o); // the template changes it: its own, read by nothing else
          String header = source(plan, o, tree);
          d = new String[] {tpl.condition(o), header, tpl.template(o, tree)};
        } else {
          String svc = (String) part;
          HasMetadata service = find(plan, "Service", plan.workloads.get(svc).getMetadata().getName());
          d = new String[] {"and $svc.enabled $svc.ingress.enabled", "", FixedTemplates.ingress(plan, svc, service.getMetadata().getLabels())};
        }
        docs.add(d);
        size += DOC_EXTRA + (d[0] == null ? 0 : d[0].length()) + d[1].length() + d[2].length();
      }
      StringBuilder b = new StringBuilder(size).append(head);
      for (String[] d : docs) doc(b, d[0], d[1], d[2]);
      return b.toString();
    }
  }

  /** The first lines of a template file: the generated-by note and, for a service's file, {@code $svc}. */
  private static String head(String owner) {
    return "{{- /* Generated by ferry; edit the compose file and run ferry chart again. */ -}}\n"
        + (owner == null ? "" : "{{- $svc := index .Values.services " + Placeholders.quote(owner) + " }}\n");
  }

  /** The characters {@link #doc} adds around a document's condition, header and body, at most. */
  private static final int DOC_EXTRA = "{{- if  }}\n---\n{{- end }}\n".length();

  private static void doc(StringBuilder b, String condition, String header, String body) {
    if (condition != null) b.append("{{- if ").append(condition).append(" }}\n");
    b.append("---\n").append(header).append(body);
    if (condition != null) b.append("{{- end }}\n");
  }

  /**
   * The comment {@code convert --annotate} puts above the object (its {@link Origin}), decided from
   * the object's tree: the chart needs no manifest text, so it does not render and index one.
   */
  private static String source(ChartOwnership plan, HasMetadata o, ObjectNode tree) {
    String kind = o.getKind();
    String name = o.getMetadata().getName();
    HasMetadata first = plan.find(kind, name);
    String c = Origin.comment(Origin.placed(plan.translation.provenance().of(kind, name), first == o ? tree : ObjectTrees.tree(first),
        plan.sourceMap), plan.sourceMap);
    return c.replace("{{", "{ {");
  }

  private static HasMetadata find(ChartOwnership plan, String kind, String name) {
    HasMetadata o = plan.find(kind, name);
    if (o == null) throw new IllegalStateException("no " + kind + " " + name);
    return o;
  }

  private static String chartYaml(ChartOwnership plan, Options options) {
    ObjectNode c = JsonNodeFactory.instance.objectNode();
    c.put("apiVersion", "v2");
    c.put("name", plan.chartName);
    c.put("description", "Kubernetes objects of the compose project " + (plan.project.name() == null ? plan.chartName : plan.project.name())
        + ", generated by ferry (services: " + String.join(", ", plan.workloads.keySet()) + ")");
    c.put("type", "application");
    c.put("version", options.version());
    String app = options.appVersion() != null ? options.appVersion() : appVersion(plan);
    if (app != null) c.put("appVersion", app);
    return "# Generated by ferry from a compose project; edit the compose file and run ferry chart again.\n" + Yaml.write(c);
  }

  /** The tag of the main image: the first service with published ports (else the first service) that has a tag. */
  private static String appVersion(ChartOwnership plan) {
    Set<String> order = new LinkedHashSet<>(); // a set: a list's contains made this quadratic in services
    for (String s : plan.workloads.keySet()) if (!plan.project.service(s).networking().ports().isEmpty()) order.add(s);
    order.addAll(plan.workloads.keySet());
    for (String s : order) {
      ImageRef i = plan.project.service(s).identity().image();
      if (i != null && i.hasTag()) return i.tag();
    }
    return null;
  }
}
