import { buildConfig, type Mm2Config } from './model/config';
import { parseProperties } from './parse/properties';
import { PROPERTIES_RULES, type Finding, type SeveritySetting } from './rules';

export interface AnalyzeOptions {
  /** Per-rule severity overrides; `off` disables a rule. */
  severities?: Readonly<Record<string, SeveritySetting>>;
}

export interface PropertiesAnalysis {
  config: Mm2Config;
  findings: Finding[];
}

/** Parses and lints one dedicated-mode MM2 properties file. Never throws on any input text. */
export function analyzeProperties(text: string, options: AnalyzeOptions = {}): PropertiesAnalysis {
  const config = buildConfig(parseProperties(text));
  const findings: Finding[] = [];
  for (const rule of PROPERTIES_RULES) {
    const severity = options.severities?.[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    try {
      rule.check({
        config,
        report: (finding) => findings.push({ related: [], fixes: [], ...finding, ruleId: rule.meta.id, severity }),
      });
    } catch (error) {
      // A rule bug must not take the other rules (or the server) down with it.
      findings.push({
        ruleId: 'internal-error',
        severity: 'error',
        message: `MirrorLint rule \`${rule.meta.id}\` failed on this file: ${(error as Error).message}. Please report it.`,
        range: { start: 0, end: 0 },
        related: [],
        fixes: [],
      });
    }
  }
  return { config, findings };
}

/** Whether a file looks like a dedicated-mode MM2 config: it declares `clusters`. */
export function declaresClusters(text: string): boolean {
  return /^[ \t\f]*clusters[ \t\f]*[=:\s]/m.test(text);
}
