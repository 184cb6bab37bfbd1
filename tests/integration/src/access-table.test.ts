import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { type ProvisionedPrincipal, defaultNetworkFile } from '@metrochain/config';
import { networkProfile } from './support/network';
import { bearer } from './support/principals';

/** The access codes of the platform's guard: what a caller that passed the guard never gets. */
const ACCESS_CODES = new Set(['UNAUTHENTICATED', 'TOKEN_INVALID', 'ACCESS_FORBIDDEN', 'NMI_FORBIDDEN']);

type Policy = { public: true } | { public: false; roles: string[]; ownNmiOnly: boolean };

interface Route {
  service: string;
  mspId: string;
  baseUrl: string;
  method: string;
  path: string;
  policy: Policy | undefined;
}

interface Caller {
  label: string;
  principal?: ProvisionedPrincipal;
}

interface ServiceEntry {
  mspId: string;
  url: string;
}

/** Every operation of every running service instance, as its OpenAPI document declares it. */
async function declaredRoutes(): Promise<Route[]> {
  // The service instances are the devnet's addition to the connection profile, read as written.
  const file = JSON.parse(readFileSync(defaultNetworkFile(), 'utf8')) as {
    services: Record<string, ServiceEntry[]>;
  };
  const services = file.services;
  const routes: Route[] = [];
  for (const [service, instances] of Object.entries(services)) {
    for (const instance of instances) {
      const document = (await (await fetch(`${instance.url}/docs-json`)).json()) as {
        paths: Record<string, Record<string, { 'x-access'?: Policy }>>;
      };
      for (const [path, operations] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          const policy = operation['x-access'];
          routes.push({ service, mspId: instance.mspId, baseUrl: instance.url, method, path, policy });
        }
      }
    }
  }
  return routes;
}

/** What the declaration says this caller gets from the guard: 401, 403, or through (any other answer). */
function expected(route: Route, caller: Caller): 401 | 403 | 'through' {
  const policy = route.policy;
  if (policy === undefined || policy.public) {
    return 'through';
  }
  const principal = caller.principal;
  if (principal === undefined) {
    return 401;
  }
  if (!policy.roles.includes(principal.role)) {
    return 403;
  }
  return policy.ownNmiOnly && principal.role === 'nmi-operator' && principal.nmi !== route.mspId
    ? 403
    : 'through';
}

/** Placeholder path parameters and an empty body: enough to pass the guard, never enough to change anything. */
async function callRoute(route: Route, caller: Caller): Promise<{ status: number; code?: string }> {
  const path = route.path.replace(/\{[^}]+\}/g, 'access-table-probe');
  const hasBody = route.method === 'post' || route.method === 'put';
  const controller = new AbortController();
  const response = await fetch(`${route.baseUrl}${path}`, {
    method: route.method.toUpperCase(),
    headers: {
      ...bearer(caller.principal?.token),
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
    },
    ...(hasBody ? { body: '{}' } : {}),
    signal: controller.signal,
  });
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('application/json')) {
    // An event stream stays open: its status is the answer.
    controller.abort();
    return { status: response.status };
  }
  const body = (await response.json()) as { code?: unknown };
  return { status: response.status, ...(typeof body.code === 'string' ? { code: body.code } : {}) };
}

describe('every route of every service × every kind of caller (generated from the route declarations)', () => {
  it('answers each caller as the route declares: 401 anonymous, 403 another role or NMI, else through the guard', async () => {
    const routes = await declaredRoutes();
    const undeclared = routes.filter((route) => route.policy === undefined);
    assert.deepEqual(undeclared, [], 'every operation declares its access policy');
    const callers: Caller[] = [
      { label: 'anonymous' },
      ...networkProfile().identity.principals.map((principal) => ({ label: principal.name, principal })),
    ];
    const mismatches: string[] = [];
    let calls = 0;
    for (const route of routes) {
      for (const caller of callers) {
        const want = expected(route, caller);
        const got = await callRoute(route, caller);
        calls += 1;
        const passed = !ACCESS_CODES.has(got.code ?? '') && got.status !== 401;
        const ok = want === 'through' ? passed : got.status === want && ACCESS_CODES.has(got.code ?? '');
        if (!ok) {
          mismatches.push(
            `${route.service}@${route.mspId} ${route.method} ${route.path} as ${caller.label}: want ${String(want)}, got ${String(got.status)} ${got.code ?? ''}`,
          );
        }
      }
    }
    console.log(
      `access table: ${String(routes.length)} routes × ${String(callers.length)} callers = ${String(calls)} calls`,
    );
    assert.deepEqual(mismatches, []);
    assert.ok(
      routes.some((route) => route.policy?.public === false),
      'some routes are protected',
    );
  });
});
