// What went wrong talking to the Deploy API, in the user's words, with what to do: one table
// from the API's error code (or the HTTP status when there is none) to the advice. No message
// here ever holds the API key: it is never part of a URL or an answer we quote.

export type CloudFailure =
  | 'unauthorized' // 401: wrong username or API key
  | 'no-access' // 403: API access not allowed for this environment
  | 'not-found' // 404: app or environment unknown (or not visible to this user)
  | 'invalid' // 400: the request was refused (INVALID_ENVIRONMENT, CONSTANT_NOT_FOUND, …)
  | 'rate-limited' // 429 after the retries
  | 'server' // 5xx
  | 'timeout'
  | 'network' // no connection, DNS, TLS, proxy
  | 'bad-answer'; // an answer that is not what the documentation describes

/** The advice per error code the documentation lists; codes it does not list fall back to the status. */
const ADVICE_BY_CODE: Record<string, string> = {
  NO_ACCESS: "allow API access for this environment in the portal's Permissions tab (Environments → Permissions → API Rights) for this user",
  APP_NOT_FOUND: 'check the AppId (the app\'s sub-domain name, as `mendix-email check --mendix-cloud \'*\'` lists it) and that this user is in the app\'s team',
  ENVIRONMENT_NOT_FOUND: 'check the environment name (Test, Acceptance, Production or a flexible environment\'s name); `--mendix-cloud <AppId>` checks them all',
  INVALID_ENVIRONMENT: 'use Test, Acceptance, Production or the name of a flexible environment',
  CONSTANT_NOT_FOUND: 'the deployed model does not declare this constant; nothing was changed',
};

const ADVICE_BY_FAILURE: Record<CloudFailure, string> = {
  unauthorized: 'check MENDIX_USERNAME (your Mendix login name) and MENDIX_API_KEY (a key from your Mendix Profile → API Keys)',
  'no-access': ADVICE_BY_CODE.NO_ACCESS,
  'not-found': 'check the app and environment names',
  invalid: 'the Deploy API refused the request; check the app and environment names',
  'rate-limited': 'the Deploy API asks to slow down; try again in a minute, or check fewer environments at once',
  server: 'the Deploy API has a problem of its own; try again later',
  timeout: 'the Deploy API did not answer in time; try again, or raise the timeout',
  network: 'check the network connection, the proxy (HTTPS_PROXY) and MENDIX_DEPLOY_API_URL',
  'bad-answer': 'the Deploy API answered with something other than what its documentation describes; check MENDIX_DEPLOY_API_URL',
};

export class CloudApiError extends Error {
  constructor(
    readonly failure: CloudFailure,
    /** what we asked, in words: "reading the settings of calc/Production" */
    readonly request: string,
    /** the API's error code (NO_ACCESS, APP_NOT_FOUND, …) when it gave one */
    readonly errorCode?: string,
    readonly status?: number,
    /** the API's own message, shortened; never holds a secret we sent */
    readonly apiMessage?: string,
  ) {
    super(describe(failure, request, errorCode, status, apiMessage));
    this.name = 'CloudApiError';
  }

  /** what to do about it */
  get advice(): string {
    return (this.errorCode && ADVICE_BY_CODE[this.errorCode]) ?? ADVICE_BY_FAILURE[this.failure];
  }
}

function describe(failure: CloudFailure, request: string, errorCode?: string, status?: number, apiMessage?: string): string {
  const code = [status !== undefined ? `HTTP ${status}` : undefined, errorCode].filter(Boolean).join(' ');
  const said = apiMessage ? `: ${apiMessage}` : '';
  const advice = (errorCode && ADVICE_BY_CODE[errorCode]) ?? ADVICE_BY_FAILURE[failure];
  const what =
    failure === 'timeout' ? 'timed out'
    : failure === 'network' ? 'could not connect'
    : failure === 'bad-answer' ? 'got an answer it cannot read'
    : failure === 'unauthorized' ? 'was refused: wrong username or API key'
    : 'failed';
  return `Mendix Cloud: ${request} ${what}${code ? ` (${code}${said})` : said}; ${advice}.`;
}

/** A 401/403/404/400/429/5xx answer → the failure it means. */
export function failureOfStatus(status: number): CloudFailure {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'no-access';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'invalid';
}
