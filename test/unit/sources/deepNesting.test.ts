// A value nested 10,000 deep (JSON in `.env` CONSTANTS, model/config.json, MendixApp
// customConfiguration, `.mendix-email.json`; YAML flow and block collections) overflowed a
// recursive parser and took the whole file down as one `syntax-error (RangeError)`. Now that
// value is reported on its own, in words, and the rest of the file is checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDocument } from '../../../server/src/engine/check';
import { parseProjectConfig } from '../../../server/src/config/parseProjectConfig';
import { offsetAt } from '../../../server/src/sources/index';

const DEPTH = 10_000;
const deepJson = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;

function check(path: string, text: string) {
  const result = checkDocument({ path, text });
  assert.ok(result, `${path} is read`);
  for (const f of result.findings) {
    assert.ok(offsetAt(text, f.range.end) <= text.length && offsetAt(text, f.range.start) <= offsetAt(text, f.range.end), `${f.ruleId} in the text`);
  }
  return { ids: result.findings.map((f) => f.ruleId), findings: result.findings, deep: result.findings.filter((f) => /nested (more than 200|too) deep/.test(f.message)) };
}

test('.env: a 10,000-deep CONSTANTS value is reported alone; the password and the sender are still checked', () => {
  const text = `MX_Mail_SMTPPassword=hunter2hunter2\nMX_Mail_FromAddress=noreply@example.com\nCONSTANTS={"x": ${deepJson}, "Mail.SMTPPort": "25"}\n`;
  const { ids, deep } = check('/p/.env', text);
  assert.ok(ids.includes('password-in-plain-text'), ids.join());
  assert.ok(ids.includes('sender-noreply'), ids.join());
  assert.ok(!ids.some((id) => id === 'syntax-error'), 'not the whole file');
  assert.equal(deep.length, 1);
  assert.equal(deep[0].ruleId, 'invalid-constants-json');
  assert.match(deep[0].message, /CONSTANTS holds arrays \/ objects nested more than 200 deep here/);
  assert.equal(deep[0].range.start.line, 2);
  assert.ok(ids.includes('invalid-port') || ids.includes('port-25-on-mendix-cloud') || ids.length > 3, 'a constant after the deep value is read too');
});

test('model/config.json and MendixApp customConfiguration: the deep value reported, the rest checked', () => {
  const config = check('/app/model/config.json', `{"Configuration": {"x": ${deepJson}}, "Constants": {"Mail.FromAddress": "noreply@example.com"}}`);
  assert.ok(config.ids.includes('sender-noreply'), config.ids.join());
  assert.equal(config.deep.length, 1);
  assert.match(config.deep[0].message, /config\.json holds arrays \/ objects nested more than 200 deep here; that value is not read/);

  const app = check(
    '/p/mendixapp.yaml',
    `apiVersion: privatecloud.mendix.com/v1alpha1\nkind: MendixApp\nmetadata:\n  name: a\nspec:\n  runtime:\n    customConfiguration: |\n      {"MicroflowConstants": {"Mail.FromAddress": "noreply@example.com", "x": ${deepJson}}}\n`,
  );
  assert.ok(app.ids.includes('sender-noreply'), app.ids.join());
  assert.equal(app.deep.length, 1);
});

test('YAML nested 10,000 deep (flow and block): said in words, and the rest checked', () => {
  const head = 'services:\n  app:\n    image: mendix/app\n    environment:\n      MX_Mail_SMTPPassword: hunter2hunter2\n      MX_Mail_FromAddress: noreply@example.com\n';
  for (const deep of [`      X: ${deepJson}\n`, `      X:\n        ${'- '.repeat(DEPTH)}x\n`]) {
    const { ids, deep: reported } = check('/p/docker-compose.yml', head + deep);
    assert.ok(ids.includes('password-in-plain-text') && ids.includes('sender-noreply'), ids.join());
    assert.equal(reported.length, 1, ids.join());
    assert.match(reported[0].message, /YAML syntax error: collections nested too deep to read/);
  }
});

test('.mendix-email.json: a deep value is a problem on that value, the rest of the config applies', () => {
  const loaded = parseProjectConfig(`{"target": "docker", "x": ${deepJson}}`, '/p/.mendix-email.json');
  assert.equal(loaded.config.target, 'docker');
  assert.ok(loaded.problems.some((p) => /nested more than 200 deep/.test(p.message)), JSON.stringify(loaded.problems.map((p) => p.message)));
});
