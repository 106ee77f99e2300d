import { version } from '../../package.json';

/** Facts about MirrorLint that the extension, the server and the CLI must agree on. */
export const VERSION: string = version;
export const TOOL_NAME = 'MirrorLint';
/** `Diagnostic.source` of every finding. */
export const DIAGNOSTIC_SOURCE = 'mirrorlint';
/** The language id of dedicated-mode MM2 properties files. */
export const MM2_LANGUAGE_ID = 'mm2-properties';
/** `editor.codeActionsOnSave: { "source.fixAll.mirrorlint": "explicit" }` */
export const FIX_ALL_KIND = 'source.fixAll.mirrorlint';
/** The settings section. */
export const SETTINGS_SECTION = 'mirrorlint';
/** A properties file that declares `clusters` is a dedicated-mode MM2 config. */
export const CLUSTERS_LINE = /^[ \t\f]*clusters[ \t\f]*[=:\s]/m;
/** Where the rule pages are published, for SARIF and CLI links (the extension opens its own copy). */
export const DEFAULT_DOCS_URL = 'https://github.com/mirrorlint/mirrorlint/blob/main/docs/rules/';
