import { z } from 'zod';

/** An absolute path inside the image. */
const imagePath = z
  .string()
  .regex(/^\/[^\0]*[^/]$/, 'expected an absolute path inside the image, without a trailing /');
/** A path relative to the repository root. */
const repoPath = z.string().regex(/^[^/\0][^\0]*$/, 'expected a path relative to the repository root');
const octalMode = z.string().regex(/^0[0-7]{3,4}$/, 'expected an octal mode such as 0755');
/** Only root and the image user own files: nothing else exists in these images. */
const owner = z.enum(['0:0', '65532:65532']);
const globs = z.array(z.string().min(1)).min(1);

/** What one recipe puts into its layer; the kinds are implemented in src/layer/contents. */
export const contentSchema = z.discriminatedUnion('kind', [
  /** Users and groups (root, nonroot 65532), merged-/usr links, /tmp, /etc/nsswitch.conf. */
  z.object({ kind: z.literal('skeleton') }).strict(),
  /** Files of a pinned Debian package (paths after /usr merging), plus its record for package scanners. */
  z
    .object({ kind: z.literal('deb'), package: z.string().min(1), include: globs, exclude: globs.optional() })
    .strict(),
  /** /etc/ssl/certs/ca-certificates.crt from the pinned ca-certificates package. */
  z.object({ kind: z.literal('ca-certificates') }).strict(),
  /** The workspace's Node binary. */
  z.object({ kind: z.literal('node'), to: imagePath }).strict(),
  /** Static Fabric binaries that `devnet install` built. */
  z
    .object({ kind: z.literal('fabric-binaries'), names: z.array(z.string().min(1)).min(1), to: imagePath })
    .strict(),
  /** Fabric's sample core.yaml/orderer.yaml with the shared settings of @metrochain/deployment applied. */
  z
    .object({
      kind: z.literal('fabric-config'),
      role: z.enum(['peer', 'orderer']),
      to: imagePath,
      ccaasBuilder: imagePath.optional(),
    })
    .strict(),
  /** A file or a folder of the repository. */
  z.object({ kind: z.literal('files'), from: repoPath, to: imagePath, mode: octalMode }).strict(),
  z.object({ kind: z.literal('symlink'), path: imagePath, target: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('directory'), path: imagePath, mode: octalMode, owner }).strict(),
  /** A service's compiled main.js bundled by esbuild, with the packages it must load from node_modules. */
  z.object({ kind: z.literal('service-bundle'), service: z.string().min(1), to: imagePath }).strict(),
  /** A workspace package's compiled JavaScript with its production dependencies as node_modules. */
  z.object({ kind: z.literal('node-package'), package: repoPath, to: imagePath }).strict(),
]);
export type Content = z.infer<typeof contentSchema>;

/** Values a label may name as ${name}; src/labels.ts computes them. */
export const LABEL_VARIABLES = [
  'nodeVersion',
  'fabricRelease',
  'fabricCommit',
  'chaincodeVersion',
  'lrFingerprint',
] as const;

export const imageConfigSchema = z
  .object({
    user: z
      .string()
      .regex(/^\d+:\d+$/)
      .optional(),
    workdir: z.string().startsWith('/').optional(),
    entrypoint: z.array(z.string().min(1)).min(1).optional(),
    cmd: z.array(z.string().min(1)).optional(),
    env: z.record(z.string().regex(/^[A-Z_][A-Z0-9_]*$/), z.string()).optional(),
    /** Environment shared with the local network, taken from @metrochain/deployment by name. */
    deploymentEnv: z.enum(['chaincode-server']).optional(),
    ports: z.array(z.number().int().min(1).max(65_535)).optional(),
    labels: z.record(z.string().min(1), z.string()).optional(),
  })
  .strict();
export type ImageConfig = z.infer<typeof imageConfigSchema>;

export const recipeSchema = z
  .object({
    description: z.string().min(1),
    /** The recipe whose image this one is built on; none: from scratch. */
    from: z.string().min(1).optional(),
    /** Published images are exported as OCI archives; the others are only layers of them. */
    publish: z.boolean(),
    contents: z.array(contentSchema).min(1),
    config: imageConfigSchema.optional(),
  })
  .strict();
export type RecipeFile = z.infer<typeof recipeSchema>;

/** A recipe with its name (its folder under images/). */
export type Recipe = RecipeFile & { name: string };
