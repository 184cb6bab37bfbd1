'use strict';
/*
 * Entry point of the chaincode image: fabric-shim's `server` command (what `fabric-chaincode-node server` runs on the
 * local network, devnet/src/network/chaincode.ts) with its options taken from the environment, the usual way a
 * chaincode-as-a-service container is configured:
 *   CHAINCODE_ID              package id the peers know the chaincode by (label:sha256), required
 *   CHAINCODE_SERVER_ADDRESS  where to listen, host:port (image default 0.0.0.0:9999)
 *   CHAINCODE_TLS_CERT_FILE, CHAINCODE_TLS_KEY_FILE   TLS server pair (both or neither)
 *   CHAINCODE_TLS_CLIENT_CACERT_FILE                  optional: require client certificates issued by this CA
 * The contracts are the bundle in ./bundle (its package.json `main`), the bytes the LR fingerprint covers, loaded by
 * fabric-shim as on the local network; its externals resolve from ./node_modules.
 */
function variable(name) {
  const value = process.env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function fail(message) {
  process.stderr.write(`chaincode-server: ${message}\n`);
  process.exit(64);
}

function serverArguments() {
  const id = variable('CHAINCODE_ID');
  if (id === undefined) {
    fail('CHAINCODE_ID is required (the package id, label:sha256)');
  }
  const args = [
    'server',
    '--chaincode-address',
    variable('CHAINCODE_SERVER_ADDRESS') ?? '0.0.0.0:9999',
    '--chaincode-id',
    id,
    '--module-path',
    require('node:path').join(__dirname, 'bundle'),
  ];
  const cert = variable('CHAINCODE_TLS_CERT_FILE');
  const key = variable('CHAINCODE_TLS_KEY_FILE');
  if ((cert === undefined) !== (key === undefined)) {
    fail('set both CHAINCODE_TLS_CERT_FILE and CHAINCODE_TLS_KEY_FILE, or neither');
  }
  if (cert !== undefined && key !== undefined) {
    args.push('--chaincode-tls-cert-file', cert, '--chaincode-tls-key-file', key);
  }
  const clientCa = variable('CHAINCODE_TLS_CLIENT_CACERT_FILE');
  if (clientCa !== undefined) {
    args.push('--chaincode-tls-client-cacert-file', clientCa);
  }
  return args;
}

const cli = require.resolve('fabric-shim/cli.js', { paths: [__dirname] });
// fabric-shim parses process.argv with yargs when its CLI module loads.
process.argv = [process.execPath, cli, ...serverArguments()];
require(cli);
