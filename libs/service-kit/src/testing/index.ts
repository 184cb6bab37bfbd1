// Helpers for the services' unit tests (`@metrochain/service-kit/testing`); never imported by product code.
export { Deferred, eventually, settle } from './async-control';
export { type TestIssuer, accessSpecProviders, newTestIssuer } from './test-issuer';
export { type OpenApiSchema, openApiSchemasOf, patternOf, propertyOf, schemaNamed } from './openapi-schemas';
export { ThrowawayRedis, redisMissing } from './throwaway-redis';
