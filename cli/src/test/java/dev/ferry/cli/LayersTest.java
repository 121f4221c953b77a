package dev.ferry.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package layers of core, rules and cli, checked on the compiled classes of all three modules
 * (this module's test classpath holds them): no package cycle, and each layer reads only the layers
 * below it. In core: foundation (source, tree, diag, text, concurrent) ← model ← load; model ← knowledge (what
 * convert and lint both know); model ← provenance ←
 * translate ← emit ← helm / explain; translate never reads load, emit never reads helm or explain.
 * Inside translate, translate.run (Translator) and translate.docs (ReferenceDocs) sit above the
 * mapper packages, which read translate's shared types; the loader's stages read load.limits.
 * rules read core's public packages and never the mapper packages of translate; rule classes never
 * read the engine that runs them. cli reads everything. A new package must be placed in a layer.
 */
class LayersTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.ferry.core", "dev.ferry.rules", "dev.ferry.cli");

  /** translate's mapper packages: internals that only translate itself and the outputs above it read. */
  private static final String[] TRANSLATE_INTERNALS = {
    "dev.ferry.core.translate.network..", "dev.ferry.core.translate.storage..", "dev.ferry.core.translate.workload.."
  };

  @Test
  void noPackageCycles() {
    slices().matching("dev.ferry.(**)").should().beFreeOfCycles()
        .check(CLASSES);
  }

  @Test
  void eachLayerReadsOnlyTheLayersBelowIt() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .ensureAllClassesAreContainedInArchitecture()
        .layer("Foundation").definedBy("dev.ferry.core.source..", "dev.ferry.core.tree..", "dev.ferry.core.diag..",
            "dev.ferry.core.text..", "dev.ferry.core.concurrent..")
        .layer("Model").definedBy("dev.ferry.core.model..")
        .layer("Load").definedBy("dev.ferry.core.load..")
        .layer("Knowledge").definedBy("dev.ferry.core.knowledge..")
        .layer("Provenance").definedBy("dev.ferry.core.provenance..")
        .layer("Translate").definedBy("dev.ferry.core.translate..")
        .layer("Emit").definedBy("dev.ferry.core.emit..")
        .layer("Helm").definedBy("dev.ferry.core.helm..")
        .layer("Explain").definedBy("dev.ferry.core.explain..")
        .layer("RuleApi").definedBy("dev.ferry.rules.api..")
        .layer("Rules").definedBy("dev.ferry.rules.hygiene..", "dev.ferry.rules.migration..",
            "dev.ferry.rules.portability..", "dev.ferry.rules.schema..", "dev.ferry.rules.security..")
        .layer("Engine").definedBy("dev.ferry.rules.engine..")
        .layer("Report").definedBy("dev.ferry.rules.report..")
        .layer("Cli").definedBy("dev.ferry.cli..")
        .whereLayer("Foundation").mayOnlyAccessLayers("Foundation")
        .whereLayer("Model").mayOnlyAccessLayers("Foundation")
        .whereLayer("Load").mayOnlyAccessLayers("Foundation", "Model")
        // what convert and lint both know: the compose-key catalogue, DNS naming, ports, secret names
        .whereLayer("Knowledge").mayOnlyAccessLayers("Foundation", "Model")
        // LineIndex reads compose text with the loader's YAML settings (Parse)
        .whereLayer("Provenance").mayOnlyAccessLayers("Foundation", "Load")
        .whereLayer("Translate").mayOnlyAccessLayers("Foundation", "Model", "Knowledge", "Provenance")
        .whereLayer("Emit").mayOnlyAccessLayers("Foundation", "Model", "Knowledge", "Provenance", "Translate")
        .whereLayer("Helm").mayOnlyAccessLayers("Foundation", "Model", "Knowledge", "Provenance", "Translate", "Emit")
        .whereLayer("Explain").mayOnlyAccessLayers("Foundation", "Model", "Knowledge", "Provenance", "Translate", "Emit")
        .whereLayer("RuleApi").mayOnlyAccessLayers("Foundation", "Model", "Load")
        .whereLayer("Rules").mayOnlyAccessLayers("Foundation", "Model", "Knowledge", "Load", "Translate", "RuleApi")
        .whereLayer("Engine").mayOnlyAccessLayers("Foundation", "Model", "Knowledge", "Load", "Translate", "RuleApi", "Rules")
        .whereLayer("Report").mayOnlyAccessLayers("Foundation", "Model", "Knowledge", "Load", "RuleApi", "Engine")
        .check(CLASSES);
  }

  @Test
  void rulesReadOnlyCorePublicPackages() {
    noClasses().that().resideInAPackage("dev.ferry.rules..")
        .should().dependOnClassesThat(in(TRANSLATE_INTERNALS))
        .check(CLASSES);
  }

  private static DescribedPredicate<JavaClass> in(String... packages) {
    return JavaClass.Predicates.resideInAnyPackage(packages);
  }
}
