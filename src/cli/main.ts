/**
 * The command line: parses argv with yargs, runs the command, turns the result into an exit code. The only
 * module that touches process. yargs 18 is ESM-only, so it is imported dynamically from this CJS build.
 */

import type { Argv } from 'yargs';
import { EXIT_USAGE, UsageError, version, type ExitCode, type Io } from '../commands/io';
import { SCOPES, type Scope } from '../core/scope';
import { FORMAT_NAMES, type FormatName } from '../formatters';

function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY),
  };
}

export async function main(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug');
  let code: ExitCode;
  try {
    code = await dispatch(argv, processIo());
  } catch (err) {
    code = EXIT_USAGE;
    if (err instanceof UsageError) process.stderr.write(`cctier: ${err.message}\n`);
    else if (debug) process.stderr.write(`cctier: internal error\n${(err as Error)?.stack ?? String(err)}\n`);
    else process.stderr.write(`cctier: internal error: ${(err as Error)?.message ?? String(err)}\n(run with --debug for details)\n`);
  }
  process.exitCode = code;
}

async function dispatch(argv: string[], io: Io): Promise<ExitCode> {
  const { default: yargs } = (await import('yargs')) as { default: (args: string[]) => Argv };
  let pending: (() => Promise<ExitCode>) | undefined;
  let failure: string | undefined;
  const parser = yargs(argv)
    .scriptName('cctier')
    .usage('$0 <command> [options]')
    .version(version())
    .help()
    .alias('h', 'help')
    .option('debug', { type: 'boolean', default: false, describe: 'Print stack traces for internal errors' })
    .command(
      ['lint [paths..]', '$0 [paths..]'],
      'Check Claude Code settings files',
      (y) =>
        y
          .positional('paths', { type: 'string', array: true, describe: 'Files or directories (default: .)' })
          .option('format', { alias: 'f', choices: FORMAT_NAMES, default: 'stylish' as FormatName, describe: 'Output format' })
          .option('output-file', { alias: 'o', type: 'string', describe: 'Write the report to this file instead of stdout' })
          .option('max-warnings', { type: 'number', default: -1, describe: 'Exit 1 when there are more warnings than this' })
          .option('quiet', { type: 'boolean', default: false, describe: 'Report errors only' })
          .option('strict', { type: 'boolean', describe: 'Unknown top-level keys are errors (default: config "strict", else false)' })
          .option('scope', { choices: SCOPES, describe: 'Scope of explicitly named files (default: from the path)' })
          .option('config', { alias: 'c', type: 'string', describe: 'Use this cctier config file instead of searching' })
          .option('color', { type: 'boolean', describe: 'Force colour on or off (default: on for a terminal, off with NO_COLOR)' })
          .option('no-config', { type: 'boolean', describe: 'Ignore every cctier config file' }),
      (args) => {
        const noConfig = Boolean(args['no-config'] ?? (args as { config?: unknown }).config === false);
        if (args['max-warnings'] !== undefined && !Number.isInteger(args['max-warnings'])) {
          failure = '--max-warnings needs a whole number';
          return;
        }
        const lint = require('../commands/lint') as typeof import('../commands/lint');
        pending = () =>
          lint.run(
            {
              paths: (args.paths as string[] | undefined) ?? [],
              format: args.format as FormatName,
              outputFile: args['output-file'],
              maxWarnings: args['max-warnings'] as number,
              quiet: Boolean(args.quiet),
              strict: args.strict,
              scope: args.scope as Scope | undefined,
              config: noConfig ? undefined : (args.config as string | undefined),
              useConfig: !noConfig,
              color: args.color,
            },
            io,
          );
      },
    )
    .strict()
    .exitProcess(false)
    .fail((msg, err) => {
      failure = msg ?? err?.message ?? 'invalid arguments';
    });
  await parser.parseAsync();
  if (failure) {
    io.stderr(`cctier: ${failure}\nRun "cctier --help" for usage.\n`);
    return EXIT_USAGE;
  }
  return pending ? await pending() : 0;
}
