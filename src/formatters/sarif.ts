/**
 * SARIF 2.1.0, the format GitHub code scanning and other static-analysis dashboards ingest: one run, a
 * rule table of the rules that reported, and one result per diagnostic. Paths inside the working directory
 * are relative URIs against %SRCROOT%; files outside it get absolute `file:` URIs.
 */

import type { FileResult, Severity } from '../core/diagnostic';
import { inSourceOrder } from './order';
import { directoryUri, fileUri, isInside, relativePosixPath, relativeUri } from './paths';
import type { FormatContext, Formatter } from './types';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}

interface ReportingDescriptor {
  id: string;
  shortDescription?: { text: string };
  defaultConfiguration?: { level: Severity };
  properties?: { fixable: boolean };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Severity;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: ArtifactLocation;
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }[];
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: {
        driver: {
          name: string;
          informationUri: string;
          version: string;
          semanticVersion: string;
          rules: ReportingDescriptor[];
        };
      };
      originalUriBaseIds: Record<string, { uri: string }>;
      artifacts: { location: ArtifactLocation }[];
      /** Our columns count UTF-16 code units (SARIF's default is Unicode code points). */
      columnKind: 'utf16CodeUnits';
      results: SarifResult[];
    },
  ];
}

function artifactLocation(file: string, cwd: string): ArtifactLocation {
  if (isInside(file, cwd)) return { uri: relativeUri(relativePosixPath(file, cwd)), uriBaseId: SRCROOT };
  return { uri: fileUri(file, cwd) };
}

/** The rules that reported, in registry order, then any rule the registry does not know. */
function ruleTable(usedIds: ReadonlySet<string>, context: FormatContext): ReportingDescriptor[] {
  const ids = [...context.rules.keys()].filter((id) => usedIds.has(id));
  for (const id of usedIds) if (!context.rules.has(id)) ids.push(id);
  return ids.map((id) => {
    const meta = context.rules.get(id);
    if (!meta) return { id };
    return {
      id,
      shortDescription: { text: meta.description },
      defaultConfiguration: { level: meta.severity },
      properties: { fixable: meta.fixable === true },
    };
  });
}

export function toSarifLog(results: readonly FileResult[], context: FormatContext): SarifLog {
  const usedIds = new Set<string>();
  for (const result of results) for (const d of result.diagnostics) usedIds.add(d.ruleId);
  const rules = ruleTable(usedIds, context);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));

  const artifacts: { location: ArtifactLocation }[] = [];
  const sarifResults: SarifResult[] = [];
  results.forEach((result, index) => {
    const location = artifactLocation(result.file, context.cwd);
    artifacts.push({ location });
    for (const d of inSourceOrder(result.diagnostics)) {
      sarifResults.push({
        ruleId: d.ruleId,
        ruleIndex: ruleIndex.get(d.ruleId)!,
        level: d.severity,
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { ...location, index },
              region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
            },
          },
        ],
      });
    }
  });

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cctier',
            informationUri: 'https://github.com/cctier/cctier',
            version: context.version,
            semanticVersion: context.version,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(context.cwd) } },
        artifacts,
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
}

export const formatSarif: Formatter = (results, context) => JSON.stringify(toSarifLog(results, context), null, 2);
