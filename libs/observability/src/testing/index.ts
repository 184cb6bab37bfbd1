export { type CapturedLines, captureLines } from './capture-lines';
export { type RecordedSpans, recordSpans } from './recorded-spans';
