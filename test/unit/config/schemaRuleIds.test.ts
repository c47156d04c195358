// The schema's rule-id enum (what editors complete in .mendix-email.json "rules" and "files")
// is the registry's rule list: a new rule that is not in the schema fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import schema from '../../../schemas/mendix-email.schema.json';
import { allRuleMetas } from '../../../server/src/registry/ruleTable';

test('schemas/mendix-email.schema.json knows exactly the rules of the registry', () => {
  const inSchema = [...schema.definitions.ruleId.enum].sort();
  const inRegistry = allRuleMetas.map((r) => r.id).sort();
  assert.deepEqual(inSchema, inRegistry);
});
