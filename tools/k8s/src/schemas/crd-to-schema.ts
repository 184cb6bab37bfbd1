import { parseAllDocuments } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** One kubeconform schema file: `{group}/{kind}_{version}.json` (kind in lower case) and its text. */
export interface CrdSchemaFile {
  path: string;
  content: string;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Strict like kubeconform's built-in `-strict` schemas: an object that lists its properties accepts no others,
 * unless it says so (`additionalProperties`) or keeps unknown fields (`x-kubernetes-preserve-unknown-fields`).
 */
export function strictSchema(schema: Json): Json {
  if (Array.isArray(schema)) {
    return schema.map(strictSchema);
  }
  if (!isObject(schema)) {
    return schema;
  }
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    result[key] = strictSchema(value);
  }
  const closes =
    result['type'] === 'object' &&
    isObject(result['properties']) &&
    !('additionalProperties' in result) &&
    result['x-kubernetes-preserve-unknown-fields'] !== true;
  if (closes) {
    result['additionalProperties'] = false;
  }
  return result;
}

function field(object: Json | undefined, key: string): Json | undefined {
  return isObject(object) ? object[key] : undefined;
}

function text(value: Json | undefined, what: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new Error(`CustomResourceDefinition without ${what}`);
  }
  return value;
}

function crdSchemas(crd: JsonObject): CrdSchemaFile[] {
  const spec = field(crd, 'spec');
  const group = text(field(spec, 'group'), 'spec.group');
  const kind = text(field(field(spec, 'names'), 'kind'), 'spec.names.kind').toLowerCase();
  const versions = field(spec, 'versions');
  if (!Array.isArray(versions)) {
    throw new Error(`CustomResourceDefinition ${group}/${kind} without spec.versions`);
  }
  return versions.map((version) => {
    const name = text(field(version, 'name'), 'spec.versions[].name');
    const schema = field(field(version, 'schema'), 'openAPIV3Schema');
    if (schema === undefined) {
      throw new Error(`CustomResourceDefinition ${group}/${kind} ${name} without an openAPIV3Schema`);
    }
    return {
      path: `${group}/${kind}_${name}.json`,
      content: `${JSON.stringify(strictSchema(schema), null, 2)}\n`,
    };
  });
}

/** The kubeconform schema of every version of every CustomResourceDefinition in a YAML stream. */
export function crdYamlToSchemas(yamlText: string): CrdSchemaFile[] {
  return parseAllDocuments(yamlText).flatMap((document) => {
    if (document.errors.length > 0) {
      throw new Error(`CRD YAML does not parse: ${document.errors[0]?.message ?? ''}`);
    }
    const value = document.toJSON() as Json;
    return isObject(value) && value['kind'] === 'CustomResourceDefinition' ? crdSchemas(value) : [];
  });
}
