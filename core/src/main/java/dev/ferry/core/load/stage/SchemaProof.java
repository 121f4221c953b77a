package dev.ferry.core.load.stage;

import dev.ferry.core.tree.CoreSchema;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A quick proof that a document is valid against the compose-spec schema, so that the full
 * validation (which builds a JSON copy of the file and looks up every property of the service
 * schema in every service) runs only when there may be something to report. It reads the same
 * bundled schema and understands the keywords it uses (type, properties, patternProperties,
 * additionalProperties, required, enum, items, uniqueItems, oneOf, $ref, minimum, maximum,
 * pattern); anything else, a {@code !reset} node, a number whose JSON type is not plain, a text with a
 * line break checked against a pattern, and it answers "cannot tell", which is the same as
 * "maybe invalid": {@link SchemaCheck} then validates in full and reports as before.
 */
final class SchemaProof {
  /** The tag whose node the schema check's JSON leaves out. */
  private static final String RESET = "!reset";
  private static final int VALID = 0;
  private static final int INVALID = 1;
  private static final int UNKNOWN = 2;

  private static final int T_NULL = 1;
  private static final int T_BOOL = 2;
  private static final int T_INT = 4;
  private static final int T_NUMBER = 8;
  private static final int T_STRING = 16;
  private static final int T_OBJECT = 32;
  private static final int T_ARRAY = 64;

  /** Annotations: they never make an instance invalid. */
  private static final Set<String> IGNORED = Set.of("description", "deprecated", "default", "title", "$schema",
      "$id", "$comment", "$defs", "examples");

  /** A compiled schema. */
  private static final class S {
    boolean unknown;
    boolean never;
    int types;
    S ref;
    Map<String, S> properties;
    List<Prop> patterns;
    S additional;
    List<String> required;
    Set<String> enumStrings;
    boolean enumOther;
    S items;
    boolean unique;
    List<S> oneOf;
    Double minimum;
    Double maximum;
    Rx pattern;
  }

  /** A pattern, with the common {@code ^literal} form answered by startsWith. */
  private record Rx(String prefix, Pattern regex) {
    static Rx of(String p) {
      if (p.matches("\\^[A-Za-z0-9_-]+")) return new Rx(p.substring(1), null);
      return new Rx(null, Pattern.compile(p));
    }

    /** VALID when it matches, INVALID when not; UNKNOWN for text with a line break (regex dialects differ there). */
    int test(String s) {
      if (prefix != null) return s.startsWith(prefix) ? VALID : INVALID;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') return UNKNOWN;
      }
      return regex.matcher(s).find() ? VALID : INVALID;
    }
  }

  private record Prop(Rx key, S schema) {}

  private static final S ROOT = compile();

  private SchemaProof() {}

  /** Whether {@code doc} is certainly valid (false: maybe not). */
  static boolean valid(MapNode doc) {
    return ROOT != null && check(ROOT, doc) == VALID;
  }

  private static S compile() {
    try (InputStream in = SchemaProof.class.getResourceAsStream("/dev/ferry/core/compose-spec.json")) {
      JsonNode root = JsonMapper.shared().readTree(in);
      return new Compiler(root).compile(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      return null; // a schema it cannot read: every document goes to the full validation
    }
  }

  private static final class Compiler {
    private final JsonNode root;
    private final Map<JsonNode, S> done = new IdentityHashMap<>();

    Compiler(JsonNode root) {
      this.root = root;
    }

    S compile(JsonNode j) {
      S known = done.get(j);
      if (known != null) return known;
      S s = new S();
      done.put(j, s);
      if (j.isBoolean()) {
        s.never = !j.booleanValue();
        return s;
      }
      if (!j.isObject()) {
        s.unknown = true;
        return s;
      }
      for (Map.Entry<String, JsonNode> e : j.properties()) {
        String k = e.getKey();
        JsonNode v = e.getValue();
        switch (k) {
          case "type" -> s.types = types(v, s);
          case "$ref" -> {
            String r = v.asString();
            JsonNode target = r.startsWith("#") ? root.at(r.substring(1)) : null;
            if (target == null || target.isMissingNode()) s.unknown = true;
            else s.ref = compile(target);
          }
          case "properties" -> {
            s.properties = new HashMap<>();
            for (Map.Entry<String, JsonNode> p : v.properties()) s.properties.put(p.getKey(), compile(p.getValue()));
          }
          case "patternProperties" -> {
            s.patterns = new ArrayList<>();
            for (Map.Entry<String, JsonNode> p : v.properties()) {
              s.patterns.add(new Prop(Rx.of(p.getKey()), compile(p.getValue())));
            }
          }
          case "additionalProperties" -> s.additional = compile(v);
          case "required" -> {
            s.required = new ArrayList<>();
            for (JsonNode r : v) s.required.add(r.asString());
          }
          case "enum" -> {
            s.enumStrings = new HashSet<>();
            for (JsonNode r : v) {
              if (r.isString()) s.enumStrings.add(r.asString());
              else s.enumOther = true;
            }
          }
          case "items" -> {
            if (v.isArray()) s.unknown = true;
            else s.items = compile(v);
          }
          case "uniqueItems" -> s.unique = v.asBoolean();
          case "oneOf" -> {
            s.oneOf = new ArrayList<>();
            for (JsonNode b : v) s.oneOf.add(compile(b));
          }
          case "minimum" -> s.minimum = v.isNumber() ? v.doubleValue() : null;
          case "maximum" -> s.maximum = v.isNumber() ? v.doubleValue() : null;
          case "pattern" -> s.pattern = Rx.of(v.asString());
          default -> {
            if (!IGNORED.contains(k)) s.unknown = true;
          }
        }
        if ((k.equals("minimum") || k.equals("maximum")) && !v.isNumber()) s.unknown = true;
      }
      return s;
    }

    private static int types(JsonNode v, S s) {
      int t = 0;
      for (JsonNode n : v.isArray() ? v : List.of(v)) {
        switch (n.asString()) {
          case "null" -> t |= T_NULL;
          case "boolean" -> t |= T_BOOL;
          case "integer" -> t |= T_INT;
          case "number" -> t |= T_NUMBER | T_INT;
          case "string" -> t |= T_STRING;
          case "object" -> t |= T_OBJECT;
          case "array" -> t |= T_ARRAY;
          default -> s.unknown = true;
        }
      }
      return t;
    }
  }

  private static int and(int a, int b) {
    if (a == INVALID || b == INVALID) return INVALID;
    return a == UNKNOWN || b == UNKNOWN ? UNKNOWN : VALID;
  }

  /** The JSON type {@link SchemaCheck}'s JSON gives a node: one of the T_ bits, or 0 when it cannot tell. */
  private static int jsonType(Node n) {
    if (n instanceof MapNode) return T_OBJECT;
    if (n instanceof SeqNode) return T_ARRAY;
    ScalarNode s = (ScalarNode) n;
    try {
      return switch (s.kind()) {
        case NULL -> T_NULL;
        case BOOL -> T_BOOL;
        case STRING -> T_STRING;
        case INT -> {
          long v = CoreSchema.parseInt(s.text());
          yield Math.abs(v) < (1L << 53) ? T_INT : 0;
        }
        case FLOAT -> Double.isFinite(CoreSchema.parseFloat(s.text())) ? T_NUMBER : 0;
      };
    } catch (NumberFormatException e) {
      return 0; // it becomes a JSON string: left to the full validation
    }
  }

  private static int check(S s, Node n) {
    if (s.unknown) return UNKNOWN;
    if (s.never) return INVALID;
    int t = jsonType(n);
    if (t == 0) return UNKNOWN;
    if (s.types != 0 && (s.types & t) == 0) {
      // a float with a zero fraction may count as an integer: left to the full validation
      return t == T_NUMBER && (s.types & T_INT) != 0 ? UNKNOWN : INVALID;
    }
    int r = VALID;
    if (s.ref != null) r = check(s.ref, n);
    if (r == INVALID) return r;
    if (s.enumStrings != null) r = and(r, enumCheck(s, n, t));
    if ((s.minimum != null || s.maximum != null) && (t == T_INT || t == T_NUMBER)) r = and(r, range(s, (ScalarNode) n));
    if (s.pattern != null && t == T_STRING) r = and(r, s.pattern.test(((ScalarNode) n).text()));
    if (n instanceof MapNode m) r = and(r, object(s, m));
    if (n instanceof SeqNode q) r = and(r, array(s, q));
    if (s.oneOf != null && r != INVALID) r = and(r, oneOf(s.oneOf, n));
    return r;
  }

  private static int enumCheck(S s, Node n, int t) {
    if (t == T_STRING) return s.enumStrings.contains(((ScalarNode) n).text()) ? VALID : s.enumOther ? UNKNOWN : INVALID;
    return s.enumOther ? UNKNOWN : INVALID;
  }

  private static int range(S s, ScalarNode n) {
    double v = n.kind() == ScalarNode.Kind.INT ? CoreSchema.parseInt(n.text()) : CoreSchema.parseFloat(n.text());
    if (s.minimum != null && v < s.minimum) return INVALID;
    if (s.maximum != null && v > s.maximum) return INVALID;
    return VALID;
  }

  private static int object(S s, MapNode m) {
    for (MapNode.Entry e : m.entries()) if (RESET.equals(e.value().tag())) return UNKNOWN; // it leaves the JSON
    int r = VALID;
    if (s.required != null) for (String k : s.required) if (!m.has(k)) return INVALID;
    for (MapNode.Entry e : m.entries()) {
      boolean matched = false;
      if (s.properties != null) {
        S p = s.properties.get(e.key());
        if (p != null) {
          matched = true;
          r = and(r, check(p, e.value()));
        }
      }
      if (s.patterns != null) {
        for (Prop p : s.patterns) {
          int k = p.key().test(e.key());
          if (k == UNKNOWN) return UNKNOWN;
          if (k == VALID) {
            matched = true;
            r = and(r, check(p.schema(), e.value()));
          }
        }
      }
      if (!matched && s.additional != null) r = and(r, check(s.additional, e.value()));
      if (r == INVALID) return r;
    }
    return r;
  }

  private static int array(S s, SeqNode q) {
    for (Node i : q.items()) if (RESET.equals(i.tag())) return UNKNOWN;
    int r = VALID;
    if (s.items != null) {
      for (Node i : q.items()) {
        r = and(r, check(s.items, i));
        if (r == INVALID) return r;
      }
    }
    if (s.unique && q.size() > 1) {
      Set<String> seen = new HashSet<>();
      for (Node i : q.items()) {
        if (!(i instanceof ScalarNode sc) || sc.kind() != ScalarNode.Kind.STRING) return and(r, UNKNOWN);
        if (!seen.add(sc.text())) return INVALID;
      }
    }
    return r;
  }

  private static int oneOf(List<S> branches, Node n) {
    int valid = 0;
    boolean unknown = false;
    for (S b : branches) {
      int r = check(b, n);
      if (r == VALID) valid++;
      else if (r == UNKNOWN) unknown = true;
    }
    if (valid > 1) return INVALID;
    if (unknown) return UNKNOWN;
    return valid == 1 ? VALID : INVALID;
  }
}
