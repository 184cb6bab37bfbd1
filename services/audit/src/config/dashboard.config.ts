import path from 'node:path';
import { z } from 'zod';

/** Settings of the dashboard and receipt page (env, all with devnet defaults). */
export interface DashboardConfig {
  /** Base URL of the verification service (records, proofs, the stream the dashboard relays). */
  verificationUrl: string;
  /** The built web app (services/audit/web/dist). */
  webDir: string;
}

const schema = z.object({
  AUDIT_VERIFICATION_URL: z.string().url().default('http://127.0.0.1:3002'),
  AUDIT_WEB_DIR: z.string().min(1).default(path.resolve(__dirname, '../../web/dist')),
});

export function loadDashboardConfig(env: NodeJS.ProcessEnv = process.env): DashboardConfig {
  const parsed = schema.parse(env);
  return { verificationUrl: parsed.AUDIT_VERIFICATION_URL.replace(/\/$/, ''), webDir: parsed.AUDIT_WEB_DIR };
}
