import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { crdYamlToSchemas, strictSchema } from './crd-to-schema';

const CRD = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.org
spec:
  group: example.org
  names: { kind: Widget, plural: widgets }
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: { type: integer }
                labels: { type: object, additionalProperties: { type: string } }
                config: { type: object, x-kubernetes-preserve-unknown-fields: true, properties: { a: { type: string } } }
    - name: v1beta1
      served: true
      storage: false
      schema:
        openAPIV3Schema: { type: object }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: not-a-crd }
`;

describe('crdYamlToSchemas', () => {
  test('writes one {group}/{kind}_{version}.json per version, kind in lower case, skipping other kinds', () => {
    const files = crdYamlToSchemas(CRD);
    assert.deepEqual(
      files.map((file) => file.path),
      ['example.org/widget_v1.json', 'example.org/widget_v1beta1.json'],
    );
    assert.ok(files.every((file) => file.content.endsWith('}\n')));
  });

  test('closes objects that list properties, but not maps nor objects that keep unknown fields', () => {
    const [v1] = crdYamlToSchemas(CRD);
    const schema = JSON.parse(v1!.content) as {
      additionalProperties: boolean;
      properties: {
        spec: { additionalProperties: boolean; properties: Record<string, Record<string, unknown>> };
      };
    };
    assert.equal(schema.additionalProperties, false);
    assert.equal(schema.properties.spec.additionalProperties, false);
    assert.deepEqual(schema.properties.spec.properties['labels']?.['additionalProperties'], {
      type: 'string',
    });
    assert.equal(schema.properties.spec.properties['config']?.['additionalProperties'], undefined);
  });

  test('rejects a CRD without versions', () => {
    assert.throws(
      () => crdYamlToSchemas('kind: CustomResourceDefinition\nspec: { group: g, names: { kind: K } }\n'),
      /without spec.versions/,
    );
  });
});

describe('strictSchema', () => {
  test('recurses into arrays (items, oneOf) and leaves objects without properties open', () => {
    const result = strictSchema({
      type: 'array',
      items: { type: 'object', properties: { a: { type: 'string' } } },
      oneOf: [{ type: 'object' }],
    });
    assert.deepEqual(result, {
      type: 'array',
      items: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
      oneOf: [{ type: 'object' }],
    });
  });
});
