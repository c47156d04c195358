// SARIF help.markdown: a rule page with its links made absolute (GitHub shows it beside an
// alert, where relative links lead nowhere); links that leave the repository keep their text only.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { helpMarkdownOf } from '../../../server/src/cli/helpMarkdown';
import { REPOSITORY_URL, ruleDocUrl } from '../../../server/src/core/links';

describe('helpMarkdownOf', () => {
  const page = [
    '# invalid-port',
    'See [the other rule](tls-port-mismatch.md), [providers](../providers.md "Providers") and [below](#fix).',
    'Already absolute: [RFC 6409](https://www.rfc-editor.org/rfc/rfc6409) and [mail](mailto:a@example.com).',
    'Outside: [shared notes](../../../shared/docs/rules.md).',
    '![picture](../images/port.png)',
    '[ref]: ../cli.md',
    '',
  ].join('\n');
  const out = helpMarkdownOf('invalid-port', page);

  it('makes relative links absolute against the rule page', () => {
    assert.equal(ruleDocUrl('invalid-port'), `${REPOSITORY_URL}/blob/main/docs/rules/invalid-port.md`);
    assert.ok(out.includes(`[the other rule](${REPOSITORY_URL}/blob/main/docs/rules/tls-port-mismatch.md)`), out);
    assert.ok(out.includes(`[providers](${REPOSITORY_URL}/blob/main/docs/providers.md "Providers")`), out);
    assert.ok(out.includes(`[below](${REPOSITORY_URL}/blob/main/docs/rules/invalid-port.md#fix)`), out);
    assert.ok(out.includes(`![picture](${REPOSITORY_URL}/blob/main/docs/images/port.png)`), out);
    assert.ok(out.includes(`[ref]: ${REPOSITORY_URL}/blob/main/docs/cli.md`), out);
  });

  it('leaves absolute links alone and keeps only the text of a link out of the repository', () => {
    assert.ok(out.includes('[RFC 6409](https://www.rfc-editor.org/rfc/rfc6409)'));
    assert.ok(out.includes('[mail](mailto:a@example.com)'));
    assert.ok(out.includes('Outside: shared notes.'), out);
    assert.ok(!out.includes('shared/docs'));
    assert.equal(out.split('\n')[0], '# invalid-port');
  });
});
