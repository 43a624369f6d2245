/** What a command may touch of the outside world; the CLI passes the real process, tests pass fakes. */

export interface Io {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** stdout is a terminal: colour and interactivity are allowed. */
  isTTY: boolean;
}

/** 0: no problems (or warnings only); 1: problems found in the files; 2: cctier could not do what was asked. */
export type ExitCode = 0 | 1 | 2;
export const EXIT_OK: ExitCode = 0;
export const EXIT_PROBLEMS: ExitCode = 1;
export const EXIT_USAGE: ExitCode = 2;

/** An error the user can fix (bad flag value, broken config): printed without a stack trace, exit 2. */
export class UsageError extends Error {
  // Commands outside the bundled lint path load their own copy of this module: the CLI recognises the
  // error by name, not by identity.
  override name = 'UsageError';
}

export function isUsageError(err: unknown): err is UsageError {
  return err instanceof UsageError || (err as Error | undefined)?.name === 'UsageError';
}

export function version(): string {
  return (require('../../package.json') as { version: string }).version;
}

/** Colour on a terminal unless NO_COLOR; FORCE_COLOR forces it; an explicit --color/--no-color wins. */
export function useColor(io: Io, explicit?: boolean): boolean {
  if (explicit !== undefined) return explicit;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return io.isTTY;
}
