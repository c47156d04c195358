// A `.mendix-email.json` comes from the repository, so it is input an attacker can write:
// a 1 MB config that made a comment regex quadratic (181 s before the first diagnostics of
// the m2ee.yaml beside it), and an `overrides` glob that made a regex matcher backtrack
// (the server stopped answering). Over a real connection, each file beside such a config
// gets its diagnostics within a bound far below what those took; a glob that is refused is
// reported on the config file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, messageOf, serverForFile } from './workspace';

const M2EE = 'mxruntime:\n  MicroflowConstants:\n    Mail.SMTPHost: smtp.example.com\n    Mail.SMTPPort: 25\n';
/** Generous for a slow, shared CI machine; the inputs below took 20 s to minutes before. */
const BOUND_MS = 4000;

const server = serverForFile();

async function timedOpen(path: string): Promise<{ ms: number; codes: string[] }> {
  const started = performance.now();
  const published = await server.client.open(path, M2EE);
  return { ms: performance.now() - started, codes: codes(published) };
}

test('a 1 MB config of unclosed comments: the m2ee.yaml beside it is checked at once, the config reported', async () => {
  const config = server.ws.write('comments/.mendix-email.json', '/*x'.repeat(333_000));
  const reported = server.client.waitForDiagnostics(config, (p) => p.diagnostics.length > 0, 'config problems');
  const { ms, codes: found } = await timedOpen(server.ws.write('comments/m2ee.yaml', M2EE));
  assert.ok(ms < BOUND_MS, `first diagnostics after ${Math.round(ms)} ms`);
  assert.ok(found.includes('missing-credentials'), found.join());
  const problems = await reported;
  assert.match(messageOf(problems.diagnostics[0]), /not valid JSON/);
});

test('a glob that backtracks in a regex matcher, against a folder of 80 `a`s: answered at once', async () => {
  server.ws.write('evil/.mendix-email.json', JSON.stringify({ overrides: { 'a*a*a*a*a*a*a*a*b/**': 'mendix-cloud' } }));
  const { ms, codes: found } = await timedOpen(server.ws.write(`evil/${'a'.repeat(80)}/m2ee.yaml`, M2EE));
  assert.ok(ms < BOUND_MS, `first diagnostics after ${Math.round(ms)} ms`);
  assert.ok(found.includes('missing-credentials'), found.join());
  assert.ok(!found.includes('port-25-on-mendix-cloud'), 'the glob does not match, so the file kind\'s target (self-hosted) applies');
});

test('a glob too long to be hand-written is refused and reported on the config file; the others still apply', async () => {
  const config = server.ws.write(
    'long/.mendix-email.json',
    JSON.stringify({ overrides: { [`${'*a'.repeat(600)}/**`]: 'docker', 'apps/**': 'mendix-cloud' } }, null, 2),
  );
  const reported = server.client.waitForDiagnostics(config, (p) => p.diagnostics.length > 0, 'config problems');
  const { ms, codes: found } = await timedOpen(server.ws.write('long/apps/m2ee.yaml', M2EE));
  assert.ok(ms < BOUND_MS, `first diagnostics after ${Math.round(ms)} ms`);
  assert.ok(found.includes('port-25-on-mendix-cloud'), `apps/** still makes it Mendix Cloud: ${found.join()}`);
  const problems = await reported;
  assert.equal(problems.diagnostics.length, 1);
  assert.equal(problems.diagnostics[0].code, 'invalid-project-config');
  assert.match(messageOf(problems.diagnostics[0]), /1203 characters long; globs over 1000 are not used\. This entry of "overrides" is ignored\./);
  assert.equal(problems.diagnostics[0].range.start.line, 2, 'on the key of that entry');
});
