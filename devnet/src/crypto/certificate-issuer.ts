import 'reflect-metadata';
import { createPrivateKey, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as x509 from '@peculiar/x509';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

/** Fabric CA's attribute extension: JSON `{"attrs":{...}}` read by the chaincode's ClientIdentity. */
export const FABRIC_ATTRIBUTE_OID = '1.2.3.4.5.6.7.8.1';

const EC_SIGNING = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

export interface IssuedCredential {
  certificatePem: string;
  privateKeyPem: string;
}

export interface CertificateAuthority {
  certificate: x509.X509Certificate;
  signingKey: CryptoKey;
}

export async function loadCertificateAuthority(
  certPath: string,
  keyPath: string,
): Promise<CertificateAuthority> {
  const certificate = new x509.X509Certificate(readFileSync(certPath, 'utf8'));
  const pkcs8 = createPrivateKey(readFileSync(keyPath, 'utf8')).export({ format: 'der', type: 'pkcs8' });
  const signingKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, EC_SIGNING, false, ['sign']);
  return { certificate, signingKey };
}

export interface IssueRequest {
  /** RFC 4514 subject, e.g. `CN=registration@ptb.metrochain.local, OU=client`. */
  subject: string;
  attributes?: Record<string, string>;
  dnsNames?: string[];
  ipAddresses?: string[];
  usage: 'client' | 'server';
}

async function extensionsFor(
  ca: CertificateAuthority,
  request: IssueRequest,
  publicKey: CryptoKey,
): Promise<x509.Extension[]> {
  const caKeyId = ca.certificate.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId;
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(
      x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
      true,
    ),
    await x509.SubjectKeyIdentifierExtension.create(publicKey),
  ];
  if (caKeyId !== undefined) {
    extensions.push(new x509.AuthorityKeyIdentifierExtension(caKeyId));
  }
  if (request.usage === 'server') {
    extensions.push(
      new x509.ExtendedKeyUsageExtension([
        x509.ExtendedKeyUsage.serverAuth,
        x509.ExtendedKeyUsage.clientAuth,
      ]),
    );
  }
  const names = [
    ...(request.dnsNames ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(request.ipAddresses ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  if (names.length > 0) {
    extensions.push(new x509.SubjectAlternativeNameExtension(names));
  }
  if (request.attributes !== undefined) {
    const value = new TextEncoder().encode(JSON.stringify({ attrs: request.attributes }));
    extensions.push(new x509.Extension(FABRIC_ATTRIBUTE_OID, false, value));
  }
  return extensions;
}

/** Issues a P-256 key and a certificate signed by the given CA. */
export async function issueCertificate(
  ca: CertificateAuthority,
  request: IssueRequest,
): Promise<IssuedCredential> {
  const keys: CryptoKeyPair = await webcrypto.subtle.generateKey(EC_SIGNING, true, ['sign', 'verify']);
  const notBefore = new Date(Date.now() - 60_000);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)))
      .toString('hex')
      .replace(/^[89a-f]/, '1'),
    subject: request.subject,
    issuer: ca.certificate.subject,
    notBefore,
    notAfter: new Date(notBefore.getTime() + ONE_YEAR_MS),
    publicKey: keys.publicKey,
    signingKey: ca.signingKey,
    signingAlgorithm: EC_SIGNING,
    extensions: await extensionsFor(ca, request, keys.publicKey),
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const privateKeyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trimEnd()}\n-----END PRIVATE KEY-----\n`;
  return { certificatePem: `${certificate.toString('pem')}\n`, privateKeyPem };
}
