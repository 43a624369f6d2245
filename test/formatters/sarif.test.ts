import Ajv from 'ajv';
import { SARIF_SCHEMA, formatSarif, type SarifLog } from '../../src/formatters/sarif';
import type { FileResult } from '../../src/core/diagnostic';
import { AWKWARD_MESSAGE, CLEAN_ONLY, RESULTS, context } from './fixtures';

/**
 * The parts of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that cover the objects cctier
 * writes: their required properties, enums and minimums, and `additionalProperties: false` as in the
 * schema, so a misspelt property name fails here as it would in a validator.
 */
const message = { type: 'object', required: ['text'], additionalProperties: false, properties: { text: { type: 'string' } } };
const artifactLocation = {
  type: 'object',
  additionalProperties: false,
  properties: { uri: { type: 'string' }, uriBaseId: { type: 'string' }, index: { type: 'integer', minimum: -1 } },
};
const SARIF_SUBSET = {
  type: 'object',
  required: ['version', 'runs'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    version: { enum: ['2.1.0'] },
    runs: {
      type: 'array',
      items: {
        type: 'object',
        required: ['tool'],
        additionalProperties: false,
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            additionalProperties: false,
            properties: {
              driver: {
                type: 'object',
                required: ['name'],
                additionalProperties: false,
                properties: {
                  name: { type: 'string' },
                  informationUri: { type: 'string', pattern: '^https://' },
                  version: { type: 'string' },
                  semanticVersion: { type: 'string' },
                  rules: {
                    type: 'array',
                    uniqueItems: true,
                    items: {
                      type: 'object',
                      required: ['id'],
                      additionalProperties: false,
                      properties: {
                        id: { type: 'string' },
                        shortDescription: message,
                        defaultConfiguration: {
                          type: 'object',
                          additionalProperties: false,
                          properties: { level: { enum: ['none', 'note', 'warning', 'error'] } },
                        },
                        properties: { type: 'object' },
                      },
                    },
                  },
                },
              },
            },
          },
          originalUriBaseIds: { type: 'object', additionalProperties: artifactLocation },
          artifacts: {
            type: 'array',
            items: { type: 'object', additionalProperties: false, properties: { location: artifactLocation } },
          },
          columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['message'],
              additionalProperties: false,
              properties: {
                ruleId: { type: 'string' },
                ruleIndex: { type: 'integer', minimum: -1 },
                level: { enum: ['none', 'note', 'warning', 'error'] },
                message,
                locations: {
                  type: 'array',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                      physicalLocation: {
                        type: 'object',
                        required: ['artifactLocation'],
                        additionalProperties: false,
                        properties: {
                          artifactLocation,
                          region: {
                            type: 'object',
                            additionalProperties: false,
                            properties: {
                              startLine: { type: 'integer', minimum: 1 },
                              startColumn: { type: 'integer', minimum: 1 },
                              endLine: { type: 'integer', minimum: 1 },
                              endColumn: { type: 'integer', minimum: 1 },
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

const validate = new Ajv({ allErrors: true }).compile(SARIF_SUBSET);

function sarif(results: readonly FileResult[], cwd?: string): SarifLog {
  const text = formatSarif(results, context(cwd === undefined ? {} : { cwd }));
  const log = JSON.parse(text) as SarifLog;
  expect(text).toBe(JSON.stringify(log, null, 2));
  expect(validate(log) ? [] : validate.errors).toEqual([]);
  return log;
}

describe('sarif formatter', () => {
  const log = sarif(RESULTS);
  const run = log.runs[0];

  it('writes the whole log as expected', () => {
    const srcroot = { uriBaseId: '%SRCROOT%' };
    expect(log).toEqual({
      $schema: SARIF_SCHEMA,
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'cctier',
              informationUri: 'https://github.com/cctier/cctier',
              version: '0.1.0',
              semanticVersion: '0.1.0',
              rules: [
                {
                  id: 'schema/unknown-key',
                  shortDescription: { text: 'Keys Claude Code does not read.' },
                  defaultConfiguration: { level: 'error' },
                  properties: { fixable: true },
                },
                {
                  id: 'schema/invalid-type',
                  shortDescription: { text: 'Values of the wrong type.' },
                  defaultConfiguration: { level: 'error' },
                  properties: { fixable: false },
                },
                {
                  id: 'models/deprecated-alias',
                  shortDescription: { text: 'Retired model names.' },
                  defaultConfiguration: { level: 'warning' },
                  properties: { fixable: true },
                },
                {
                  id: 'permissions/broad-allow',
                  shortDescription: { text: 'Allow rules wider than they look.' },
                  defaultConfiguration: { level: 'warning' },
                  properties: { fixable: false },
                },
              ],
            },
          },
          originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///work/project/' } },
          artifacts: [
            { location: { uri: '.claude/settings.json', ...srcroot } },
            { location: { uri: '.claude/settings.local.json', ...srcroot } },
            { location: { uri: 'team%20configs/claude_settings.json', ...srcroot } },
          ],
          columnKind: 'utf16CodeUnits',
          results: [
            {
              ruleId: 'schema/unknown-key',
              ruleIndex: 0,
              level: 'error',
              message: { text: '"permisions" is not a Claude Code setting; did you mean "permissions"?' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: '.claude/settings.local.json', ...srcroot, index: 1 },
                    region: { startLine: 3, startColumn: 3, endLine: 3, endColumn: 15 },
                  },
                },
              ],
            },
            {
              ruleId: 'models/deprecated-alias',
              ruleIndex: 2,
              level: 'warning',
              message: { text: 'Model "claude-3-opus" is retired; use "opus".' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: '.claude/settings.local.json', ...srcroot, index: 1 },
                    region: { startLine: 3, startColumn: 17, endLine: 3, endColumn: 32 },
                  },
                },
              ],
            },
            {
              ruleId: 'permissions/broad-allow',
              ruleIndex: 3,
              level: 'warning',
              message: { text: AWKWARD_MESSAGE },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: '.claude/settings.local.json', ...srcroot, index: 1 },
                    region: { startLine: 12, startColumn: 9, endLine: 12, endColumn: 23 },
                  },
                },
              ],
            },
            {
              ruleId: 'schema/invalid-type',
              ruleIndex: 1,
              level: 'error',
              message: { text: '"cleanupPeriodDays" must be a number, not a string.' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: 'team%20configs/claude_settings.json', ...srcroot, index: 2 },
                    region: { startLine: 10, startColumn: 24, endLine: 10, endColumn: 28 },
                  },
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it('lists only the rules that reported, each once, and every ruleIndex points at its rule', () => {
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('hooks/unknown-event');
    expect(new Set(ids)).toEqual(new Set(RESULTS.flatMap((r) => r.diagnostics.map((d) => d.ruleId))));
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
  });

  it('points every location at an artifact, with 1-based regions that end after they start', () => {
    for (const result of run.results) {
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      expect(run.artifacts[artifactLocation.index!]?.location.uri).toBe(artifactLocation.uri);
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
      expect(region.endLine > region.startLine || region.endColumn > region.startColumn).toBe(true);
    }
  });

  it('keeps a valid, empty run when nothing was found', () => {
    expect(sarif([]).runs[0].results).toEqual([]);
    const clean = sarif(CLEAN_ONLY).runs[0];
    expect(clean.results).toEqual([]);
    expect(clean.tool.driver.rules).toEqual([]);
    expect(clean.artifacts).toHaveLength(1);
  });

  it('gives files outside cwd an absolute file URI, and encodes the base URI', () => {
    const outside: FileResult[] = [{ file: '/home/me/.claude/settings.json', diagnostics: [{ ...RESULTS[2]!.diagnostics[0]! }] }];
    const other = sarif(outside, '/work/my project').runs[0];
    expect(other.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/my%20project/' } });
    expect(other.artifacts).toEqual([{ location: { uri: 'file:///home/me/.claude/settings.json' } }]);
    expect(other.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({
      uri: 'file:///home/me/.claude/settings.json',
      index: 0,
    });
  });

  it('still indexes a rule the registry does not know', () => {
    const unknown: FileResult[] = [
      { file: 'x.json', diagnostics: [{ ...RESULTS[2]!.diagnostics[0]!, ruleId: 'parse/invalid-json' }] },
    ];
    const run2 = sarif(unknown).runs[0];
    expect(run2.tool.driver.rules).toEqual([{ id: 'parse/invalid-json' }]);
    expect(run2.results[0]!.ruleIndex).toBe(0);
  });
});
