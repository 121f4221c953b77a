package dev.ferry.cli.support;

/** ferry's exit codes, one list for every command. */
public enum ExitCode {
  /** Success; no finding at or above --fail-on. */
  OK(0),
  /** Findings at or above --fail-on (lint, convert --strict). */
  FINDINGS(1),
  /** Invalid input or usage: the message says what and where. */
  INVALID(2);

  public final int code;

  ExitCode(int code) {
    this.code = code;
  }
}
