package dev.ferry.core.emit;

/** How {@code ferry convert} writes manifests: YAML documents or JSON (names as the CLI spells them). */
public enum ManifestFormat { yaml, json }
