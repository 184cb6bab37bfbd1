import 'reflect-metadata';
import assert from 'node:assert/strict';
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import * as x509 from '@peculiar/x509';
import { FABRIC_ATTRIBUTE_OID, issueCertificate, loadCertificateAuthority } from './certificate-issuer';

async function temporaryCa(): Promise<{ cert: string; key: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'devnet-ca-'));
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const keyPem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  writeFileSync(path.join(dir, 'key.pem'), keyPem);
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await crypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=test-ca',
    keys,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
  writeFileSync(
    path.join(dir, 'key.pem'),
    `-----BEGIN PRIVATE KEY-----\n${pkcs8}\n-----END PRIVATE KEY-----\n`,
  );
  writeFileSync(path.join(dir, 'cert.pem'), caCert.toString('pem'));
  return { cert: path.join(dir, 'cert.pem'), key: path.join(dir, 'key.pem') };
}

describe('certificate issuer', () => {
  it('issues a client certificate signed by the CA carrying the Fabric role attribute', async () => {
    const files = await temporaryCa();
    const ca = await loadCertificateAuthority(files.cert, files.key);
    const issued = await issueCertificate(ca, {
      subject: 'CN=registration@ptb.metrochain.local, OU=client',
      attributes: { 'metrochain.role': 'registrar' },
      usage: 'client',
    });
    const cert = new X509Certificate(issued.certificatePem);
    assert.ok(cert.verify(new X509Certificate(ca.certificate.toString('pem')).publicKey));
    assert.match(cert.subject, /OU=client/);
    const extension = new x509.X509Certificate(issued.certificatePem).getExtension(FABRIC_ATTRIBUTE_OID);
    assert.ok(extension);
    assert.deepEqual(JSON.parse(Buffer.from(extension.value).toString('utf8')), {
      attrs: { 'metrochain.role': 'registrar' },
    });
  });

  it('issues a server certificate valid for 127.0.0.1', async () => {
    const files = await temporaryCa();
    const ca = await loadCertificateAuthority(files.cert, files.key);
    const issued = await issueCertificate(ca, {
      subject: 'CN=cc',
      dnsNames: ['cc'],
      ipAddresses: ['127.0.0.1'],
      usage: 'server',
    });
    const cert = new X509Certificate(issued.certificatePem);
    assert.equal(cert.checkIP('127.0.0.1'), '127.0.0.1');
    assert.equal(cert.checkHost('cc'), 'cc');
  });
});
