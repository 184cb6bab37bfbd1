// Fakes for the unit tests of the messaging library and of the services (`@metrochain/messaging/testing`); never
// imported by product code.
export { type BatchDelivery, FakeConsumer } from './fake-consumer';
export { FakeEventProducer, type SentEvent } from './fake-event-producer';
export { FakeKafka, kafkaMessage } from './fake-kafka';
export { FakeProducer } from './fake-producer';
