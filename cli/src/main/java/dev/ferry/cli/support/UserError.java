package dev.ferry.cli.support;

/** A problem in the user's input or environment: printed without a stack trace, exit 2. */
public final class UserError extends RuntimeException {
  public UserError(String message) {
    super(message, null, false, false);
  }
}
