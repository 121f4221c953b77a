package dev.ferry.rules.security;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/**
 * The project reads a file outside its directory (include, extends.file, env_file...): compose
 * allows it, but in CI a pull request could point it at a runner's file (env_file: /etc/shadow).
 * Reported by the loader; the file's contents are never shown in any finding or error.
 */
@RuleInfo(
    id = "file-outside-project",
    summary = "A file outside the project directory is read (include, extends, env_file); its contents are never shown.",
    remediation = "Keep the files a project reads inside its directory, or name the outside file with -f when that is intended.",
    severity = Severity.WARNING,
    category = Category.SECURITY)
public final class FileOutsideProject extends DiagnosticRule {}
