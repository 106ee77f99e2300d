import type { ConnectorRole, Mm2Facts, Setting } from '../../../formats/facts';

/**
 * Whether a connector setting is the value some Mirror connector gets. In dedicated mode MM2
 * creates connectors only for its herder pairs (MirrorMakerConfig.clusterPairs), and a setting can
 * be shadowed for every one of them (a top-level value each flow overrides), so a bad value there
 * is never read. Strimzi and Connect files configure exactly the connectors they describe.
 *
 * `when: 'validated'`: every connector of a herder pair is validated, enabled or not (what ConfigDef
 * rejects fails there). `when: 'started'`: only enabled connectors build their filters and policy
 * (where a regex that does not compile fails), each of the given roles.
 */
export function reachesConnector(mm2: Mm2Facts, setting: Setting, property: string, when: 'validated' | 'started', roles: readonly ConnectorRole[] = ['source', 'checkpoint', 'heartbeat']): boolean {
  if (mm2.mode !== 'dedicated') return true;
  for (const flow of mm2.flows) {
    // Every connector of a dedicated-mode pair gets the same base config; the heartbeat view exists for every herder.
    const views = when === 'validated' ? [flow.connectors.heartbeat] : roles.map((role) => flow.connectors[role]);
    for (const view of views) if (view && view.value(property).setting === setting) return true;
  }
  return false;
}
