import { Logger } from '@nestjs/common';
import { type LogEntry, type logCreator, logLevel } from 'kafkajs';

/** Sends kafkajs's own log lines through the service logger, with the client's fields kept as structure. */
export const kafkaLogCreator: logCreator = () => {
  const logger = new Logger('Kafka');
  return ({ namespace, level, log }: LogEntry): void => {
    const { message, ...fields } = log;
    const entry = { msg: message, namespace, ...fields };
    switch (level) {
      case logLevel.ERROR:
        logger.error(entry);
        break;
      case logLevel.WARN:
        logger.warn(entry);
        break;
      case logLevel.INFO:
        logger.log(entry);
        break;
      default:
        logger.debug(entry);
    }
  };
};
