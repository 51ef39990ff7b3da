/**
 * The server's log. Lines carry no identity of contributors: callers log events and ids of
 * workshops, never names or emails of participants beside what they wrote.
 */
function line(level: string, message: string, extra?: Record<string, unknown>): string {
  const suffix = extra ? ` ${JSON.stringify(extra)}` : "";
  return `${new Date().toISOString()} ${level} ${message}${suffix}`;
}

export const logger = {
  info(message: string, extra?: Record<string, unknown>) {
    console.log(line("info", message, extra));
  },
  warn(message: string, extra?: Record<string, unknown>) {
    console.warn(line("warn", message, extra));
  },
  /** Logs an unexpected error with its stack for the operator; never shown to users. */
  error(message: string, error?: unknown) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error ?? "");
    console.error(line("error", message), detail);
  },
};
