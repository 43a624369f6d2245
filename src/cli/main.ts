/**
 * The command line: parses argv with yargs, runs the command, turns the result into an exit code. The only
 * module that touches process. yargs 18 is ESM-only, so it is imported dynamically from this CJS build.
 *
 * Commands are dispatched here rather than by yargs handlers. For a named (non-default) command yargs
 * renders and caches the whole help text on every run, which costs more than linting a file; so
 * `cctier lint ...` is parsed as the default command, which it is.
 */

import type { Argv, ArgumentsCamelCase } from 'yargs';
import { EXIT_USAGE, UsageError, isUsageError, version, type ExitCode, type Io } from '../commands/io';
import { SCOPES, type Scope } from '../core/scope';
import { FORMAT_NAMES, type FormatName } from '../formatters';

// A large lint run starts workers from this same file (core/lint/parallel.ts), marked in their argv; in one,
// lint its share. (Checked on argv first: loading worker_threads costs every ordinary start.)
if (process.argv.includes('--cctier-lint-worker')) {
  const parallel = require('../core/lint/parallel') as typeof import('../core/lint/parallel');
  if (parallel.isLintWorker()) parallel.runLintWorker();
}

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
    if (isUsageError(err)) process.stderr.write(`cctier: ${err.message}\n`);
    else if (debug) process.stderr.write(`cctier: internal error\n${(err as Error)?.stack ?? String(err)}\n`);
    else process.stderr.write(`cctier: internal error: ${(err as Error)?.message ?? String(err)}\n(run with --debug for details)\n`);
  }
  process.exitCode = code;
}

type Args = ArgumentsCamelCase<Record<string, unknown>>;

function lintOptions(y: Argv): Argv {
  return y
    .positional('paths', { type: 'string', array: true, describe: 'Files or directories to lint (default: .)' })
    .option('format', { alias: 'f', choices: FORMAT_NAMES, default: 'stylish', describe: 'Output format' })
    .option('output-file', { alias: 'o', type: 'string', describe: 'Write the report to this file instead of stdout' })
    .option('max-warnings', { type: 'number', default: -1, describe: 'Exit 1 when there are more warnings than this (-1: no limit)' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Report errors only' })
    .option('strict', { type: 'boolean', describe: 'Unknown top-level keys are errors (default: the config\'s "strict", else false)' })
    .option('scope', { choices: SCOPES, describe: 'Scope of files named explicitly (default: from the path)' })
    .option('config', { alias: 'c', type: 'string', describe: 'Use this cctier config file instead of searching (--no-config: use none)' })
    .option('color', { type: 'boolean', describe: 'Colour on or off (default: on for a terminal, off with NO_COLOR)' })
    .option('fix', { type: 'boolean', default: false, describe: 'Apply safe fixes to the files (atomic writes)' })
    .option('fix-dry-run', { type: 'boolean', default: false, describe: 'Compute fixes without writing; report what would remain' })
    .option('policy', { type: 'string', describe: 'Also check each repository linted against this org policy (a file or an npm package; default: "policy" in cctier config; --no-policy: none)' });
}

/** Options of the commands that read Claude Code's layers. */
function layerOptions(y: Argv): Argv {
  return y
    .positional('dir', { type: 'string', describe: 'The directory a session starts in (default: .)' })
    .option('user-settings', { type: 'string', describe: 'User settings file (default: $CLAUDE_CONFIG_DIR/settings.json or ~/.claude/settings.json)' })
    .option('managed', { type: 'string', describe: 'Managed settings file or folder (default: the OS path, e.g. /etc/claude-code)' })
    .option('settings', { type: 'string', describe: 'A --settings file, as passed to claude' })
    .option('config', { alias: 'c', type: 'string', describe: 'Take team layers ("extends") from this cctier config file instead of searching (--no-config: none)' })
    .option('format', { alias: 'f', choices: ['stylish', 'json'], default: 'stylish', describe: 'Output format' });
}

function layerArgs(args: Args): import('../commands/layer-options').LayerOptions {
  return {
    dir: args.dir as string | undefined,
    userSettings: args.userSettings as string | undefined,
    managed: args.managed as string | undefined,
    settings: args.settings as string | undefined,
    ...configArgs(args),
  };
}

/** Options of the commands that read the model catalog (models, route). */
function catalogOptions(y: Argv, formats: string[], format: string): Argv {
  return y
    .option('format', { alias: 'f', choices: formats, default: format, describe: 'Output format' })
    .option('config', { alias: 'c', type: 'string', describe: 'Use this cctier config file (its "models") instead of searching (--no-config: use none)' });
}

/** yargs turns --no-config into config: false. */
function configArgs(args: Args): { config?: string; useConfig: boolean } {
  const useConfig = args.config !== false;
  return { config: useConfig ? (args.config as string | undefined) : undefined, useConfig };
}

async function dispatch(argv: string[], io: Io): Promise<ExitCode> {
  const { default: yargs } = (await import('yargs')) as { default: (args: string[]) => Argv };
  if (argv[0] === 'lint' && !argv.includes('--help') && !argv.includes('-h')) argv = argv.slice(1);
  let failure: string | undefined;
  const parser = yargs(argv)
    .scriptName('cctier')
    .usage('$0 <command> [options]')
    .version(version())
    .help()
    .alias('h', 'help')
    .option('debug', { type: 'boolean', default: false, describe: 'Print stack traces for internal errors' })
    .command(['lint [paths..]', '$0 [paths..]'], 'Check Claude Code settings files (the default command)', lintOptions)
    .command('effective [dir]', 'The settings Claude Code uses for a session started in dir, with the source of each value', layerOptions)
    .command('explain <pointer> [dir]', 'Why a setting has its value: the file that set it and what it overrode', layerOptions)
    .command('check-permission <tool-use> [dir]', 'Whether Claude Code allows, asks about or denies a tool use such as "Bash(git push)", and which rule in which file decides', layerOptions)
    .command('models [refs..]', 'The model catalog (id, aliases, tier, status, prices), or what each model reference resolves to', (y) =>
      catalogOptions(y.positional('refs', { type: 'string', array: true, describe: 'Model references to resolve (default: list the catalog)' }), ['table', 'json'], 'table'),
    )
    .command('route <task> [dir]', 'Which tier and model a described task belongs to under the repository\'s claude_settings.json, and why', (y) =>
      catalogOptions(
        y
          .positional('task', { type: 'string', describe: 'The task, in words ("summarise these logs")' })
          .positional('dir', { type: 'string', describe: 'Where to look for claude_settings.json (default: .)' }),
        ['text', 'json'],
        'text',
      ),
    )
    .command('init [dir]', 'Write tiered defaults into a git repository: claude_settings.json, .claude/settings.json, subagents, .gitignore', (y) =>
      y
        .positional('dir', { type: 'string', describe: 'A folder inside the repository (default: .); files go to the repository root' })
        .option('profile', { alias: 'p', choices: ['balanced', 'economy', 'quality'], describe: 'Tier profile (default: balanced; asked on a terminal)' })
        .option('only', { type: 'string', array: true, describe: 'Write only these: tier-file, settings, agents, gitignore, pre-commit (or their file names)' })
        .option('pre-commit', { type: 'boolean', describe: 'Add the cctier hook to .pre-commit-config.yaml, lint-staged or husky' })
        .option('force', { type: 'boolean', default: false, describe: 'Replace values and subagent files that differ from the profile (lists are always merged)' })
        .option('dry-run', { type: 'boolean', default: false, describe: 'Print the plan and unified diffs; write nothing' })
        .option('yes', { alias: 'y', type: 'boolean', default: false, describe: 'Ask nothing: use the flags and the defaults' })
        .option('config', { alias: 'c', type: 'string', describe: 'Use this cctier config file (its rules and models) instead of searching (--no-config: use none)' }),
    )
    .command('policy <action> [dir]', 'Org policy: check a repository against it, export what Claude Code enforces natively as managed settings, or explain where each rule comes from', (y) =>
      y
        .positional('action', { choices: ['check', 'export', 'explain'], describe: 'check: the repository in dir against the policy; export: managed settings; explain: the merged policy with the source of each rule' })
        .positional('dir', { type: 'string', describe: 'The repository (default: .); its cctier config names the policy unless --policy does' })
        .option('policy', { type: 'string', describe: 'The policy file or npm package (default: "policy" in cctier config)' })
        .option('config', { alias: 'c', type: 'string', describe: 'Use this cctier config file instead of searching (--no-config: use none)' })
        .option('format', { alias: 'f', choices: FORMAT_NAMES, default: 'stylish', describe: 'Output format (export and explain: stylish or json)' })
        .option('color', { type: 'boolean', describe: 'Colour on or off (default: on for a terminal, off with NO_COLOR)' })
        .option('managed', { type: 'boolean', default: false, describe: 'export: write managed settings (managed-settings.json)' })
        .option('out', { type: 'string', describe: 'export: the folder to write into (default: print the settings to stdout)' })
        .option('dropin', { type: 'string', describe: 'export: write managed-settings.d/<NAME>.json instead of managed-settings.json' }),
    )
    .epilogue('Exit codes: 0 no errors, 1 problems found, 2 cctier could not do what was asked.')
    .strict()
    .exitProcess(false)
    .fail((msg, err) => {
      failure = msg ?? err?.message ?? 'invalid arguments';
    });
  const args = (await parser.parseAsync()) as Args;
  if (failure) {
    io.stderr(`cctier: ${failure}\nRun "cctier --help" for usage.\n`);
    return EXIT_USAGE;
  }
  // --help and --version print and set no command.
  if (args.help || args.version) return 0;
  const command = String(args._[0] ?? 'lint');
  switch (command) {
    case 'lint':
      return runLint(args, io);
    case 'effective':
      return (require('../commands/effective') as typeof import('../commands/effective')).run({ ...layerArgs(args), format: args.format as 'stylish' | 'json' }, io);
    case 'explain':
      return (require('../commands/explain') as typeof import('../commands/explain')).run(
        { ...layerArgs(args), pointer: String(args.pointer), format: args.format as 'stylish' | 'json' },
        io,
      );
    case 'check-permission':
      return (require('../commands/check-permission') as typeof import('../commands/check-permission')).run(
        { ...layerArgs(args), toolUse: String(args.toolUse), format: args.format as 'stylish' | 'json' },
        io,
      );
    case 'models':
      return (require('../commands/models') as typeof import('../commands/models')).run(
        { refs: ((args.refs as string[] | undefined) ?? []).map(String), format: args.format as 'table' | 'json', ...configArgs(args) },
        io,
      );
    case 'route':
      return (require('../commands/route') as typeof import('../commands/route')).run(
        { task: String(args.task ?? ''), dir: args.dir as string | undefined, format: args.format as 'text' | 'json', ...configArgs(args) },
        io,
      );
    case 'init':
      return runInit(args, io);
    case 'policy':
      return (require('../commands/policy') as typeof import('../commands/policy')).run(
        {
          action: args.action as import('../commands/policy').PolicyAction,
          dir: args.dir as string | undefined,
          policy: args.policy as string | undefined,
          format: args.format as FormatName,
          color: args.color as boolean | undefined,
          managed: Boolean(args.managed),
          out: args.out as string | undefined,
          dropin: args.dropin as string | undefined,
          ...configArgs(args),
        },
        io,
      );
    default:
      io.stderr(`cctier: unknown command "${command}"\nRun "cctier --help" for usage.\n`);
      return EXIT_USAGE;
  }
}

function runLint(args: Args, io: Io): Promise<ExitCode> {
  const maxWarnings = args.maxWarnings as number;
  if (!Number.isInteger(maxWarnings)) throw new UsageError('--max-warnings needs a whole number');
  // yargs turns --no-config into config: false.
  const useConfig = args.config !== false;
  const lint = require('../commands/lint') as typeof import('../commands/lint');
  return lint.run(
    {
      paths: (args.paths as string[] | undefined) ?? [],
      format: args.format as FormatName,
      outputFile: args.outputFile as string | undefined,
      maxWarnings,
      quiet: Boolean(args.quiet),
      strict: args.strict as boolean | undefined,
      scope: args.scope as Scope | undefined,
      config: useConfig ? (args.config as string | undefined) : undefined,
      useConfig,
      color: args.color as boolean | undefined,
      fix: Boolean(args.fix),
      fixDryRun: Boolean(args.fixDryRun),
      workerScript: __filename,
      // yargs turns --no-policy into policy: false.
      policy: args.policy as string | false | undefined,
    },
    io,
  );
}

function runInit(args: Args, io: Io): Promise<ExitCode> {
  const init = require('../commands/init') as typeof import('../commands/init');
  const yes = Boolean(args.yes);
  // Questions only when a person can answer them: stdin and stdout both a terminal.
  const ask: import('../commands/init').Ask | undefined =
    !yes && process.stdin.isTTY && process.stdout.isTTY
      ? async (question) => {
          const readline = require('node:readline/promises') as typeof import('node:readline/promises');
          const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
          try {
            return await rl.question(question);
          } finally {
            rl.close();
          }
        }
      : undefined;
  return init.run(
    {
      dir: args.dir as string | undefined,
      profile: args.profile as import('../core/scaffold/templates').ProfileName | undefined,
      only: ((args.only as string[] | undefined) ?? []).map(String),
      preCommit: args.preCommit as boolean | undefined,
      force: Boolean(args.force),
      dryRun: Boolean(args.dryRun),
      yes,
      ...configArgs(args),
    },
    io,
    ask,
  );
}
