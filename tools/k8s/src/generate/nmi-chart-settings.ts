import { SERVICE_ROLES } from '@metrochain/contracts';
import { CCAAS_ENV, CHAINCODE, CHAINCODE_SERVER_ENV, CHANNEL_NAME } from '@metrochain/deployment';
import { type Generator, yamlFile } from './generator';

/**
 * charts/metrochain-nmi/files/deployment.generated.yaml: the settings the NMI chart shares with the local network
 * (channel, chaincode label, CCaaS variable names, the chaincode server's environment, each service's role), read by
 * its templates with `.Files.Get`.
 */
export const nmiChartSettingsGenerator: Generator = {
  name: 'metrochain-nmi chart settings',
  generate: () => [
    yamlFile('charts/metrochain-nmi/files/deployment.generated.yaml', 'libs/deployment and libs/contracts', [
      {
        channelName: CHANNEL_NAME,
        chaincode: { name: CHAINCODE.name, version: CHAINCODE.version, label: CHAINCODE.label },
        ccaasEnv: { address: CCAAS_ENV.address, rootCert: CCAAS_ENV.rootCert },
        chaincodeServerEnv: CHAINCODE_SERVER_ENV,
        serviceRoles: SERVICE_ROLES,
      },
    ]),
  ],
};
