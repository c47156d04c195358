// The Mendix Cloud Deploy API v1 as its public documentation ("Deploy API – Version 1")
// describes the parts we use: apps, environments and an environment's settings. Answers are
// checked for shape here, so the rest of the code can trust them.

/** GET /api/1/apps → one of these per app the key can see. */
export interface CloudApp {
  /** the app's sub-domain name, used in every other URL */
  AppId: string;
  Name: string;
  ProjectId?: string;
  Url?: string;
}

/** GET /api/1/apps/<AppId>/environments → one of these per environment. */
export interface CloudEnvironment {
  /** Test, Acceptance, Production or the name of a flexible environment */
  Mode: string;
  Production: boolean;
  Status?: string;
  Url?: string;
  ModelVersion?: string;
  MendixVersion?: string;
}

/** One constant of GET …/settings. */
export interface CloudConstant {
  /** `Module.Constant` */
  Name: string;
  /** String, Integer, _Boolean, DateTime, Decimal, … */
  DataType: string;
  /** what the portal holds: takes effect at the next restart */
  Value: string;
  /** what the running app uses; null when the API gives none */
  DeployedValue: string | null;
}

/** GET/POST /api/1/apps/<AppId>/environments/<Mode>/settings */
export interface CloudSettings {
  Constants: CloudConstant[];
  CustomSettings: unknown[];
  ScheduledEvents: unknown[];
}

/** An AppId or Mode we can put in a URL path segment, a document name and a terminal line. */
const NAME = /^[^\u0000-\u001f\u007f-\u009f/\\?#]{1,100}$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);

/** The apps of an answer, or undefined when it is not a list of apps. */
export function appsOf(body: unknown): CloudApp[] | undefined {
  if (!Array.isArray(body)) return undefined;
  const apps: CloudApp[] = [];
  for (const item of body) {
    if (!isObject(item) || typeof item.AppId !== 'string' || !NAME.test(item.AppId)) continue;
    apps.push({ AppId: item.AppId, Name: text(item.Name) ?? item.AppId, ProjectId: text(item.ProjectId), Url: text(item.Url) });
  }
  return apps;
}

export function environmentsOf(body: unknown): CloudEnvironment[] | undefined {
  if (!Array.isArray(body)) return undefined;
  const environments: CloudEnvironment[] = [];
  for (const item of body) {
    if (!isObject(item) || typeof item.Mode !== 'string' || !NAME.test(item.Mode)) continue;
    environments.push({
      Mode: item.Mode,
      Production: item.Production === true,
      Status: text(item.Status),
      Url: text(item.Url),
      ModelVersion: text(item.ModelVersion),
      MendixVersion: text(item.MendixVersion),
    });
  }
  return environments;
}

export function settingsOf(body: unknown): CloudSettings | undefined {
  if (!isObject(body) || !Array.isArray(body.Constants)) return undefined;
  const constants: CloudConstant[] = [];
  for (const item of body.Constants) {
    if (!isObject(item) || typeof item.Name !== 'string' || item.Name === '') continue;
    constants.push({
      Name: item.Name,
      DataType: text(item.DataType) ?? 'String',
      Value: text(item.Value) ?? '',
      DeployedValue: item.DeployedValue === null || item.DeployedValue === undefined ? null : (text(item.DeployedValue) ?? null),
    });
  }
  return {
    Constants: constants,
    CustomSettings: Array.isArray(body.CustomSettings) ? body.CustomSettings : [],
    ScheduledEvents: Array.isArray(body.ScheduledEvents) ? body.ScheduledEvents : [],
  };
}
