/** Injection tokens of what PlatformModule provides besides classes (EventProducer, ReadinessService). */
export const SERVICE_CONTEXT = 'METROCHAIN_SERVICE_CONTEXT';
export const REDIS_CLIENT = 'METROCHAIN_REDIS_CLIENT';
export const KAFKA_CLIENT = 'METROCHAIN_KAFKA_CLIENT';
export const KAFKA_ADMIN = 'METROCHAIN_KAFKA_ADMIN';
