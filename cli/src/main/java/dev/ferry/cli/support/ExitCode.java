package dev.ferry.cli.support;

/** ferry's exit codes, one list for every command. */
public enum ExitCode {
  /** Success; no finding at or above --fail-on. */
  OK(0),
  /**
   * lint only: findings at or above --fail-on, more warnings than --max-warnings, or fixes to apply
   * with --fix-dry-run. (convert --strict makes an unset required variable invalid input, exit 2.)
   */
  FINDINGS(1),
  /** Invalid input or usage: the message says what and where. */
  INVALID(2);

  public final int code;

  ExitCode(int code) {
    this.code = code;
  }
}
