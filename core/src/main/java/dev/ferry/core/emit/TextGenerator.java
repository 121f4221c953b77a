package dev.ferry.core.emit;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.core.Base64Variant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteCapability;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TreeNode;
import tools.jackson.core.Version;
import tools.jackson.core.util.JacksonFeatureSet;
import tools.jackson.core.util.SimpleStreamWriteContext;

/**
 * What a Jackson generator writing text into a {@link StringBuilder} needs besides the tokens it
 * writes: its write context (kept for serializers that ask for the current value or name), its
 * default features, no-op flush and close. What such a writer does not cover (raw text, binary,
 * numbers other than integers, trees) throws {@link BlockYaml.Unsupported}, so that its caller
 * takes the path that covers everything.
 */
abstract class TextGenerator extends JsonGenerator {
  private static final int FEATURES = StreamWriteFeature.collectDefaults();
  private static final JacksonFeatureSet<StreamWriteCapability> CAPABILITIES =
      JacksonFeatureSet.fromDefaults(StreamWriteCapability.values());

  private final Object target;
  /** The root context, reused for every value written. */
  final SimpleStreamWriteContext root = SimpleStreamWriteContext.createRootContext(null);
  SimpleStreamWriteContext context = root;

  TextGenerator(Object target) {
    this.target = target;
  }

  @Override
  public JsonGenerator writeString(Reader reader, int len) {
    throw BlockYaml.Unsupported.INSTANCE;
  }

  @Override
  public JsonGenerator writeRawUTF8String(byte[] text, int offset, int length) {
    throw BlockYaml.Unsupported.INSTANCE;
  }

  @Override
  public JsonGenerator writeUTF8String(byte[] text, int offset, int length) {
    throw BlockYaml.Unsupported.INSTANCE;
  }

  @Override
  public JsonGenerator writeRaw(String text) {
    throw BlockYaml.Unsupported.INSTANCE;
  }

  @Override
  public JsonGenerator writeRaw(String text, int offset, int len) {
    throw BlockYaml.Unsupported.INSTANCE;
  }

  @Override
  public JsonGenerator writeRaw(char[] text, int offset, int len) {
    throw BlockYaml.Unsupported.INSTANCE;
  }

  @Override
  public JsonGenerator writeRaw(char c) {
    throw BlockYaml.Unsupported.INSTANCE;
  }

  @Override
  public JsonGenerator writeRawValue(String text) {
    throw BlockYaml.Unsupported.INSTANCE;
  }

  @Override
  public JsonGenerator writeRawValue(String text, int offset, int len) {
    throw BlockYaml.Unsupported.INSTANCE;
  }

  @Override
  public JsonGenerator writeRawValue(char[] text, int offset, int len) {
    throw BlockYaml.Unsupported.INSTANCE;
  }

  @Override
  public JsonGenerator writeBinary(Base64Variant bv, byte[] data, int offset, int len) {
    throw BlockYaml.Unsupported.INSTANCE;
  }

  @Override
  public int writeBinary(Base64Variant bv, InputStream data, int dataLength) {
    throw BlockYaml.Unsupported.INSTANCE;
  }

  @Override
  public JsonGenerator writeNumber(BigInteger v) {
    throw BlockYaml.Unsupported.INSTANCE;
  }

  @Override
  public JsonGenerator writeNumber(double v) {
    throw BlockYaml.Unsupported.INSTANCE;
  }

  @Override
  public JsonGenerator writeNumber(float v) {
    throw BlockYaml.Unsupported.INSTANCE;
  }

  @Override
  public JsonGenerator writeNumber(BigDecimal v) {
    throw BlockYaml.Unsupported.INSTANCE;
  }

  @Override
  public JsonGenerator writeNumber(String encodedValue) {
    throw BlockYaml.Unsupported.INSTANCE;
  }

  @Override
  public JsonGenerator writeTree(TreeNode rootNode) {
    throw BlockYaml.Unsupported.INSTANCE;
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public TokenStreamContext streamWriteContext() {
    return context;
  }

  @Override
  public ObjectWriteContext objectWriteContext() {
    return ObjectWriteContext.empty();
  }

  @Override
  public Object streamWriteOutputTarget() {
    return target;
  }

  @Override
  public int streamWriteOutputBuffered() {
    return -1;
  }

  @Override
  public Object currentValue() {
    return context.currentValue();
  }

  @Override
  public void assignCurrentValue(Object v) {
    context.assignCurrentValue(v);
  }

  @Override
  public JsonGenerator configure(StreamWriteFeature f, boolean state) {
    return this;
  }

  @Override
  public boolean isEnabled(StreamWriteFeature f) {
    return f.enabledIn(FEATURES);
  }

  @Override
  public int streamWriteFeatures() {
    return FEATURES;
  }

  @Override
  public boolean has(StreamWriteCapability capability) {
    return CAPABILITIES.isEnabled(capability);
  }

  @Override
  public JacksonFeatureSet<StreamWriteCapability> streamWriteCapabilities() {
    return CAPABILITIES;
  }

  @Override
  public boolean isClosed() {
    return false;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
