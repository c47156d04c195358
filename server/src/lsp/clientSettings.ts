// The editor's `mendixEmail.*` settings, per resource (a workspace folder may set its own
// default target). Asked with `workspace/configuration` and cached per document until the
// editor says they changed; editors that do not answer that request get the settings sent
// with `workspace/didChangeConfiguration` or in initializationOptions, or the defaults.
import type { Connection } from 'vscode-languageserver/node';
import { TARGETS, type SeveritySetting, type Target } from '../core/types';
import type { MendixEmailSettings } from '../../../protocol/messages';

// no defaultTarget: then the target resolution's built-in default (mendix-cloud) applies and says so
export const DEFAULT_SETTINGS: MendixEmailSettings = {
  rules: {},
  online: true,
  dns: { servers: [] },
};

const SEVERITIES = new Set<string>(['error', 'warning', 'info', 'hint', 'off']);

/** Accepts whatever an editor sends and keeps only well-formed values; never throws. */
export function normaliseSettings(raw: unknown, fallback: MendixEmailSettings = DEFAULT_SETTINGS): MendixEmailSettings {
  if (!raw || typeof raw !== 'object') return fallback;
  const value = raw as Record<string, unknown>;
  // absent means unset (built-in default); a value that is no target keeps what was known
  const defaultTarget =
    value.defaultTarget === undefined || value.defaultTarget === null
      ? undefined
      : TARGETS.includes(value.defaultTarget as Target)
        ? (value.defaultTarget as Target)
        : fallback.defaultTarget;
  const rules: Record<string, SeveritySetting> = {};
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, severity] of Object.entries(value.rules as Record<string, unknown>)) {
      if (typeof severity === 'string' && SEVERITIES.has(severity)) rules[id] = severity as SeveritySetting;
    }
  }
  const online = typeof value.online === 'boolean' ? value.online : fallback.online;
  const dnsRaw = value.dns && typeof value.dns === 'object' ? (value.dns as Record<string, unknown>).servers : undefined;
  const servers = Array.isArray(dnsRaw) ? dnsRaw.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : fallback.dns.servers;
  return { ...(defaultTarget ? { defaultTarget } : {}), rules: Object.keys(rules).length ? rules : { ...fallback.rules }, online, dns: { servers } };
}

export class SettingsStore {
  private readonly perDocument = new Map<string, Promise<MendixEmailSettings>>();
  /** Settings pushed by the editor (didChangeConfiguration / initializationOptions), for editors without pull. */
  private pushed: MendixEmailSettings = DEFAULT_SETTINGS;
  private canPull = false;

  constructor(private readonly connection: Connection) {}

  start(canPull: boolean, initial: unknown): void {
    this.canPull = canPull;
    this.pushed = normaliseSettings(initial);
  }

  /** The editor said settings changed; `settings` is what it sent (VS Code sends null when it expects a pull). */
  changed(settings: unknown): void {
    this.perDocument.clear();
    const section = settings && typeof settings === 'object' ? (settings as Record<string, unknown>).mendixEmail : undefined;
    if (section !== undefined) this.pushed = normaliseSettings(section, DEFAULT_SETTINGS);
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
  }

  for(uri: string): Promise<MendixEmailSettings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let settings = this.perDocument.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'mendixEmail' })
        .then((raw: unknown) => normaliseSettings(raw, this.pushed))
        // an editor that declared the capability but fails the request still gets checks
        .catch(() => this.pushed);
      this.perDocument.set(uri, settings);
    }
    return settings;
  }
}
