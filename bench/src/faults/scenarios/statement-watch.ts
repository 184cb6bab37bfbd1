import { type BillingStatementsV1, billingStatementsV1ValueSchema } from '@metrochain/contracts';
import { createKafkaClient } from '@metrochain/messaging';
import type { Consumer } from 'kafkajs';

/**
 * Every record of `billing.statements.v1` for one account, from the topic's beginning (a consumer group of its own):
 * how many times the billing service published its statement, whatever happened in between.
 */
export class StatementWatch {
  readonly events: BillingStatementsV1[] = [];
  #consumer: Consumer | undefined;

  async start(brokers: string[], accountId: string): Promise<void> {
    const kafka = createKafkaClient({ clientId: 'bench-faults-statements', brokers });
    const consumer = kafka.consumer({ groupId: `bench-faults-statements-${Date.now().toString(36)}` });
    this.#consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: ['billing.statements.v1'], fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        const parsed = billingStatementsV1ValueSchema.safeParse(
          JSON.parse(message.value?.toString() ?? '{}'),
        );
        if (parsed.success && parsed.data.accountId === accountId) {
          this.events.push(parsed.data);
        }
        return Promise.resolve();
      },
    });
  }

  async stop(): Promise<void> {
    await this.#consumer?.disconnect();
  }
}
