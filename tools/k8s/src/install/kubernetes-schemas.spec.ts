import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rewriteDefinitionRefs } from './kubernetes-schemas';

test('rewriteDefinitionRefs points the wheel-relative references at the folder on disk', () => {
  const schema = '{"$ref": "/api/_definitions.json#/$defs/io.k8s.api.policy.v1.PodDisruptionBudgetSpec"}';
  assert.equal(
    rewriteDefinitionRefs(schema, '/cache/k8s schemas/v1.33.0-local-strict'),
    '{"$ref": "file:///cache/k8s%20schemas/v1.33.0-local-strict/_definitions.json#/$defs/io.k8s.api.policy.v1.PodDisruptionBudgetSpec"}',
  );
});
