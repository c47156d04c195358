// The progress line: on a terminal's stderr, one `\r`-rewritten line counting the environments
// read, cleared at the end. Driven in-process with a stderr that says it is a TTY (a spawned
// CLI never has one here); the per-environment summary follows on stdout for text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDeployApi, type DeployApiStandIn } from './support/deployApi';
import { API_KEY, landscape, USER } from './support/landscape';
import { runCheck } from '../../server/src/cli/runCheck';

let api: DeployApiStandIn;
before(async () => {
  api = await startDeployApi({ users: { [USER]: API_KEY }, apps: landscape() });
});
after(() => api.close());

function capture(isTTY: boolean) {
  let text = '';
  return { stream: { isTTY, write: (t: string) => (text += t) }, get text() { return text; } };
}

test('a terminal gets a progress line on stderr; a pipe does not', async () => {
  for (const isTTY of [true, false]) {
    const stdout = capture(false);
    const stderr = capture(isTTY);
    const env = { MENDIX_USERNAME: USER, MENDIX_API_KEY: API_KEY, MENDIX_DEPLOY_API_URL: api.url };
    const code = await runCheck(['--mendix-cloud', 'calc', '--offline', '--no-color'], { stdout: stdout.stream, stderr: stderr.stream, cwd: process.cwd(), env });
    assert.equal(code, 1);
    if (isTTY) {
      assert.match(stderr.text, /\rMendix Cloud: 1\/2 environments read\rMendix Cloud: 2\/2 environments read\r\u001b\[K/);
    } else {
      assert.equal(stderr.text, '');
    }
    assert.match(stdout.text, /Mendix Cloud environments:\n {2}calc\/Acceptance {2}1 error, 0 warnings\n {2}calc\/Production {2}0 errors, 0 warnings, 1 info \(production\)\n$/);
  }
});
