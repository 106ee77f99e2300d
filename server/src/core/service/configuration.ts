import type { SeveritySetting } from '../base/finding';
import { configChain, governingConfig, isIgnored, settingsConfig, type WorkspaceConfig } from '../formats/mirrorlintConfig/read';
import type { MirrorLintSettings } from '../../../../shared/src/settings';

/** Editor settings of the workspace folders, and severities that win over everything (the CLI's `--rule`). */
export interface WorkspaceSettings {
  /** Settings per workspace folder; a folder `''` holds the settings of files outside every folder. */
  folders: { uri: string; settings: MirrorLintSettings }[];
  forcedSeverities?: Readonly<Record<string, SeveritySetting>>;
  /** A Kafka version that wins over every file's and folder's (the CLI's `--kafka-version`). */
  forcedKafkaVersion?: string;
}

/**
 * The configuration in effect for each file, from its three sources in ESLint's order: editor
 * settings of its workspace folder < the nearest `.mirrorlint.yaml` above it < command-line flags.
 */
export class Configuration {
  private readonly fromSettings: WorkspaceConfig[];

  constructor(private readonly files: WorkspaceConfig[], private readonly settings: WorkspaceSettings) {
    this.fromSettings = settings.folders.filter((f) => f.uri !== '').map((folder) => settingsConfig(folder.uri, folder.settings));
  }

  /** The configs that govern a file, strongest first. */
  chain(uri: string): WorkspaceConfig[] {
    return configChain(this.files, this.fromSettings, uri);
  }

  /** The Kafka version MM2 runs for a file, as configured; undefined when nothing says. */
  kafkaVersion(uri: string): string | undefined {
    const configured = this.settings.forcedKafkaVersion || this.chain(uri).find((config) => config.kafkaVersion)?.kafkaVersion;
    return configured || this.settings.folders.find((folder) => folder.uri === '')?.settings.kafkaVersion || undefined;
  }

  ignored(uri: string): boolean {
    return this.chain(uri).some((config) => isIgnored(config, uri));
  }

  severities(uri: string): Record<string, SeveritySetting> {
    const below = (folder: string): boolean => folder === '' || uri === folder || uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
    const folder = this.settings.folders.filter((f) => below(f.uri)).sort((a, b) => b.uri.length - a.uri.length)[0];
    return { ...folder?.settings.rules, ...governingConfig(this.files, uri)?.rules, ...this.settings.forcedSeverities };
  }
}
