// The name of an environment's rendered document: `mendix-cloud://<AppId>/<Mode>`. The editor
// opens it as a read-only document and the CLI reports it as the finding's file.

export const CLOUD_SCHEME = 'mendix-cloud';

export function cloudDocumentUri(appId: string, mode: string): string {
  return `${CLOUD_SCHEME}://${encodeURIComponent(appId)}/${encodeURIComponent(mode)}`;
}

/** AppId and Mode of a `mendix-cloud://` URI, or undefined when it is not one. */
export function parseCloudDocumentUri(uri: string): { appId: string; mode: string } | undefined {
  const m = /^mendix-cloud:\/\/([^/?#]+)\/([^/?#]+)\/?$/i.exec(uri);
  if (!m) return undefined;
  try {
    return { appId: decodeURIComponent(m[1]), mode: decodeURIComponent(m[2]) };
  } catch {
    return undefined;
  }
}

export function isCloudDocumentUri(path: string): boolean {
  return path.toLowerCase().startsWith(`${CLOUD_SCHEME}://`);
}
